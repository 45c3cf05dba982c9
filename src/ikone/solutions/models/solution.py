"""A solution profile (Lösung / Projektsteckbrief) and its review trail."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.solutions.models.choices import (
    OPEN_LICENCES,
    Effort,
    Licence,
    ReviewState,
    SolutionStatus,
)


class Solution(models.Model):
    """A transferable smart-city solution of one or more organisations.

    `description` and `lessons_learned` hold HTML cleaned by
    `solutions.text.clean_rich_text` in the service that saves them.
    `version` counts saves so that two editors never overwrite each other
    (services.solutions.solution_update). `search_text` is the folded text
    the catalogue's search matches (title, summary, description, owners).
    """

    title = models.CharField(_("Titel"), max_length=200)
    slug = models.SlugField(_("Kurzname in der Adresse"), max_length=200, unique=True)
    summary = models.CharField(_("Kurzbeschreibung"), max_length=500)
    description = models.TextField(_("Beschreibung"), blank=True)
    organizations = models.ManyToManyField(
        "accounts.Organization",
        verbose_name=_("Organisationen"),
        related_name="solutions",
        blank=True,
    )
    fields_of_action = models.ManyToManyField(
        "core.FieldOfAction",
        verbose_name=_("Handlungsfelder"),
        related_name="solutions",
        blank=True,
    )
    model_project = models.ForeignKey(
        "solutions.ModelProject",
        verbose_name=_("Modellprojekt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="solutions",
    )
    status = models.CharField(
        _("Stand"), max_length=20, choices=SolutionStatus.choices, default=SolutionStatus.IDEA
    )
    start_year = models.PositiveSmallIntegerField(_("Startjahr"), null=True, blank=True)
    costs_eur = models.DecimalField(
        _("Kosten in Euro"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    costs_note = models.CharField(_("Erläuterung der Kosten"), max_length=300, blank=True)
    funding_programme = models.CharField(_("Förderprogramm"), max_length=200, blank=True)
    funding_eur = models.DecimalField(
        _("Fördersumme in Euro"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    funding_source_url = models.URLField(_("Quelle der Förderangabe"), blank=True)
    licence = models.CharField(
        _("Lizenz"), max_length=40, choices=Licence.choices, default=Licence.UNKNOWN, blank=True
    )
    code_repository = models.URLField(_("Code-Repository (z. B. OpenCoDE)"), blank=True)
    data_standards = models.TextField(_("Datenstandards"), blank=True)
    interfaces = models.TextField(_("Schnittstellen"), blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=150, blank=True)
    contact_email = models.EmailField(_("Kontakt-E-Mail"), blank=True)
    lessons_learned = models.TextField(_("Erfahrungen und Lehren"), blank=True)
    suits_sizes = models.JSONField(
        _("passt zu Orten dieser Größe"), default=list, blank=True
    )  # SizeClass values
    preconditions_staff = models.TextField(_("Voraussetzungen: Personal"), blank=True)
    preconditions_data = models.TextField(_("Voraussetzungen: Daten"), blank=True)
    preconditions_infrastructure = models.TextField(
        _("Voraussetzungen: Infrastruktur"), blank=True
    )
    adoption_effort = models.CharField(
        _("Aufwand der Übernahme"), max_length=10, choices=Effort.choices, blank=True
    )
    is_example = models.BooleanField(
        _("Beispiel-Steckbrief"),
        default=False,
        help_text=_("Der Inhalt ist zur Veranschaulichung formuliert, nicht von der Kommune."),
    )
    review_state = models.CharField(
        _("Prüfstatus"),
        max_length=20,
        choices=ReviewState.choices,
        default=ReviewState.DRAFT,
        db_index=True,
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vorgeschlagen von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    published_at = models.DateTimeField(_("veröffentlicht am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Lösung")
        verbose_name_plural = _("Lösungen")
        ordering = ["title"]
        indexes = [models.Index(fields=["review_state", "title"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("solutions:detail", kwargs={"slug": self.slug})

    @property
    def has_open_licence(self) -> bool:
        return self.licence in OPEN_LICENCES

    @property
    def is_published(self) -> bool:
        return self.review_state == ReviewState.PUBLISHED


class ReviewEntry(models.Model):
    """One step of a profile's review: a move between states (with the
    reviewer's or proposer's comment) or a plain comment. Never edited."""

    solution = models.ForeignKey(
        Solution, verbose_name=_("Lösung"), on_delete=models.CASCADE, related_name="review_entries"
    )
    action = models.CharField(_("Aktion"), max_length=20)
    from_state = models.CharField(_("vorher"), max_length=20, choices=ReviewState.choices)
    to_state = models.CharField(_("nachher"), max_length=20, choices=ReviewState.choices)
    comment = models.TextField(_("Kommentar"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True)

    class Meta:
        verbose_name = _("Prüfschritt")
        verbose_name_plural = _("Prüfverlauf")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.solution}: {self.action}"


def document_upload_to(instance: SolutionDocument, filename: str) -> str:
    return f"solutions/{instance.solution_id}/{filename}"


class SolutionDocument(models.Model):
    """A document or image of a profile. Images need an alternative text;
    uploads are checked by `forms.UPLOAD` (core.uploads) in form and service."""

    solution = models.ForeignKey(
        Solution, verbose_name=_("Lösung"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("Titel"), max_length=200)
    file = models.FileField(_("Datei"), upload_to=document_upload_to)
    is_image = models.BooleanField(_("Bild"), default=False)
    alt_text = models.CharField(_("Alternativtext"), max_length=300, blank=True)
    uploaded_at = models.DateTimeField(_("hochgeladen am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente und Bilder")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_image=False) | ~models.Q(alt_text=""),
                name="solution_image_has_alt_text",
            )
        ]

    def __str__(self) -> str:
        return self.title
