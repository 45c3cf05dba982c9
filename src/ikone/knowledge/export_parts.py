"""The CMS's part of the personal data export (ikone.core.personal_data):
what Wagtail and Django's admin keep about the people who edit there
(pages owned or locked, revisions, log entries, comments, uploads,
workflow steps, settings). The texts of the pages belong to the network;
the export lists which records name the person."""

from __future__ import annotations

from typing import Any

from django.apps import apps

from ikone.core.personal_data import ExportPart, register

# (model label, field naming the person)
CMS_RECORDS: tuple[tuple[str, str], ...] = (
    ("wagtailcore.Page", "owner"),
    ("wagtailcore.Page", "locked_by"),
    ("wagtailcore.Revision", "user"),
    ("wagtailcore.PageLogEntry", "user"),
    ("wagtailcore.ModelLogEntry", "user"),
    ("wagtailcore.Comment", "user"),
    ("wagtailcore.Comment", "resolved_by"),
    ("wagtailcore.CommentReply", "user"),
    ("wagtailcore.PageSubscription", "user"),
    ("wagtailcore.WorkflowState", "requested_by"),
    ("wagtailcore.TaskState", "finished_by"),
    ("wagtailcore.UploadedFile", "uploaded_by_user"),
    ("wagtailcore.APIToken", "user"),
    ("wagtaildocs.Document", "uploaded_by_user"),
    ("wagtailimages.Image", "uploaded_by_user"),
    ("wagtailusers.UserProfile", "user"),
    ("wagtailadmin.EditingSession", "user"),
    ("wagtailadmin.FormState", "user"),
    ("admin.LogEntry", "user"),
)
MAX_ROWS = 1000


def _cms_records(user: Any) -> dict[str, list[dict[str, Any]]]:
    records: dict[str, list[dict[str, Any]]] = {}
    for label, field in CMS_RECORDS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        rows = model._default_manager.filter(**{field: user}).order_by("pk")[:MAX_ROWS]
        found = [{"id": row.pk, "record": str(row)[:200]} for row in rows]
        if found:
            records[f"{label}.{field}"] = found
    return records


def _articles(user: Any) -> list[dict[str, Any]]:
    """Knowledge articles that name the person as an author."""
    from ikone.knowledge.models import ArticlePage

    return [
        {"id": article.pk, "title": article.title, "url": f"/wissen/{article.slug}/"}
        for article in ArticlePage.objects.filter(author_people=user).order_by("pk")
    ]


def _accessibility_feedback(user: Any) -> list[dict[str, Any]]:
    """Barrier reports the person sent while signed in, or under their address."""
    from django.db.models import Q

    model = apps.get_model("knowledge", "AccessibilityFeedback")
    rows = model._default_manager.filter(Q(user=user) | Q(email__iexact=user.email)).order_by("pk")
    return [
        {
            "id": row.pk,
            "name": row.name,
            "email": row.email,
            "record": str(row)[:200],
        }
        for row in rows[:MAX_ROWS]
    ]


def register_parts() -> None:
    register(
        ExportPart(
            "accessibility_feedback",
            _accessibility_feedback,
            covers=(
                "knowledge.AccessibilityFeedback.user",
                "knowledge.AccessibilityFeedback.email",
                "knowledge.AccessibilityFeedback.name",
            ),
            note="reports of barriers the person sent",
        )
    )
    register(
        ExportPart(
            "knowledge_articles",
            _articles,
            covers=("knowledge.ArticlePage.author_people",),
            note="knowledge articles naming the person as an author",
        )
    )
    register(
        ExportPart(
            "cms_records",
            _cms_records,
            # A Wagtail API token is listed by its name (str()), never its key.
            covers=(
                *(f"{label}.{field}" for label, field in CMS_RECORDS),
                "wagtailcore.APIToken.name",
            ),
            note="Wagtail and admin records naming the person",
        )
    )
