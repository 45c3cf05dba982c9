"""A draft application of one organisation for one funding call."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class DraftStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    IN_REVIEW = "in_review", _("in Prüfung")
    SUBMITTED = "submitted", _("eingereicht")
    FUNDED = "funded", _("gefördert")
    NOT_FUNDED = "not_funded", _("nicht gefördert")


TRASH_DAYS = 30  # a deleted draft can be restored for this many days


class ActiveDraftManager(models.Manager["Draft"]):
    """Drafts not in the trash. The default manager, so every read of the
    platform (lists, search, API, mails, figures) leaves deleted drafts out
    without each caller remembering to; `Draft.all_objects` sees the trash."""

    def get_queryset(self) -> models.QuerySet[Draft]:
        return super().get_queryset().filter(deleted_at__isnull=True)


class Draft(models.Model):
    """An application being written. Private to the organisation, the mentors
    it is shared with (`mentors`) and, when `shared_with_network` is set, the
    network's coordinators. A cooperation applies as one Organization of kind
    "cooperation" (accounts models cooperations that way)."""

    audit_private = True  # the audit log keeps its id, not its title

    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="drafts",
    )
    call = models.ForeignKey(
        "calls.Call",
        verbose_name=_("Förderaufruf"),
        on_delete=models.PROTECT,
        related_name="drafts",
    )
    title = models.CharField(_("Titel"), max_length=200)
    status = models.CharField(
        _("Status"), max_length=20, choices=DraftStatus.choices, default=DraftStatus.DRAFT
    )
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("kopiert aus"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="copies",
    )
    shared_with_network = models.BooleanField(
        _("für die Netzwerkkoordination freigegeben"), default=False
    )
    is_example = models.BooleanField(
        _("Beispiel"),
        default=False,
        help_text=_(
            "Erfundener Beispielinhalt der Demo; wird überall als Beispiel gekennzeichnet."
        ),
    )
    submitted_on = models.DateField(_("eingereicht am"), null=True, blank=True)
    decided_on = models.DateField(_("entschieden am"), null=True, blank=True)
    funded_amount = models.DecimalField(
        _("bewilligte Fördersumme (Euro)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
    )
    outcome_feedback = models.TextField(_("Rückmeldung des Fördergebers"), blank=True)
    lessons_learned = models.TextField(
        _("Erkenntnisse für andere"),
        blank=True,
        help_text=_("Wird der Netzwerkkoordination ohne den Namen Ihrer Organisation gezeigt."),
    )
    # Optimistic lock for the draft's own fields (status, outcome, sharing).
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angelegt von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("angelegt am"), auto_now_add=True)
    updated_at = models.DateTimeField(_("geändert am"), auto_now=True)
    # In the trash since (see `TRASH_DAYS`); purged by `purge_deleted_drafts`.
    deleted_at = models.DateTimeField(_("gelöscht am"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gelöscht von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    all_objects = models.Manager()  # with the trash; never the default
    objects = ActiveDraftManager()

    class Meta:
        verbose_name = _("Bewerbungsentwurf")
        verbose_name_plural = _("Bewerbungsentwürfe")
        ordering = ["-updated_at", "-pk"]
        default_manager_name = "objects"
        base_manager_name = "all_objects"
        indexes = [
            models.Index(fields=["organization", "-updated_at"], name="draft_org_updated_idx"),
            models.Index(fields=["call", "status"], name="draft_call_status_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("applications:detail", kwargs={"pk": self.pk})

    @property
    def purge_on(self) -> datetime | None:
        """When a draft in the trash is deleted for good."""
        if self.deleted_at is None:
            return None
        return self.deleted_at + timedelta(days=TRASH_DAYS)
