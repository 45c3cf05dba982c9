"""Forms of the catalogue: filters, the profile, review steps, adoption."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from ikone.accounts.models import Organization
from ikone.core.models import FieldOfAction
from ikone.core.uploads import ALL_TYPES, MB, UploadValidator
from ikone.core.widgets import FastCheckboxInput, FastSelect, FastTextInput
from ikone.municipalities.models import Municipality
from ikone.solutions.models import (
    Adoption,
    OpenDataLicence,
    SizeClass,
    Solution,
    SolutionStatus,
)
from ikone.solutions.selectors import CatalogueFilter

UPLOAD = UploadValidator(allowed=ALL_TYPES, max_size=20 * MB)


class CatalogueFilterForm(forms.Form):
    """The catalogue's filters; German parameter names as in the directory."""

    # Widgets rendered in Python (core.widgets): the filters are on every
    # request of the catalogue.
    q = forms.CharField(label=_("Suche"), required=False, max_length=200, widget=FastTextInput)
    handlungsfeld = forms.ChoiceField(label=_("Handlungsfeld"), required=False, widget=FastSelect)
    stand = forms.ChoiceField(
        label=_("Stand"),
        required=False,
        choices=[("", _("alle"))] + list(SolutionStatus.choices),
        widget=FastSelect,
    )
    groesse = forms.ChoiceField(
        label=_("passt zu Orten der Größe"),
        required=False,
        choices=[("", _("alle"))] + list(SizeClass.choices),
        widget=FastSelect,
    )
    land = forms.ChoiceField(label=_("Land"), required=False, widget=FastSelect)
    programm = forms.ChoiceField(label=_("Förderprogramm"), required=False, widget=FastSelect)
    offen = forms.BooleanField(
        label=_("nur mit offener Lizenz"), required=False, widget=FastCheckboxInput
    )

    def __init__(
        self,
        *args: Any,
        fields_of_action: Sequence[FieldOfAction],
        states: Sequence[Municipality],
        programmes: Sequence[str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._choices("handlungsfeld", [(f.key, f.label) for f in fields_of_action])
        self._choices("land", [(state.ags, state.name) for state in states])
        self._choices("programm", [(name, name) for name in programmes])

    def _choices(self, name: str, choices: list[tuple[str, str]]) -> None:
        cast(forms.ChoiceField, self.fields[name]).choices = [("", _("alle")), *choices]

    def to_filter(self) -> CatalogueFilter:
        """The valid part of the input; an invalid field counts as empty."""
        self.is_valid()
        data = self.cleaned_data
        return CatalogueFilter(
            query=data.get("q", ""),
            field=data.get("handlungsfeld", ""),
            status=data.get("stand", ""),
            size=data.get("groesse", ""),
            open_licence=data.get("offen", False),
            land=data.get("land", ""),
            programme=data.get("programm", ""),
        )


PROFILE_FIELDS = (
    "title", "summary", "description", "status", "start_year", "costs_eur", "costs_note",
    "funding_programme", "funding_eur", "funding_source_url", "licence", "code_repository",
    "data_standards", "interfaces", "contact_name", "contact_email", "lessons_learned",
    "preconditions_staff", "preconditions_data", "preconditions_infrastructure",
    "adoption_effort",
)  # fmt: skip


def _https_urls(field: Any, **kwargs: Any) -> Any:
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class SolutionForm(forms.ModelForm):
    """The profile. `version` carries the version the edit started from."""

    organizations = forms.ModelMultipleChoiceField(
        label=_("Organisationen"),
        queryset=Organization.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Die Organisationen, die die Lösung entwickelt haben oder betreiben."),
    )
    fields_of_action = forms.ModelMultipleChoiceField(
        label=_("Handlungsfelder"),
        queryset=FieldOfAction.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    suits_sizes = forms.MultipleChoiceField(
        label=_("passt zu Orten dieser Größe"),
        choices=SizeClass.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Solution
        fields = PROFILE_FIELDS
        formfield_callback = _https_urls
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "lessons_learned": forms.Textarea(attrs={"rows": 5}),
            "data_standards": forms.Textarea(attrs={"rows": 2}),
            "interfaces": forms.Textarea(attrs={"rows": 2}),
            "preconditions_staff": forms.Textarea(attrs={"rows": 2}),
            "preconditions_data": forms.Textarea(attrs={"rows": 2}),
            "preconditions_infrastructure": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "description": _("Absätze durch Leerzeilen trennen; Links werden übernommen."),
            "start_year": _("z. B. 2022"),
        }

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["organizations"]).queryset = organizations
        if self.instance.pk:
            self.initial.setdefault("organizations", list(self.instance.organizations.all()))
            self.initial.setdefault("fields_of_action", list(self.instance.fields_of_action.all()))
            self.initial.setdefault("suits_sizes", self.instance.suits_sizes)
            self.initial.setdefault("version", self.instance.version)

    def clean_start_year(self) -> int | None:
        year = self.cleaned_data.get("start_year")
        if year is not None and not 1990 <= year <= 2100:
            raise forms.ValidationError(_("Bitte geben Sie ein Jahr zwischen 1990 und 2100 an."))
        return year

    def profile_values(self) -> dict[str, Any]:
        values = {name: self.cleaned_data[name] for name in PROFILE_FIELDS}
        values.pop("title")
        values.pop("summary")
        values["suits_sizes"] = list(self.cleaned_data["suits_sizes"])
        return values


class TransitionForm(forms.Form):
    action = forms.CharField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Kommentar"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Kommentar"), widget=forms.Textarea(attrs={"rows": 3}))


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    file = forms.FileField(label=_("Datei"), validators=[UPLOAD])
    alt_text = forms.CharField(
        label=_("Alternativtext"),
        max_length=300,
        required=False,
        help_text=_("Für Bilder Pflicht: Was zeigt das Bild?"),
    )


