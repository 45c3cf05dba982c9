"""The retention periods coordinators set, and what each daily run did
(counts only, never content)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ikone.core.datetimes import numeric


class RetentionPeriod(models.Model):
    """The period of one retention rule (`core.retention`), where a
    coordinator changed its default."""

    rule = models.CharField(_("Datenkategorie"), max_length=100, unique=True)
    days = models.PositiveIntegerField(_("Aufbewahrung in Tagen"))
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
        verbose_name = _("Aufbewahrungsfrist")
        verbose_name_plural = _("Aufbewahrungsfristen")

    def __str__(self) -> str:
        return f"{self.rule}: {self.days}"


class RetentionRun(models.Model):
    """One rule applied once: when, with which cutoff, how many rows."""

    rule = models.CharField(_("Datenkategorie"), max_length=100, db_index=True)
    days = models.PositiveIntegerField(_("Aufbewahrung in Tagen"))
    cutoff = models.DateTimeField(_("gelöscht, was älter ist als"))
    count = models.PositiveIntegerField(_("Anzahl"))
    ran_at = models.DateTimeField(_("ausgeführt am"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("Löschlauf")
        verbose_name_plural = _("Löschläufe")
        ordering = ["-ran_at", "rule"]

    def __str__(self) -> str:
        return f"{self.rule} {numeric(self.ran_at)}: {self.count}"
