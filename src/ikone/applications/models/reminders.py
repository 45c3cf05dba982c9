"""Deadline reminders already sent: one row per draft and stage (four
weeks, one week, one day before the call's deadline). The row is the
claim that makes each reminder go out exactly once."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DeadlineReminder(models.Model):
    draft = models.ForeignKey(
        "applications.Draft",
        verbose_name=_("Entwurf"),
        on_delete=models.CASCADE,
        related_name="deadline_reminders",
    )
    days_before = models.PositiveSmallIntegerField(_("Tage vor der Frist"))
    sent_at = models.DateTimeField(_("gesendet am"), default=timezone.now)

    class Meta:
        verbose_name = _("Erinnerung an die Einreichungsfrist")
        verbose_name_plural = _("Erinnerungen an die Einreichungsfrist")
        constraints = [
            models.UniqueConstraint(fields=["draft", "days_before"], name="deadline_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.draft_id}: {self.days_before}"
