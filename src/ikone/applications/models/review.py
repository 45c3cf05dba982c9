"""Mentor review: who a draft is shared with, their recommendation, and
comment threads on sections."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Recommendation(models.TextChoices):
    READY = "ready", _("einreichen")
    WITH_CHANGES = "with_changes", _("nach Überarbeitung einreichen")
    NOT_YET = "not_yet", _("noch nicht einreichen")


class DraftMentor(models.Model):
    """A mentor the organisation shared the draft with, and their overall
    recommendation."""

    audit_private = True  # the audit log keeps its id, not its title

    draft = models.ForeignKey(
        "applications.Draft",
        verbose_name=_("Entwurf"),
        on_delete=models.CASCADE,
        related_name="mentor_shares",
    )
    # SET_NULL: a mentor who deletes their account leaves their
    # recommendation with the draft, shown as "ehemalige:r Mentor:in".
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Mentor:in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentored_drafts",
    )
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("freigegeben von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    shared_at = models.DateTimeField(_("freigegeben am"), auto_now_add=True)
    recommendation = models.CharField(
        _("Empfehlung"), max_length=20, choices=Recommendation.choices, blank=True
    )
    recommendation_text = models.TextField(_("Begründung der Empfehlung"), blank=True)
    recommended_at = models.DateTimeField(_("empfohlen am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Freigabe für Mentor:in")
        verbose_name_plural = _("Freigaben für Mentor:innen")
        ordering = ["shared_at"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "mentor"], name="draft_mentor_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.draft} → {self.mentor_label}"

    @property
    def mentor_label(self) -> str:
        """The mentor's name, or "ehemalige:r Mentor:in" once the account is gone."""
        if self.mentor_id is None:
            return str(_("ehemalige:r Mentor:in"))
        return str(self.mentor)


class SectionComment(models.Model):
    """A comment on a section. A comment without `parent` opens a thread;
    replies point at it. Resolving the opening comment resolves the thread."""

    audit_private = True  # the audit log keeps its id, not its title

    section = models.ForeignKey(
        "applications.DraftSection",
        verbose_name=_("Abschnitt"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Antwort auf"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verfasst von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Remembered when written, so a comment of a mentor whose account is
    # gone still says who it came from ("ehemalige:r Mentor:in").
    by_mentor = models.BooleanField(_("von einer Mentor:in"), default=False)
    text = models.TextField(_("Kommentar"))
    created_at = models.DateTimeField(_("verfasst am"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("erledigt am"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erledigt von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Kommentar")
        verbose_name_plural = _("Kommentare")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def author_label(self) -> str:
        """Who wrote it; for a deleted account "ehemalige:r Mentor:in" or
        "gelöschtes Konto"."""
        if self.author_id is not None:
            return str(self.author)
        if self.by_mentor:
            return str(_("ehemalige:r Mentor:in"))
        return str(_("gelöschtes Konto"))
