"""The people page's table rows in Python (accounts/member_rows.py) and
their role select (FastSelect through `{% form_field %}`) are the markup
the template loop and the include of components/field.html with Django's
Select gave before, in German and English."""

import re

import pytest
from django import forms
from django.template import engines
from django.test.html import parse_html
from django.utils.translation import override

from ikone.accounts.forms import MembershipRoleForm
from ikone.accounts.member_rows import people_rows_html
from ikone.accounts.models import Role
from ikone.accounts.selectors import organization_people
from tests.accounts.factories import ContactMembershipFactory, MembershipFactory

FORMER = engines["django"].from_string(
    '{% include "components/field.html" with field=form.role %}'
)
NOW = engines["django"].from_string("{% load core_tags %}{% form_field form.role %}")


class FormerRoleForm(MembershipRoleForm):
    role = forms.ChoiceField(
        label=MembershipRoleForm.base_fields["role"].label, choices=Role.choices
    )


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("role", [role.value for role in Role])
def test_the_role_select_matches_the_former_include(role, language):
    with override(language):
        former = FORMER.render({"form": FormerRoleForm(initial={"role": role}, prefix="m7")})
        now = NOW.render({"form": MembershipRoleForm(initial={"role": role}, prefix="m7")})
    assert parse_html(now) == parse_html(former)
    assert f'value="{role}" selected' in now


# The table loop of accounts/organization_members.html before its rows moved
# to accounts/member_rows.py.
FORMER_ROWS = engines["django"].from_string(
    """{% load i18n core_tags %}{% for membership, role_form in people %}
            <tr class="kern-table__row">
              <td class="kern-table__cell">{{ membership.user }}<br><span class="kern-body--small">{{ membership.user.email }}</span></td>
              <td class="kern-table__cell">
                <form method="post" action="{% url 'organizations:membership_role' organization.slug membership.pk %}" class="ikone-inline-fields">
                  {% csrf_token %}
                  {% form_field role_form.role %}
                  <button type="submit" class="kern-btn kern-btn--secondary kern-btn--x-small"><span class="kern-label">{% translate "Rolle ändern" %}</span></button>
                </form>
              </td>
              <td class="kern-table__cell kern-table__cell--action"><a class="kern-link" href="{% url 'organizations:membership_remove' organization.slug membership.pk %}">{% blocktranslate with person=membership.user %}{{ person }} entfernen{% endblocktranslate %}</a></td>
            </tr>
          {% endfor %}"""
)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_rows_match_the_former_template_loop(language, organization, rf):
    ContactMembershipFactory(
        organization=organization, user__name="Ada <Lovelace> & Co", user__job_title="Leitung"
    )
    MembershipFactory(organization=organization, user__name="Bea Beispiel")
    MembershipFactory(organization=organization, user__name="")
    request = rf.get("/")
    with override(language):
        people = [
            (
                membership,
                MembershipRoleForm(initial={"role": membership.role}, prefix=f"m{membership.pk}"),
            )
            for membership in organization_people(organization=organization)
        ]
        context = {"organization": organization, "people": people}
        former = FORMER_ROWS.render(context, request)
        now = people_rows_html(request, organization, people)
    assert parse_html(TOKEN.sub("token", now)) == parse_html(TOKEN.sub("token", former))
    assert now.count("csrfmiddlewaretoken") == 3
    assert "Ada &lt;Lovelace&gt; &amp; Co" in now
