"""The financing and schedule forms render their widgets in Python
(ikone.core.widgets); each form must write what it wrote with Django's
template widgets: compared field by field through `form_html`, empty,
filled and with errors, in both languages."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms
from django.test.html import parse_html
from django.utils import translation

from ikone.applications import financing
from ikone.applications.forms_plan import (
    ConfirmForm,
    CostItemForm,
    FinancingSettingsForm,
    MilestoneForm,
)
from ikone.core.form_fields import form_html
from ikone.core.widgets import (
    FastCheckboxInput,
    FastHiddenInput,
    FastNumberInput,
    FastSelect,
    FastTextInput,
)
from tests.applications.core_fixtures import *  # noqa: F403

FORMER = {
    FastTextInput: forms.TextInput,
    FastNumberInput: forms.NumberInput,
    FastHiddenInput: forms.HiddenInput,
    FastSelect: forms.Select,
    FastCheckboxInput: forms.CheckboxInput,
}


class _FormerAmountInput(forms.TextInput):
    """GermanAmountInput as it was: a template-rendered TextInput."""

    def format_value(self, value):
        if isinstance(value, Decimal):
            return financing.format_number(value)
        return super().format_value(value)


def _with_former_widgets(former: forms.Form) -> forms.Form:
    for field in former.fields.values():
        widget = field.widget
        kind = next((old for new, old in FORMER.items() if type(widget) is new), None)
        if type(widget).__name__ == "GermanAmountInput":
            kind = _FormerAmountInput
        if kind is None:
            continue
        replacement = kind(attrs=widget.attrs)
        if hasattr(widget, "choices"):
            replacement.choices = widget.choices
        field.widget = replacement
    return former


def _forms(phases):
    filled = {
        "measure": 'Bürgerbüro <digital> & "mobil"',
        "category": "personnel",
        "phase": str(phases[0].pk),
        "year": "1999",
        "amount": "12.500,5x",
        "note": "",
        "version": "3",
    }
    return [
        lambda: CostItemForm(phases=phases),
        lambda: CostItemForm(phases=[]),
        lambda: CostItemForm(filled, phases=phases),
        lambda: CostItemForm(
            initial={"amount": Decimal("12500.50"), "year": 2027, "version": 4}, phases=phases
        ),
        lambda: FinancingSettingsForm(initial={"budget_emergency": True, "version": 2}),
        lambda: FinancingSettingsForm(
            {"budget_emergency": "on", "budget_emergency_note": "x" * 301}
        ),
        MilestoneForm,
        lambda: MilestoneForm({"title": "", "kind": "x", "date": "morgen", "version": "-1"}),
        lambda: ConfirmForm({"version": ""}),
    ]


@pytest.mark.parametrize("language", ["de", "en"])
def test_plan_forms_render_what_the_template_widgets_rendered(workshop_call, language):
    from ikone.calls.models import CallPhase

    phases = [
        CallPhase.objects.create(call=workshop_call, key="a", name="Strategie <A>", position=1),
        CallPhase.objects.create(call=workshop_call, key="b", name="Umsetzung & B", position=2),
    ]
    with translation.override(language):
        for make in _forms(phases):
            form, former = make(), _with_former_widgets(make())
            for each in (form, former):
                if each.is_bound:
                    each.is_valid()
            assert parse_html(form_html(form)) == parse_html(form_html(former))
    assert 'value="12.500,50"' in form_html(_forms(phases)[3]())
    assert "kern-form-input__select-wrapper" in form_html(_forms(phases)[0]())
