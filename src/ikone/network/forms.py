"""The overview's filters: a period of whole days and a Land or Kreis.
Field names are the German query parameters of the page's address."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ikone.core.datetimes import iso
from ikone.core.figures import Period
from ikone.core.pagecache import memo
from ikone.municipalities.models import Level, Municipality
from ikone.network.selectors.overview import WITHOUT_DISTRICT, Scope

DEFAULT_STATE = "07"  # Rheinland-Pfalz, the home of IKONE DS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def filter_units() -> list[tuple[str, str, str]]:
    """Every Land and Kreis (AGS, name, level): a memo, reused while the
    directory is unchanged, so the filters cost no query per request."""
    return memo.get_or_compute(
        "network:filter-units",
        lambda: list(
            Municipality.objects.filter(level__in=(Level.STATE, Level.DISTRICT)).values_list(
                "ags", "name", "level"
            )
        ),
    )


class OverviewFilterForm(forms.Form):
    von = forms.DateField(label=_("Von (Datum)"), required=False, widget=DateInput())
    bis = forms.DateField(label=_("Bis (Datum)"), required=False, widget=DateInput())
    land = forms.ChoiceField(label=_("Land"), required=False)
    kreis = forms.ChoiceField(label=_("Kreis"), required=False)

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        units = filter_units()
        states = sorted((ags, name) for ags, name, level in units if level == Level.STATE)
        # Rheinland-Pfalz first, where the directory has it (an empty
        # directory has no Land to preselect).
        default = DEFAULT_STATE if any(ags == DEFAULT_STATE for ags, _name in states) else ""
        if data is None:
            data = {"land": default}
        elif "land" not in data:
            data = data.copy()
            data["land"] = default
        super().__init__(data, **kwargs)
        state = self.data.get("land", "")
        districts = sorted(
            ((ags, name) for ags, name, level in units if level == Level.DISTRICT),
            key=lambda unit: unit[1],
        )
        if state:
            districts = [unit for unit in districts if unit[0].startswith(state)]
        land = cast(forms.ChoiceField, self.fields["land"])
        kreis = cast(forms.ChoiceField, self.fields["kreis"])
        land.choices = [("", _("alle Länder")), *states]
        kreis.choices = [
            ("", _("alle Kreise")),
            *districts,
            (WITHOUT_DISTRICT, _("ohne Kreis (Kooperationen)")),
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("von"), cleaned.get("bis")
        if since and until and since > until:
            self.add_error("bis", _("Das Enddatum liegt vor dem Anfangsdatum."))
        return cleaned

    def _value(self, name: str) -> Any:
        if not self.is_valid():
            return None
        return self.cleaned_data.get(name)

    def period(self) -> Period:
        return Period(since=self._value("von"), until=self._value("bis"))

    def scope(self) -> Scope:
        if not self.is_valid():
            return Scope()
        return Scope(
            state=self.cleaned_data.get("land") or "",
            district=self.cleaned_data.get("kreis") or "",
        )

    def query(self) -> dict[str, str]:
        """The valid filters as query parameters, for links to the lists."""
        if not self.is_valid():
            return {}
        query = {}
        for name in ("von", "bis"):
            if self.cleaned_data.get(name):
                query[name] = iso(self.cleaned_data[name]) or ""
        for name in ("land", "kreis"):
            query[name] = self.cleaned_data.get(name) or ""
        return query
