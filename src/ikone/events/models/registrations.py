"""Registrations for an event, with waiting list and attendance."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ikone.events.models.events import Event


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
