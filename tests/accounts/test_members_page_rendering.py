"""The role select of the people page in Python (FastSelect through
`{% form_field %}`) is the markup the include of components/field.html with
Django's Select gave before, for every role, in German and English."""

import pytest
from django import forms
from django.template import engines
from django.test.html import parse_html
from django.utils.translation import override

from ikone.accounts.forms import MembershipRoleForm
from ikone.accounts.models import Role

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
