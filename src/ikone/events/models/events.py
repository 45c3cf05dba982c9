"""Events, their series, agenda and speakers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
