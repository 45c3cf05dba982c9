"""Workshops: events, their agenda and speakers, registrations, materials
and feedback.

Models are thin: every write goes through `ikone.events.services`
(`services/registration.py` for registrations, `services/management*.py`
for what coordinators do). Times are stored aware (UTC in the database)
and shown in Europe/Berlin.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EventSeries(models.Model):
    """A series of events that belong together, e.g. "Workshopreihe Smart
    City Bewerbung". Used as a filter and shown on each event."""

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=200, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Veranstaltungsreihe")
        verbose_name_plural = _("Veranstaltungsreihen")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    ONSITE = "onsite", _("Vor Ort")
    HYBRID = "hybrid", _("Hybrid")


class Audience(models.TextChoices):
    """Who may register. Everyone may see a published event."""

    EVERYONE = "everyone", _("Alle Interessierten")
    MUNICIPAL_STAFF = "municipal_staff", _("Nur Mitarbeitende von Kommunen")
    NETWORK_MEMBERS = "network_members", _("Nur Mitglieder des Netzwerks")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PUBLISHED = "published", _("Veröffentlicht")
    CANCELLED = "cancelled", _("Abgesagt")


class Event(models.Model):
    """One workshop or meeting.

    - `description` holds HTML that services sanitise with nh3
      (`ikone.events.sanitize.clean_description`) before saving.
    - `capacity` None means unlimited; confirmed registrations never exceed
      it (enforced by `services.registration` under a row lock on the event).
    - `version` is for optimistic locking of edits: an update names the
      version it was based on and increments it (see STYLE.md).
    - `ics_sequence` is the iCalendar SEQUENCE: incremented whenever the
      time, place or status changes, so calendars replace their copy.
    - Mentors may edit when `allow_mentors_to_edit` is set; `editors` lists
      further people (e.g. speakers) who may edit this event.
    """

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=200, unique=True)
    summary = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        blank=True,
        help_text=_("Ein bis zwei Sätze für Listen und Kalender."),
    )
    description = models.TextField(_("Beschreibung"), blank=True)
    format = models.CharField(
        _("Format"), max_length=10, choices=EventFormat.choices, default=EventFormat.ONLINE
    )
    starts_at = models.DateTimeField(_("Beginn"), db_index=True)
    ends_at = models.DateTimeField(_("Ende"))
    place = models.CharField(
        _("Ort"), max_length=300, blank=True, help_text=_("Adresse oder Raum bei Präsenz.")
    )
    meeting_url = models.URLField(
        _("Link zur Online-Teilnahme"),
        max_length=500,
        blank=True,
        help_text=_("Nur bestätigte Teilnehmende, Referierende und die Koordination sehen ihn."),
    )
    capacity = models.PositiveIntegerField(
        _("Plätze"), null=True, blank=True, help_text=_("Leer lassen für unbegrenzt.")
    )
    registration_deadline = models.DateTimeField(_("Anmeldeschluss"), null=True, blank=True)
    audience = models.CharField(
        _("Zielgruppe"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("Reihe"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    fields_of_action = models.ManyToManyField(
        "core.FieldOfAction", verbose_name=_("Handlungsfelder"), blank=True, related_name="events"
    )
    call = models.ForeignKey(
        "calls.Call",
        verbose_name=_("Förderaufruf"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        help_text=_("Der Förderaufruf, um den es geht (optional)."),
    )
    status = models.CharField(
        _("Status"),
        max_length=10,
        choices=EventStatus.choices,
        default=EventStatus.DRAFT,
        db_index=True,
    )
    cancelled_at = models.DateTimeField(_("abgesagt am"), null=True, blank=True)
    cancellation_reason = models.TextField(_("Grund der Absage"), blank=True)
    allow_mentors_to_edit = models.BooleanField(_("Mentor:innen dürfen bearbeiten"), default=False)
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("weitere Bearbeitende"),
        blank=True,
        related_name="editable_events",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angelegt von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="created_events",
    )
    version = models.PositiveIntegerField(_("Version"), default=1)
    ics_sequence = models.PositiveIntegerField(_("Kalender-Sequenz"), default=0)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def is_online(self) -> bool:
        """Online or hybrid: there is (or should be) a meeting link."""
        return self.format in (EventFormat.ONLINE, EventFormat.HYBRID)


class Speaker(models.Model):
    """A person speaking at an event: someone on the platform (`user`) or a
    guest known only by name and affiliation. Speakers who are users see the
    meeting link and may attach materials."""

    event = models.ForeignKey(
        Event, verbose_name=_("Veranstaltung"), on_delete=models.CASCADE, related_name="speakers"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person auf der Plattform"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="speaking_at",
    )
    name = models.CharField(
        _("Name"), max_length=200, blank=True, help_text=_("Für Gäste ohne Konto.")
    )
    affiliation = models.CharField(_("Institution"), max_length=200, blank=True)
    role = models.CharField(
        _("Rolle"), max_length=200, blank=True, help_text=_("z. B. Moderation, Impulsvortrag")
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Referent:in")
        verbose_name_plural = _("Referierende")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(name=""),
                name="speaker_user_or_name",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The guest name, else the user's name (select_related `user`)."""
        if self.name:
            return self.name
        return str(self.user) if self.user_id else ""


class AgendaItem(models.Model):
    """One point of an event's programme, with its time and speakers."""

    event = models.ForeignKey(
        Event, verbose_name=_("Veranstaltung"), on_delete=models.CASCADE, related_name="agenda"
    )
    starts_at = models.DateTimeField(_("Beginn"), null=True, blank=True)
    ends_at = models.DateTimeField(_("Ende"), null=True, blank=True)
    title = models.CharField(_("Titel"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True)
    speakers = models.ManyToManyField(
        Speaker, verbose_name=_("Referierende"), blank=True, related_name="agenda_items"
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        verbose_name = _("Programmpunkt")
        verbose_name_plural = _("Programm")
        ordering = ["position", "starts_at", "pk"]

    def __str__(self) -> str:
        return self.title


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("bestätigt")
    WAITLISTED = "waitlisted", _("Warteliste")
    CANCELLED = "cancelled", _("storniert")


class Registration(models.Model):
    """A person's registration for an event, on behalf of an organisation
    (or none, for people without one).

    At most one active (confirmed or waitlisted) registration per person
    and event; cancelled ones stay as history. The waiting list is ordered
    by `waitlisted_at`, then pk. The `reminder_*_sent_at` columns are
    claimed with a conditional UPDATE so each reminder goes out once.
    """

    event = models.ForeignKey(
        Event,
        verbose_name=_("Veranstaltung"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("Organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    status = models.CharField(
        _("Status"),
        max_length=10,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    waitlisted_at = models.DateTimeField(_("auf der Warteliste seit"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("bestätigt am"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("storniert am"), null=True, blank=True)
    note = models.TextField(_("Anmerkung"), blank=True)
    accessibility_needs = models.TextField(
        _("Barrierefreiheit / Unterstützungsbedarf"), blank=True
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angemeldet von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    attended_at = models.DateTimeField(_("anwesend (Check-in)"), null=True, blank=True)
    reminder_day_sent_at = models.DateTimeField(
        _("Erinnerung (Vortag) gesendet"), null=True, blank=True
    )
    reminder_hour_sent_at = models.DateTimeField(
        _("Erinnerung (1 Stunde) gesendet"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("angemeldet am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("event registration", "Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=~models.Q(status="cancelled"),
                name="registration_one_active_per_person",
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status"]),
            models.Index(fields=["person", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status != RegistrationStatus.CANCELLED


class MaterialKind(models.TextChoices):
    SLIDES = "slides", _("Folien")
    MINUTES = "minutes", pgettext_lazy("meeting minutes", "Protokoll")
    RECORDING = "recording", _("Aufzeichnung (Link)")
    OTHER = "other", _("Sonstiges")


class MaterialVisibility(models.TextChoices):
    PUBLIC = "public", _("Öffentlich")
    PARTICIPANTS = "participants", _("Nur Teilnehmende")
    NETWORK = "network", _("Nur Netzwerkmitglieder")


def material_upload_to(instance: Material, filename: str) -> str:
    return f"events/{instance.event_id}/materials/{filename}"


class Material(models.Model):
    """Slides, minutes, a recording link or another document of an event:
    a file (checked by `core.uploads.UploadValidator`) or a URL."""

    event = models.ForeignKey(
        Event, verbose_name=_("Veranstaltung"), on_delete=models.CASCADE, related_name="materials"
    )
    kind = models.CharField(
        _("Art"), max_length=20, choices=MaterialKind.choices, default=MaterialKind.SLIDES
    )
    title = models.CharField(_("Titel"), max_length=200)
    file = models.FileField(_("Datei"), upload_to=material_upload_to, blank=True, max_length=300)
    url = models.URLField(_("Link"), max_length=500, blank=True)
    visibility = models.CharField(
        _("Sichtbarkeit"),
        max_length=20,
        choices=MaterialVisibility.choices,
        default=MaterialVisibility.PARTICIPANTS,
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hochgeladen von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("hinzugefügt am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Material")
        verbose_name_plural = _("Materialien")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class FeedbackResponse(models.Model):
    """A participant's feedback on an event: one per person, rating 1–5."""

    event = models.ForeignKey(
        Event, verbose_name=_("Veranstaltung"), on_delete=models.CASCADE, related_name="feedback"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.CASCADE,
        related_name="event_feedback",
    )
    rating = models.PositiveSmallIntegerField(
        _("Bewertung"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("Kommentar"), blank=True)
    created_at = models.DateTimeField(_("abgegeben am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Rückmeldung")
        verbose_name_plural = _("Rückmeldungen")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="feedback_one_per_person"),
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.event}: {self.rating}"
