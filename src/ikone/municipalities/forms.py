"""The directory's search and filter form (GET parameters q, land, kreis,
typ, mitglied)."""

from collections import Counter
from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ikone.core.widgets import FastSelect
from ikone.municipalities.kinds import Choices, kind_choices
from ikone.municipalities.models import Municipality
from ikone.municipalities.selectors import DirectoryFilter

QUERY_MAX_LENGTH = 100


class DirectoryFilterForm(forms.Form):
    """Bound to request.GET. Invalid values show an error and do not filter;
    a Kreis outside the chosen Land is dropped, so changing the Land never
    leaves an impossible combination behind."""

    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=QUERY_MAX_LENGTH,
        help_text=_("Teil des Namens, z. B. „Zweibrücken“ oder „zweibruecken“"),
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
    )
    land = forms.ChoiceField(label=_("Land"), required=False, widget=FastSelect)
    kreis = forms.ChoiceField(
        label=_("Kreis oder kreisfreie Stadt"), required=False, widget=FastSelect
    )
    typ = forms.ChoiceField(label=_("Ebene oder Art"), required=False, widget=FastSelect)
    mitglied = forms.BooleanField(label=_("nur Mitglieder des Netzwerks"), required=False)

    def __init__(
        self,
        data: Any,
        *,
        states: Sequence[Municipality],
        districts: Sequence[Municipality],
    ) -> None:
        data = data.copy()
        district_keys = {district.ags for district in districts}
        if data.get("kreis") and data["kreis"] not in district_keys:
            data["kreis"] = ""
        super().__init__(data)
        everything: Choices = [("", _("alle"))]
        self.choice_field("land").choices = everything + [
            (state.ags, state.name) for state in states
        ]
        self.choice_field("kreis").choices = everything + district_choices(states, districts)
        self.choice_field("typ").choices = everything + kind_choices()

    def choice_field(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def to_filter(self) -> DirectoryFilter:
        """The valid part of the input; an invalid field counts as empty."""
        self.is_valid()
        data = self.cleaned_data
        return DirectoryFilter(
            q=data.get("q", ""),
            state_key=data.get("land", ""),
            district_key=data.get("kreis", ""),
            kind=data.get("typ", ""),
            members_only=data.get("mitglied", False),
        )


def district_choices(states: Sequence[Municipality], districts: Sequence[Municipality]) -> Choices:
    """Kreise grouped by Land (in key order). Names that occur twice in a
    Land, like Bavaria's "Ansbach" (Stadt and Landkreis), get their type."""
    names = Counter((district.ags[:2], district.name) for district in districts)
    groups: dict[str, list[tuple[str, str]]] = {state.ags: [] for state in states}
    for district in districts:
        label = district.name
        if names[(district.ags[:2], district.name)] > 1:
            label = f"{district.name} ({district.type_label})"
        groups.setdefault(district.ags[:2], []).append((district.ags, label))
    state_names = {state.ags: state.name for state in states}
    return [
        (state_names.get(key, key), choices) for key, choices in sorted(groups.items()) if choices
    ]
