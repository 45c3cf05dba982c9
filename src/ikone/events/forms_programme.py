"""The programme of an event on its edit page: speakers and agenda items
as formsets whose widgets and management forms render in Python."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django import forms
from django.forms.formsets import ManagementForm
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from ikone.accounts.models import User
from ikone.core.datetimes import berlin_date, berlin_datetime
from ikone.core.widgets import (
    FastCheckboxInput,
    FastEmailInput,
    FastHiddenInput,
    FastTextarea,
    FastTextInput,
)
from ikone.events.forms import TIME_INPUT_FORMATS, TimeInput


class SpeakerForm(forms.Form):
    """One speaker: a person on the platform (by e-mail) or a guest."""

    id = forms.IntegerField(widget=FastHiddenInput, required=False)
    email = forms.EmailField(
        label=_("E-Mail-Adresse (Person auf der Plattform)"),
        required=False,
        widget=FastEmailInput,
        help_text=_("Dann sieht die Person den Zugangslink und kann Materialien hochladen."),
    )
    name = forms.CharField(
        label=_("Name (Gast ohne Konto)"), max_length=200, required=False, widget=FastTextInput
    )
    affiliation = forms.CharField(
        label=_("Institution"), max_length=200, required=False, widget=FastTextInput
    )
    role = forms.CharField(
        label=_("Rolle"),
        max_length=200,
        required=False,
        widget=FastTextInput,
        help_text=_("z. B. Moderation, Impulsvortrag"),
    )

    def clean_email(self) -> User | None:
        """The person with this address (the form's value is the User)."""
        email = self.cleaned_data.get("email")
        if not email:
            return None
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _(
                    "Zu dieser E-Mail-Adresse gibt es kein Konto. Tragen Sie die Person "
                    "stattdessen mit Namen als Gast ein."
                )
            )
        return user

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        missing = not cleaned.get("email") and not cleaned.get("name")
        if self.has_changed() and missing and not self.errors:
            self.add_error(
                "name",
                _("Bitte geben Sie den Namen oder die E-Mail-Adresse der Person an."),
            )
        return cleaned


class FastFormSet(forms.BaseFormSet):
    """A formset whose "delete" checkboxes and management form's hidden
    fields render in Python, as its forms' widgets do."""

    deletion_widget = FastCheckboxInput

    @cached_property
    def management_form(self) -> ManagementForm:
        form = super().management_form
        for field in form.fields.values():
            field.widget = FastHiddenInput(attrs=field.widget.attrs)
        return form


class BaseSpeakerFormSet(FastFormSet):
    def clean(self) -> None:
        people = [
            form.cleaned_data["email"].pk
            for form in self.forms
            if form.is_valid()
            and form.cleaned_data.get("email")
            and not form.cleaned_data.get("DELETE")
        ]
        if len(people) != len(set(people)):
            raise forms.ValidationError(_("Eine Person steht doppelt bei den Referierenden."))


SpeakerFormSet = forms.formset_factory(
    SpeakerForm, formset=BaseSpeakerFormSet, extra=1, can_delete=True, max_num=50
)


class AgendaItemForm(forms.Form):
    """One point of the programme; times are on the event's first day."""

    id = forms.IntegerField(widget=FastHiddenInput, required=False)
    starts_at = forms.TimeField(
        label=_("von"), required=False, input_formats=TIME_INPUT_FORMATS, widget=TimeInput()
    )
    ends_at = forms.TimeField(
        label=_("bis"), required=False, input_formats=TIME_INPUT_FORMATS, widget=TimeInput()
    )
    title = forms.CharField(
        label=_("Programmpunkt"), max_length=300, required=False, widget=FastTextInput
    )
    description = forms.CharField(
        label=_("Erläuterung"),
        required=False,
        max_length=2000,
        widget=FastTextarea(attrs={"rows": 2}),
    )
    speakers = forms.TypedMultipleChoiceField(
        label=_("Referierende"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, speaker_choices: list[tuple[int, str]] | None = None, **kwargs: Any
    ) -> None:
        """`speaker_choices`: (pk, name) of the event's saved speakers,
        built once for all rows of the formset."""
        super().__init__(*args, **kwargs)
        self.fields["speakers"].choices = speaker_choices or []  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.has_changed() and not cleaned.get("title") and not self.errors:
            self.add_error("title", _("Bitte geben Sie dem Programmpunkt einen Titel."))
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("Das Ende liegt vor dem Beginn."))
        return cleaned


AgendaFormSet = forms.formset_factory(
    AgendaItemForm, formset=FastFormSet, extra=1, can_delete=True, max_num=100
)


def on_event_day(day_of: datetime, clock: time | None) -> datetime | None:
    """A time of the agenda on the (Berlin) day the event starts."""
    if clock is None:
        return None
    return berlin_datetime(berlin_date(day_of), clock)
