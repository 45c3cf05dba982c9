"""The rows of /organisationen/ are written in Python
(`ikone.accounts.organization_rows`) and its filter form renders its
widgets in Python; the page must write what the template's loop (with the
network status include) and Django's template widgets wrote, up to
whitespace: members since a year, a month and a day, a member without date,
a former member, an organisation outside the network, names that need
escaping, a filled filter form, in both languages."""

from __future__ import annotations

import copy
import datetime
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import QueryDict
from django.test import override_settings

from ikone.accounts import selectors
from ikone.accounts.forms import OrganizationFilterForm
from ikone.accounts.models import DatePrecision, NetworkMembershipStatus
from tests.accounts.factories import (
    MembershipFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
)
from tests.html import normalized_html

pytestmark = pytest.mark.django_db

PAGE = Path(__file__).parents[2] / "src/ikone/accounts/templates/accounts/organization_list.html"

FORMER_LOOP = """          {% for organization in page.object_list %}
            <tr class="kern-table__row">
              <td class="kern-table__cell"><a class="kern-link" href="{{ organization.get_absolute_url }}">{{ organization.name }}</a></td>
              <td class="kern-table__cell">{{ organization.get_kind_display }}</td>
              <td class="kern-table__cell">{% include "accounts/includes/network_status.html" with membership=organization.primary_memberships|first network=network %}</td>
              <td class="kern-table__cell kern-table__cell--numeric">{{ organization.people_count }}</td>
            </tr>
          {% endfor %}
"""


def _former_templates(tmp_path: Path) -> list[dict]:
    source = PAGE.read_text()
    assert "          {{ rows }}\n" in source
    (tmp_path / "accounts").mkdir(parents=True)
    (tmp_path / "accounts/organization_list.html").write_text(
        source.replace("          {{ rows }}\n", FORMER_LOOP)
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [str(tmp_path), *templates[0]["DIRS"]]
    return templates


class _FormerFilterForm(OrganizationFilterForm):
    """The filter form with Django's template widgets, as it was."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        search = forms.TextInput(attrs={"type": "search"})
        search.attrs.update(self.fields["q"].widget.attrs)  # maxlength, as the field added it
        self.fields["q"].widget = search
        self.fields["mitglied"].widget = forms.CheckboxInput()


@pytest.mark.parametrize("query", ["", "?q=%3C%26%3E", "?q=Stadt&mitglied=on"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_organization_list_matches_the_former_loop(client, tmp_path, monkeypatch, language, query):
    since = datetime.date(2019, 4, 17)
    for precision in DatePrecision.values:
        NetworkMembershipFactory(
            organization=OrganizationFactory(name=f"Stadt <{precision}> & Co"),
            member_since=since,
            member_since_precision=precision,
        )
    NetworkMembershipFactory(
        organization=OrganizationFactory(name="Stadt ohne"), member_since=None
    )
    NetworkMembershipFactory(
        organization=OrganizationFactory(name="Stadt früher"),
        member_until=datetime.date(2020, 12, 31),
    )
    NetworkMembershipFactory(
        organization=OrganizationFactory(name="Stadt angefragt"),
        status=NetworkMembershipStatus.values[-1],
    )
    outside = OrganizationFactory(name='Stadt "draußen" <&>')
    people = MembershipFactory.create_batch(3, organization=outside)
    # Signed in, as the page is rendered for people (visitors get it from the
    # page cache, which would hand the second request the first's answer).
    client.force_login(people[0].user)

    url = "/organisationen/" + query
    now = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    monkeypatch.setattr(
        "ikone.accounts.views.organizations.OrganizationFilterForm", _FormerFilterForm
    )
    # The view's paginator only numbers pages (count and rows come from a
    # memo); the former loop reads the organisations from the page.
    form = OrganizationFilterForm(QueryDict(query.lstrip("?")))
    assert form.is_valid()
    organizations = selectors.organization_list(
        query=form.cleaned_data["q"], members_only=form.cleaned_data["mitglied"]
    )
    monkeypatch.setattr(
        "ikone.accounts.views.organizations.Paginator",
        lambda _numbered, per_page: Paginator(organizations, per_page),
    )
    with override_settings(TEMPLATES=_former_templates(tmp_path)):
        former = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert now.status_code == former.status_code == 200
    content = now.content.decode()
    assert normalized_html(content) == normalized_html(former.content.decode())
    assert ("Stadt &quot;draußen&quot; &lt;&amp;&gt;" in content) is ("mitglied" not in query)
    if not query:
        assert content.count("ikone-network-status__since") == len(DatePrecision.values)
