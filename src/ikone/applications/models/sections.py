"""The sections of a draft and every saved version of their text."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _


class DraftSection(models.Model):
    """One chapter of a draft. `version` counts saves; a save names the
    version it was based on and fails when a colleague saved in between."""

    audit_private = True  # the audit log keeps its id, not its title

    draft = models.ForeignKey(
        "applications.Draft",
        verbose_name=_("Entwurf"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    key = models.SlugField(_("Schlüssel"), max_length=60)
    title = models.CharField(_("Überschrift"), max_length=200)
    guiding_questions = models.TextField(_("Leitfragen"), blank=True)
    min_length = models.PositiveIntegerField(_("Mindestlänge (Zeichen)"), default=0)
    text = models.TextField(_("Text"), blank=True)
    version = models.PositiveIntegerField(_("Version"), default=0)
    updated_at = models.DateTimeField(_("zuletzt gespeichert"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("zuletzt gespeichert von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Abschnitt")
        verbose_name_plural = _("Abschnitte")
        ordering = ["draft", "position"]
        constraints = [
            models.UniqueConstraint(fields=["draft", "key"], name="draft_section_key_unique"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def guiding_question_list(self) -> list[str]:
        return [line.strip() for line in self.guiding_questions.splitlines() if line.strip()]

    @property
    def length(self) -> int:
        return len(self.text.strip())

    @property
    def is_long_enough(self) -> bool:
        return self.length > 0 and self.length >= self.min_length


class SectionRevision(models.Model):
    """The text of a section as saved at one version; never changed."""

    audit_private = True  # the audit log keeps its id, not its title

    section = models.ForeignKey(
        DraftSection,
        verbose_name=_("Abschnitt"),
        on_delete=models.CASCADE,
        related_name="revisions",
    )
    version = models.PositiveIntegerField(_("Version"))
    text = models.TextField(_("Text"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gespeichert von"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gespeichert am"), auto_now_add=True)
    restored_from = models.PositiveIntegerField(
        _("wiederhergestellt aus Version"), null=True, blank=True
    )
    # The text as it was when the draft was marked submitted; compaction
    # (services/history.py) never removes such a version.
    submitted = models.BooleanField(_("eingereichte Fassung"), default=False)
    # Stored by the database with every row: the history page lists 50
    # lengths per page, and counting characters of 50 texts (stored
    # compressed out of line) cost more than the rest of its query.
    text_length = models.GeneratedField(
        verbose_name=_("Zeichen"),
        expression=Length("text"),
        output_field=models.PositiveIntegerField(),
        db_persist=True,
    )

    class Meta:
        verbose_name = _("Version eines Abschnitts")
        verbose_name_plural = _("Versionen eines Abschnitts")
        ordering = ["section", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["section", "version"], name="section_revision_version_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.section} v{self.version}"