class AdoptionForm(forms.ModelForm):
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )

    class Meta:
        model = Adoption
        fields = ("organization", "status", "since", "experience", "visibility")
        widgets = {
            "since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "experience": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organization"]).queryset = organizations
        if len(organizations) == 1:
            self.fields["organization"].initial = organizations[0]

    def validate_unique(self) -> None:
        """The service updates an existing adoption instead of refusing it."""


class InterestForm(forms.Form):
    fields_of_action = forms.ModelMultipleChoiceField(
        label=_("Handlungsfelder, die Sie angehen wollen"),
        queryset=FieldOfAction.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    needs = forms.CharField(
        label=_("Was suchen Sie?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "In eigenen Worten, z. B. „Wir wollen freie Parkplätze in der Altstadt anzeigen.“"
        ),
    )

    def __init__(
        self, *args: Any, fields_of_action: list[FieldOfAction] | None = None, **kwargs: Any
    ) -> None:
        """`fields_of_action`: all of them, in their order, when the caller
        has them (the catalogue's memo): the checkboxes then need no query
        (the model field reads them with a server-side cursor, 18 ms on the
        bench). Submitted values are still checked against the table."""
        super().__init__(*args, **kwargs)
        if fields_of_action is not None:
            cast(forms.ModelMultipleChoiceField, self.fields["fields_of_action"]).choices = [
                (field.pk, str(field)) for field in fields_of_action
            ]


class PlaceForm(forms.Form):
    ags = forms.RegexField(
        label=_("Amtlicher Gemeindeschlüssel"),
        regex=r"^\d{5}$|^\d{8}$",
        error_messages={"invalid": _("Bitte geben Sie einen 8-stelligen Gemeindeschlüssel an.")},
    )


class ExportLicenceForm(forms.Form):
    licence = forms.ChoiceField(
        label=_("Lizenz der offenen Daten"), choices=OpenDataLicence.choices
    )
