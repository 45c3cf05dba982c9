"""Catalogue solutions cited in a section of an application draft."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SectionCitation(models.Model):
    """A draft's section ("Übertragbarkeit", "Handlungsfelder und
    Maßnahmen") cites a published solution; the export prints it with its
    link (applications.signals.section_citations)."""

    section = models.ForeignKey(
        "applications.DraftSection",
        verbose_name=_("Abschnitt"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    solution = models.ForeignKey(
        "solutions.Solution",
        verbose_name=_("Lösung"),
        on_delete=models.CASCADE,
        related_name="citations",
    )
    cited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zitiert von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("zitiert am"), auto_now_add=True)

    class Meta:
        verbose_name = _("zitierte Lösung")
        verbose_name_plural = _("zitierte Lösungen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["section", "solution"], name="citation_once"),
        ]

    def __str__(self) -> str:
        return f"{self.section_id} → {self.solution_id}"
