"""After an event: materials and feedback."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ikone.events.models.events import Event


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
