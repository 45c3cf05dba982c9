"""The search index and the suggestion outcomes (imported by `core.models`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ikone.core.datetimes import numeric


class Visibility(models.TextChoices):
    """Who may find a document. The document's organisation and its owner
    always find it; coordinators and operators find everything."""

    PUBLIC = "public", _("öffentlich")
    NETWORK = "network", _("Netzwerk")
    MENTORS = "mentors", _("Koordination und Mentor:innen")
    PRIVATE = "private", _("nur die eigene Organisation")


class SearchDocument(models.Model):
    """One findable object of any app, as its provider describes it.

    `stemmed_title` and `stemmed_body` hold the German-stemmed, folded text
    (`core.search.text.stem_text`). The full-text index over them is not a
    Django field: on SQLite an FTS5 table `core_searchdocument_fts` kept
    current by triggers, on PostgreSQL a generated `tsvector` column
    `search_vector` with a GIN index (both made by migration 0004; a later
    migration that rebuilds this table on SQLite must recreate the triggers).

    `embedding` is the sentence encoder's vector of `title` + `body`
    (float32 bytes), computed by a background task and kept while
    `embedding_digest` matches the text.
    """

    kind = models.CharField(_("Art"), max_length=40)
    object_id = models.CharField(_("Objekt-ID"), max_length=64)
    title = models.CharField(_("Titel"), max_length=300)
    body = models.TextField(_("Text"), blank=True)
    # Shown with the title, not searched (e.g. the call a section belongs to).
    # Nullable so that adding it did not rebuild the table on SQLite.
    context = models.CharField(_("Zusammenhang"), max_length=300, null=True, blank=True)  # noqa: DJ001
    url = models.CharField(_("Adresse"), max_length=500)
    # Groups documents that belong together, e.g. "call:12" for a call's
    # sections and questions.
    group = models.CharField(_("Gruppe"), max_length=100, blank=True)
    visibility = models.CharField(
        _("Sichtbarkeit"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    organization_id = models.BigIntegerField(_("Organisation"), null=True, blank=True)
    owner_id = models.BigIntegerField(_("Person"), null=True, blank=True)
    suggestible = models.BooleanField(
        _("als Vorschlag geeignet"),
        default=False,
        help_text=_("Beantwortete Fragen, FAQ-Einträge und Abschnitte von Förderaufrufen."),
    )
    stemmed_title = models.TextField(blank=True)
    stemmed_body = models.TextField(blank=True)
    updated_at = models.DateTimeField(_("aktualisiert"), auto_now=True)
    embedding = models.BinaryField(null=True, blank=True)
    embedding_digest = models.CharField(max_length=64, blank=True)
    embedded_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("Suchdokument")
        verbose_name_plural = _("Suchindex")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")
        ]
        indexes = [
            models.Index(fields=["suggestible", "kind"], name="search_doc_suggestible"),
            models.Index(fields=["group"], name="search_doc_group"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id} {self.title}"


class SuggestionOutcome(models.Model):
    """Someone read the suggestions on the question form and left without
    asking because one of them answered the question."""

    created_at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    document = models.ForeignKey(
        SearchDocument,
        verbose_name=_("hilfreicher Vorschlag"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Frage durch Vorschlag beantwortet")
        verbose_name_plural = _("Fragen durch Vorschläge beantwortet")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return numeric(self.created_at)
