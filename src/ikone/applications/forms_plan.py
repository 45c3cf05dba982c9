"""Forms of the financing plan and the schedule. Shape only; services write."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ikone.applications import financing
from ikone.applications.models import CostCategory, MilestoneKind
from ikone.calls.models import CallPhase
from ikone.core.widgets import (
    FastCheckboxInput,
    FastHiddenInput,
    FastNumberInput,
    FastSelect,
    FastTextInput,
)


class GermanAmountInput(FastTextInput):
    """A text box that shows amounts the German way ("12.500,50")."""

    input_type = "text"
    widget_type = "germanamount"  # as Django named it before it was rendered in Python

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal):
            return financing.format_number(value)
        return super().format_value(value)


class GermanAmountField(forms.CharField):
    """Euro with cents typed the German way; cleans to a Decimal. Invalid
    input keeps what was typed and explains the format."""

    widget = GermanAmountInput

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        attrs.update(
            {
                "inputmode": "decimal",
                "autocomplete": "off",
                "spellcheck": "false",
                "maxlength": "30",
            }
        )
        return attrs

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, Decimal):
            return value
        text = super().to_python(value)
        if not text:
            return None
        try:
            return financing.parse_amount(text)
        except financing.AmountError as error:
            raise ValidationError(error.message, code="invalid") from None


class VersionField(forms.IntegerField):
    widget = FastHiddenInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 0)
        super().__init__(**kwargs)


class CostItemForm(forms.Form):
    measure = forms.CharField(
        label=_("Maßnahme"),
        max_length=200,
        help_text=_("Wofür die Kosten anfallen, z. B. „Digitales Bürgerbüro“."),
        widget=FastTextInput,
    )
    category = forms.ChoiceField(
        label=_("Kostenart"), choices=CostCategory.choices, widget=FastSelect
    )
    phase = forms.ModelChoiceField(
        label=_("Phase"),
        queryset=CallPhase.objects.none(),
        required=False,
        empty_label=_("–"),
        widget=FastSelect,
    )
    year = forms.IntegerField(
        label=_("Jahr"), min_value=2000, max_value=2100, widget=FastNumberInput
    )
    amount = GermanAmountField(
        label=_("Betrag in Euro"), help_text=_("Mit Komma für Cent, z. B. 12.500,50")
    )
    note = forms.CharField(
        label=_("Erläuterung"), max_length=300, required=False, widget=FastTextInput
    )
    version = VersionField(required=False)

    def __init__(self, *args: Any, phases: list[CallPhase], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["phase"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101
        field.queryset = CallPhase.objects.filter(pk__in=[phase.pk for phase in phases])
        # The call's phases are already loaded: no query per rendering.
        field.choices = [("", "–"), *((phase.pk, phase.name) for phase in phases)]
        if phases:
            field.required = True
            field.help_text = _("Die Phasen des Förderaufrufs.")


class FinancingSettingsForm(forms.Form):
    budget_emergency = forms.BooleanField(
        label=_("Die Kommune befindet sich in einer Haushaltsnotlage"),
        required=False,
        help_text=_("Dann gilt die höhere Förderquote des Aufrufs (z. B. 90 % statt 65 %)."),
        widget=FastCheckboxInput,
    )
    budget_emergency_note = forms.CharField(
        label=_("Nachweis der Haushaltsnotlage"),
        max_length=300,
        required=False,
        help_text=_("z. B. Bestätigung der Kommunalaufsicht vom …"),
        widget=FastTextInput,
    )
    version = VersionField()


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class MilestoneForm(forms.Form):
    title = forms.CharField(label=_("Bezeichnung"), max_length=200)
    kind = forms.ChoiceField(label=_("Art"), choices=MilestoneKind.choices)
    date = forms.DateField(
        label=_("Datum"),
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        help_text=_("z. B. 15.03.2027"),
    )
    done = forms.BooleanField(label=_("erledigt"), required=False)
    note = forms.CharField(label=_("Notiz"), max_length=300, required=False)
    version = VersionField(required=False)


class ConfirmForm(forms.Form):
    """A delete confirmation carries the version the person saw."""

    version = VersionField()


def add_validation_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: field errors beside
    their field, the rest above the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
