"""A call's required documents and evaluation criteria (models of the
calls app, re-exported by `ikone.calls.models`).

Both are `CallItem`s: a stable `key` per call and `retired` instead of
deletion. The call's YAML import and the admin match items by key, never
by position; drafts point at them with PROTECT, so editing a call never
deletes an organisation's uploads or scores. An item no longer wanted but
in use is retired: drafts show it as "nicht mehr gefordert" and keep what
hangs off it.
"""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class DocumentStage(models.TextChoices):
    APPLICATION = "application", _("Bewerbung")
    GRANT = "grant", _("Zuschussantrag nach Auswahl")


KEY_HELP = _(
    "Bleibt gleich, auch wenn sich Titel oder Reihenfolge ändern; Import und Entwürfe "
    "ordnen Einträge darüber zu. Leer lassen: wird aus dem Titel gebildet."
)
RETIRED_HELP = _(
    "Statt zu löschen: Der Eintrag gilt nicht mehr, Entwürfe behalten ihre Uploads und "
    "Einschätzungen dazu und zeigen ihn als „nicht mehr gefordert“."
)


def unique_item_key(model: type[models.Model], call_id: int, title: str, pk: int | None) -> str:
    """A key for a new document or criterion of the call: the slug of its
    title, with "-2", "-3" … if another item of the call has it."""
    base = slugify(title)[:50] or "eintrag"
    taken = set(
        model._default_manager.filter(call_id=call_id).exclude(pk=pk).values_list("key", flat=True)
    )
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    return key


class CallItem(models.Model):
    """What required documents and criteria share: a stable `key` per call
    (drafts' uploads and scores stay attached through edits and imports,
    which match by key, never by position) and `retired` instead of
    deletion. Drafts' rows point at items with PROTECT, so an item in use
    can only be retired."""

    key = models.SlugField(_("Schlüssel"), max_length=60, blank=True, help_text=KEY_HELP)
    retired = models.BooleanField(_("nicht mehr gefordert"), default=False, help_text=RETIRED_HELP)
    position = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Deriving the key is part of the row itself, like CallSection.anchor.
        if not self.key:
            self.key = unique_item_key(type(self), self.call_id, self.title, self.pk)  # type: ignore[attr-defined]
        super().save(*args, **kwargs)


class RequiredDocument(CallItem):
    """A document or declaration an applicant has to hand in."""

    call = models.ForeignKey(
        "calls.Call",
        verbose_name=_("Förderaufruf"),
        on_delete=models.CASCADE,
        related_name="required_documents",
    )
    title = models.CharField(_("Titel"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True)
    mandatory = models.BooleanField(_("Pflicht"), default=True)
    stage = models.CharField(
        _("Einzureichen mit"),
        max_length=20,
        choices=DocumentStage.choices,
        default=DocumentStage.APPLICATION,
    )

    class Meta:
        verbose_name = _("Erforderliche Unterlage")
        verbose_name_plural = _("Erforderliche Unterlagen")
        ordering = ["call", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "key"], name="calls_document_unique_key")
        ]

    def __str__(self) -> str:
        return self.title


class EvaluationCriterion(CallItem):
    """A criterion reviewers use to rate applications; `weight` is optional
    (a relative weight or percentage as the call states it)."""

    call = models.ForeignKey(
        "calls.Call",
        verbose_name=_("Förderaufruf"),
        on_delete=models.CASCADE,
        related_name="criteria",
    )
    group = models.CharField(_("Gruppe"), max_length=200, blank=True)
    title = models.CharField(_("Titel"), max_length=300)
    description = models.TextField(_("Beschreibung"), blank=True)
    weight = models.DecimalField(
        _("Gewichtung"), max_digits=6, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("Bewertungskriterium")
        verbose_name_plural = _("Bewertungskriterien")
        ordering = ["call", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["call", "key"], name="calls_criterion_unique_key")
        ]

    def __str__(self) -> str:
        return self.title
