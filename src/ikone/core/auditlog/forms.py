from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class AuditFilterForm(forms.Form):
    """The filters above the audit log. Field names are the German query
    parameters of the page's address."""

    aktion = forms.CharField(
        label=_("Aktion"),
        required=False,
        max_length=100,
        help_text=_("z. B. accounts.invitation.sent, auch nur der Anfang: accounts.invitation"),
    )
    person = forms.CharField(
        label=_("Person"),
        required=False,
        max_length=254,
        help_text=_("E-Mail-Adresse oder Name, auch ein Teil davon"),
    )
    objekt = forms.CharField(label=_("Objekt"), required=False, max_length=300)
    von = forms.DateField(label=_("Von (Datum)"), required=False, widget=DateInput())
    bis = forms.DateField(label=_("Bis (Datum)"), required=False, widget=DateInput())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("von"), cleaned.get("bis")
        if since and until and since > until:
            self.add_error("bis", _("Das Enddatum liegt vor dem Anfangsdatum."))
        return cleaned

    def filters(self) -> dict[str, Any]:
        """The selector's keyword arguments for the valid filters."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "action": data["aktion"].strip(),
            "person": data["person"].strip(),
            "target": data["objekt"].strip(),
            "since": data["von"],
            "until": data["bis"],
        }
