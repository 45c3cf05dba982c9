"""A draft's schedule: milestones on the way to the submission."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MilestoneKind(models.TextChoices):
    COUNCIL_RESOLUTION = "council_resolution", _("Ratsbeschluss")
    PARTNER_LETTER = "partner_letter", _("Partnerschreiben")
    INTERNAL_DEADLINE = "internal_deadline", _("interne Frist")
    PARTICIPATION = "participation", _("Beteiligung")
    OTHER = "other", _("Sonstiges")


class Milestone(models.Model):
    """A dated step the organisation must reach before the call's deadline
    (e.g. the council resolution); `done` once reached."""

    audit_private = True  # the audit log keeps its id, not its title

    draft = models.ForeignKey(
        "applications.Draft",
        verbose_name=_("Entwurf"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    title = models.CharField(_("Bezeichnung"), max_length=200)
    kind = models.CharField(
        _("Art"), max_length=30, choices=MilestoneKind.choices, default=MilestoneKind.OTHER
    )
    date = models.DateField(_("Datum"))
    done = models.BooleanField(_("erledigt"), default=False)
    note = models.CharField(_("Notiz"), max_length=300, blank=True)
    version = models.PositiveIntegerField(_("Version"), default=1)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geändert von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")
        ordering = ["draft", "date", "title", "pk"]

    def __str__(self) -> str:
        return self.title
