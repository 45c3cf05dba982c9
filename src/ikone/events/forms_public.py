"""Forms of the public pages: the list's filters and registering oneself."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from ikone.accounts.models import Organization
from ikone.core.widgets import FastSelect
from ikone.events.selectors import PAST, UPCOMING, EventFilters

Choices = Sequence[tuple[str, str]]
TEXT_MAX_LENGTH = 2000


class EventFilterForm(forms.Form):
    """Bound to request.GET (zeit, format, reihe, handlungsfeld). Unknown
    values show an error and do not filter."""

    zeit = forms.ChoiceField(
        label=_("Zeitraum"),
        required=False,
        choices=[(UPCOMING, _("kommende")), (PAST, _("vergangene"))],
        widget=FastSelect,
    )
    format = forms.ChoiceField(label=_("Format"), required=False, widget=FastSelect)
    reihe = forms.ChoiceField(label=_("Reihe"), required=False, widget=FastSelect)
    handlungsfeld = forms.ChoiceField(label=_("Handlungsfeld"), required=False, widget=FastSelect)

    def __init__(
        self,
        data: Any,
        *,
        formats: Choices,
        series: Choices,
        fields_of_action: Choices,
    ) -> None:
        super().__init__(data)
        everything: list[tuple[str, Any]] = [("", _("alle"))]
        self._choice("format").choices = everything + list(formats)
        self._choice("reihe").choices = everything + list(series)
        self._choice("handlungsfeld").choices = everything + list(fields_of_action)

    def _choice(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def to_filters(self) -> EventFilters:
        if not self.is_valid():
            return EventFilters()
        data = self.cleaned_data
        return EventFilters(
            when=data["zeit"] or UPCOMING,
            format=data["format"],
            series=data["reihe"],
            field_of_action=data["handlungsfeld"],
        )


class RegistrationForm(forms.Form):
    """Registering oneself: the organisation (when the person has several),
    an optional note and accessibility needs."""

    organization = forms.ModelChoiceField(
        label=_("Ich melde mich an für"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("ohne Organisation"),
    )
    note = forms.CharField(
        label=_("Anmerkung"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    accessibility_needs = forms.CharField(
        label=_("Barrierefreiheit / Unterstützungsbedarf"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        help_text=_("z. B. Gebärdensprachdolmetschung, Untertitel, rollstuhlgerechter Zugang"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, organizations: Sequence[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["organization"])
        field.queryset = Organization.objects.filter(pk__in=[org.pk for org in organizations])
        if len(organizations) == 1:
            field.initial = organizations[0].pk
            field.empty_label = None
        elif not organizations:
            del self.fields["organization"]
        else:
            field.required = True
            field.empty_label = _("Bitte wählen")
