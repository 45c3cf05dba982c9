"""The rows of /bewerbungen/ are built in Python
(`ikone.applications.list_rows`); they must write what the template's loop
wrote (with its status badge include), up to whitespace: compared as the
whole page for every status, an example draft and a call without deadline,
in both languages."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from ikone.applications.models import Draft, DraftStatus
from ikone.applications.services.drafts import draft_create
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403
from tests.applications.core_fixtures import make_call
from tests.html import normalized_html

PAGE = Path(__file__).parents[2] / "src/ikone/applications/templates/applications/draft_list.html"

FORMER_LOOP = """          {% for draft in page.object_list %}
            <tr class="kern-table__row">
              <td class="kern-table__cell"><a class="kern-link" href="{{ draft.get_absolute_url }}">{{ draft.title }}</a>{% if draft.is_example %} <span class="kern-badge kern-badge--warning"><span class="kern-label kern-label--small">{% translate "Beispiel" %}</span></span>{% endif %}</td>
              <td class="kern-table__cell">{{ draft.organization.name }}</td>
              <td class="kern-table__cell">{{ draft.call.title }}</td>
              <td class="kern-table__cell">{% include "applications/includes/status_badge.html" with draft=draft %}</td>
              <td class="kern-table__cell">{% if draft.call.deadline %}{{ draft.call.deadline|date:"SHORT_DATE_FORMAT" }}{% else %}–{% endif %}</td>
              <td class="kern-table__cell">{{ draft.updated_at|date:"SHORT_DATETIME_FORMAT" }}</td>
            </tr>
          {% endfor %}
"""


def _former_templates(tmp_path: Path) -> list[dict]:
    source = PAGE.read_text()
    assert "          {{ rows }}\n" in source
    (tmp_path / "applications").mkdir(parents=True)
    (tmp_path / "applications/draft_list.html").write_text(
        source.replace("          {{ rows }}\n", FORMER_LOOP)
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [str(tmp_path), *templates[0]["DIRS"]]
    return templates


@pytest.mark.parametrize("language", ["de", "en"])
def test_draft_list_matches_the_former_loop(
    workshop_draft, organization, staff_member, as_user, tmp_path, language
):
    undated = make_call("ohne-frist", deadline=None, title="Aufruf <ohne> Frist & Co")
    for number, status in enumerate(DraftStatus.values):
        draft = draft_create(
            organization=organization,
            call=undated if number % 2 else workshop_draft.call,
            title=f'Entwurf {number} <"{status}"> & mehr',
            actor=Actor(user=staff_member),
        )
        Draft.objects.filter(pk=draft.pk).update(status=status, is_example=bool(number % 2))
    client = as_user(staff_member)
    url = reverse("applications:list")
    now = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    with override_settings(TEMPLATES=_former_templates(tmp_path)):
        former = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert now.status_code == former.status_code == 200
    content = now.content.decode()
    assert normalized_html(content) == normalized_html(former.content.decode())
    assert content.count('<tr class="kern-table__row">') == len(DraftStatus.values) + 2
    assert "kern-badge--success" in content and "kern-badge--danger" in content
    assert "Aufruf &lt;ohne&gt; Frist &amp; Co" in content
