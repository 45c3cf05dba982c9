"""Input forms of the coordinators' side of events. They validate shape
only; `services.management` and friends write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ikone.accounts.visibility import PERSON_SEARCH_MIN_LENGTH
from ikone.calls.models import Call
from ikone.core.choice_fields import ListedModelChoiceField, ListedModelMultipleChoiceField
from ikone.core.models import FieldOfAction
from ikone.core.uploads import DOCUMENT_TYPES, IMAGE_TYPES, MB, UploadValidator
from ikone.core.widgets import (
    FastCheckboxInput,
    FastDateTimeInput,
    FastHiddenInput,
    FastNumberInput,
    FastSelect,
    FastTextarea,
    FastTextInput,
    FastTimeInput,
    FastURLInput,
)
from ikone.events.models import (
    Audience,
    EventFormat,
    EventSeries,
    MaterialKind,
    MaterialVisibility,
)

DATETIME_INPUT_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M", "%d.%m.%Y, %H:%M"]
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]
MATERIAL_TYPES = DOCUMENT_TYPES + IMAGE_TYPES
MATERIAL_MAX_SIZE = 50 * MB
# Path segments below /veranstaltungen/ that an event slug must not take.
RESERVED_SLUGS = frozenset({"neu", "verwaltung", "feed", "feed.ics", "reihen", "kalender"})


class DateTimeInput(FastDateTimeInput):
    """The browser's date-and-time picker (shown in German in a German
    browser); typed German dates ("12.01.2021 10:00") are accepted too."""

    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class TimeInput(FastTimeInput):
    input_type = "time"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%H:%M")


def datetime_field(
    label: str | Any, *, required: bool = True, **kwargs: Any
) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        input_formats=DATETIME_INPUT_FORMATS,
        widget=DateTimeInput(),
        error_messages={
            "invalid": _("Bitte geben Sie Datum und Uhrzeit an, z. B. 12.01.2021 10:00."),
            "required": _("Bitte geben Sie Datum und Uhrzeit an."),
        },
        **kwargs,
    )


class EventForm(forms.Form):
    """Everything about an event except its agenda, speakers and status.
    `version` is the version the form was based on (optimistic locking).
    Its widgets, and those of the speaker and agenda forms, render in Python
    (ikone.core.widgets; issue 15: Django's widget templates cost the edit
    page more than the rest of it)."""

    title = forms.CharField(label=_("Titel"), max_length=200, widget=FastTextInput)
    slug = forms.SlugField(
        label=_("Kurzname in der Adresse"),
        max_length=200,
        required=False,
        widget=FastTextInput,
        help_text=_(
            "Erscheint in der Adresse /veranstaltungen/<Kurzname>/. Leer lassen, um ihn aus "
            "dem Titel zu bilden."
        ),
    )
    summary = forms.CharField(
        label=_("Kurzbeschreibung"),
        max_length=300,
        required=False,
        widget=FastTextInput,
        help_text=_("Ein bis zwei Sätze für Listen und Kalender."),
    )
    description = forms.CharField(
        label=_("Beschreibung"),
        required=False,
        max_length=20_000,
        widget=FastTextarea(attrs={"rows": 10}),
        help_text=_(
            "Absätze durch Leerzeilen. Erlaubt sind einfache HTML-Auszeichnungen: "
            "<p>, <strong>, <em>, <ul>, <ol>, <li>, <a href>, <h3>, <br>."
        ),
    )
    format = forms.ChoiceField(label=_("Format"), choices=EventFormat.choices, widget=FastSelect)
    starts_at = datetime_field(_("Beginn"))
    ends_at = datetime_field(_("Ende"))
    place = forms.CharField(
        label=_("Ort"),
        max_length=300,
        required=False,
        widget=FastTextInput,
        help_text=_("Adresse oder Raum bei Präsenz."),
    )
    meeting_url = forms.URLField(
        label=_("Link zur Online-Teilnahme"),
        max_length=500,
        required=False,
        assume_scheme="https",
        widget=FastURLInput,
        help_text=_("Nur bestätigte Teilnehmende, Referierende und die Koordination sehen ihn."),
    )
    capacity = forms.IntegerField(
        label=_("Plätze"),
        required=False,
        min_value=1,
        max_value=100_000,
        widget=FastNumberInput,
        help_text=_("Leer lassen für unbegrenzt."),
    )
    registration_deadline = datetime_field(_("Anmeldeschluss"), required=False)
    audience = forms.ChoiceField(
        label=_("Wer darf sich anmelden?"), choices=Audience.choices, widget=FastSelect
    )
    series = ListedModelChoiceField(
        label=_("Reihe"),
        queryset=EventSeries.objects.all(),
        required=False,
        empty_label=_("– keine Reihe –"),
        widget=FastSelect,
    )
    call = ListedModelChoiceField(
        label=_("Förderaufruf"),
        queryset=Call.objects.only("pk", "title").order_by("-deadline", "title"),
        required=False,
        empty_label=_("– kein bestimmter Aufruf –"),
        widget=FastSelect,
        help_text=_("Der Förderaufruf, um den es geht (optional)."),
    )
    fields_of_action = ListedModelMultipleChoiceField(
        label=_("Handlungsfelder"),
        queryset=FieldOfAction.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    allow_mentors_to_edit = forms.BooleanField(
        label=_("Mentor:innen dürfen diese Veranstaltung mitbetreuen"),
        required=False,
        widget=FastCheckboxInput,
        help_text=_(
            "Sie bearbeiten dann die Angaben, sehen die Teilnehmendenliste und erfassen die "
            "Anwesenheit."
        ),
    )
    version = forms.IntegerField(widget=FastHiddenInput, required=False)

    def __init__(self, *args: Any, can_change_team: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_change_team:
            del self.fields["allow_mentors_to_edit"]

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data.get("slug", "")
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(
                _(
                    "Dieser Kurzname ist für die Plattform reserviert. Bitte wählen Sie einen anderen."
                )
            )
        return slug

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        deadline = cleaned.get("registration_deadline")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("Das Ende liegt vor dem Beginn."))
        if deadline and ends_at and deadline > ends_at:
            self.add_error("registration_deadline", _("Der Anmeldeschluss liegt nach dem Ende."))
        event_format = cleaned.get("format")
        if event_format == EventFormat.ONSITE and not cleaned.get("place"):
            self.add_error("place", _("Bitte geben Sie den Ort der Veranstaltung an."))
        return cleaned


class CancelEventForm(forms.Form):
    reason = forms.CharField(
        label=_("Grund der Absage"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Steht in der E-Mail an alle Angemeldeten und auf der Veranstaltungsseite."),
    )
    confirm = forms.BooleanField(
        label=_("Ja, die Veranstaltung absagen und alle Angemeldeten benachrichtigen."),
        required=True,
        error_messages={"required": _("Bitte bestätigen Sie die Absage.")},
    )


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Person suchen (Name oder E-Mail-Adresse)"),
        min_length=PERSON_SEARCH_MIN_LENGTH,
        max_length=100,
        help_text=_(
            "Mindestens drei Zeichen. Gefunden werden Personen aus Ihren Organisationen; "
            "die Netzwerkkoordination findet alle."
        ),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class RegisterOtherForm(forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Anmerkung"), max_length=2000, required=False)


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Betreff"), max_length=150)
    body = forms.CharField(
        label=_("Nachricht"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 10})
    )
    include_waitlisted = forms.BooleanField(
        label=_("Auch an Personen auf der Warteliste senden"), required=False
    )


class AttendanceSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, E-Mail oder Organisation"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class MaterialForm(forms.Form):
    kind = forms.ChoiceField(label=_("Art"), choices=MaterialKind.choices)
    title = forms.CharField(label=_("Titel"), max_length=200)
    file = forms.FileField(
        label=_("Datei"),
        required=False,
        validators=[UploadValidator(allowed=MATERIAL_TYPES, max_size=MATERIAL_MAX_SIZE)],
        help_text=_("PDF, PPTX, DOCX, ODP, ODT, XLSX und Bilder, höchstens 50 MB."),
    )
    url = forms.URLField(
        label=_("oder Link (z. B. zur Aufzeichnung)"),
        max_length=500,
        required=False,
        assume_scheme="https",
    )
    visibility = forms.ChoiceField(
        label=_("Wer darf es sehen?"),
        choices=MaterialVisibility.choices,
        initial=MaterialVisibility.PARTICIPANTS,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        has_file, has_url = bool(cleaned.get("file")), bool(cleaned.get("url"))
        if not self.errors and has_file == has_url:
            raise forms.ValidationError(
                _("Bitte laden Sie entweder eine Datei hoch oder geben Sie einen Link an.")
            )
        return cleaned


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Wie hilfreich war die Veranstaltung für Sie?"),
        choices=[
            (5, _("5 – sehr hilfreich")),
            (4, _("4 – hilfreich")),
            (3, _("3 – teils, teils")),
            (2, _("2 – wenig hilfreich")),
            (1, _("1 – nicht hilfreich")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie eine Bewertung von 1 bis 5."),
            "invalid_choice": _("Bitte wählen Sie eine Bewertung von 1 bis 5."),
        },
    )
    comment = forms.CharField(
        label=_("Was war gut, was sollen wir besser machen?"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
