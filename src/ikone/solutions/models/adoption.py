"""Who adopts or adopted a solution: the evidence of transferability."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ikone.solutions.models.choices import AdoptionStatus, AdoptionVisibility


class Adoption(models.Model):
    """An organisation records that it adopts a solution."""

    solution = models.ForeignKey(
        "solutions.Solution",
        verbose_name=_("Lösung"),
        on_delete=models.CASCADE,
        related_name="adoptions",
    )
    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="solution_adoptions",
    )
    status = models.CharField(
        _("Stand"), max_length=20, choices=AdoptionStatus.choices, default=AdoptionStatus.PLANNED
    )
    since = models.DateField(_("seit"), null=True, blank=True)
    experience = models.TextField(_("Erfahrungen"), blank=True)
    visibility = models.CharField(
        _("Sichtbarkeit"),
        max_length=20,
        choices=AdoptionVisibility.choices,
        default=AdoptionVisibility.PUBLIC,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eingetragen von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("eingetragen am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)

    class Meta:
        verbose_name = _("Übernahme")
        verbose_name_plural = _("Übernahmen")
        ordering = ["-since", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["solution", "organization"], name="adoption_one_per_organization"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} → {self.solution}"
