"""The directory's search and filter form (GET parameters q, land, kreis,
typ, mitglied)."""

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ikone.core.widgets import (
    FastCheckboxInput,
    FastSearchInput,
    FastSelect,
    RenderedChoices,
    options_html,
)
from ikone.municipalities.kinds import Choices, kind_choices
from ikone.municipalities.selectors import DirectoryChoices, DirectoryFilter

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
        widget=FastSearchInput(attrs={"autocomplete": "off"}),
    )
    land = forms.ChoiceField(label=_("Land"), required=False, widget=FastSelect)
    kreis = forms.ChoiceField(
        label=_("Kreis oder kreisfreie Stadt"), required=False, widget=FastSelect
    )
    typ = forms.ChoiceField(label=_("Ebene oder Art"), required=False, widget=FastSelect)
    mitglied = forms.BooleanField(
        label=_("nur Mitglieder des Netzwerks"), required=False, widget=FastCheckboxInput
    )

    def __init__(self, data: Any, *, choices: DirectoryChoices) -> None:
        data = data.copy()
        if data.get("kreis") and data["kreis"] not in choices.district_keys:
            data["kreis"] = ""
        super().__init__(data)
        everything: Choices = [("", _("alle"))]
        # Prepared once per Land (a memo): hundreds of Kreise, normalised
        # and written as options on every directory page before.
        everything_html = options_html(everything)
        self.choice_field("land").choices = RenderedChoices(
            everything + choices.states, everything_html + choices.states_html
        )
        self.choice_field("kreis").choices = RenderedChoices(
            everything + choices.district_groups, everything_html + choices.districts_html
        )
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
