"""Section templates: which sections a new draft gets, with guiding questions.

A call may have its own template (edited in the Django admin); drafts of a
call without one get the default Smart City template from
`ikone.applications.section_templates.DEFAULT_TEMPLATE`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SectionTemplate(models.Model):
    """The sections of drafts for one call."""

    name = models.CharField(_("Name"), max_length=200)
    call = models.OneToOneField(
        "calls.Call",
        verbose_name=_("Förderaufruf"),
        on_delete=models.CASCADE,
        related_name="section_template",
    )

    class Meta:
        verbose_name = _("Gliederungsvorlage")
        verbose_name_plural = _("Gliederungsvorlagen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SectionTemplateItem(models.Model):
    """One section of a template."""

    template = models.ForeignKey(
        SectionTemplate,
        verbose_name=_("Vorlage"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)
    key = models.SlugField(_("Schlüssel"), max_length=60)
    title = models.CharField(_("Überschrift"), max_length=200)
    guiding_questions = models.TextField(
        _("Leitfragen"), blank=True, help_text=_("Eine Frage pro Zeile.")
    )
    min_length = models.PositiveIntegerField(_("Mindestlänge (Zeichen)"), default=0)

    class Meta:
        verbose_name = _("Abschnitt der Vorlage")
        verbose_name_plural = _("Abschnitte der Vorlage")
        ordering = ["template", "position"]
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="template_item_key_unique"),
        ]

    def __str__(self) -> str:
        return self.title
