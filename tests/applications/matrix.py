"""The workshop's objects for tests/test_access_matrix.py: a draft of
organisation A (not shared with anyone) with a saved section, a comment
thread and an uploaded document, and a second draft of A in the trash."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ikone.applications.models import DocumentStatus, Draft
from ikone.applications.services import checklist, review, sections
from ikone.applications.services.drafts import draft_create
from ikone.calls.models import EvaluationCriterion, RequiredDocument
from ikone.core.audit import Actor
from tests.applications.core_fixtures import make_call
from tests.applications.plan_fixtures import plan_objects

SECRET_TEXT = "Geheimer Entwurfstext der Astadt: Glasfaser bis 2027 in jedes Dorf."
SECRET_COMMENT = "Interner Kommentar: Kämmerei fragt nach dem Eigenanteil."


def workshop_objects(organization: Any, staff_member: Any) -> dict[str, Any]:
    actor = Actor(user=staff_member)
    call = make_call("matrix-werkstatt")
    EvaluationCriterion.objects.create(call=call, title="Strategischer Ansatz")
    required = RequiredDocument.objects.create(call=call, title="Ratsbeschluss")
    draft = draft_create(organization=organization, call=call, title="Matrix-Entwurf", actor=actor)
    section = draft.sections.get(key="ausgangslage")
    section.draft = draft
    sections.section_save(section=section, text=SECRET_TEXT, based_on=0, actor=actor)
    comment = review.comment_add(section=section, text=SECRET_COMMENT, actor=actor)
    checklist.document_update(
        draft=draft,
        required=required,
        status=DocumentStatus.AVAILABLE,
        note="",
        file=SimpleUploadedFile("beschluss.pdf", b"%PDF-1.7\n%%EOF\n"),
        actor=actor,
    )
    plan = plan_objects(draft, actor)
    trashed = draft_create(
        organization=organization, call=call, title="Gelöschter Entwurf", actor=actor
    )
    Draft.objects.filter(pk=trashed.pk).update(deleted_at=timezone.now())
    return {
        "draft": draft.pk,
        "trashed_draft": trashed.pk,
        "cost_item": plan["cost_item"],
        "milestone": plan["milestone"],
        "section_key": section.key,
        "section_revision": 1,
        "draft_comment": comment.pk,
        "required_document": required.pk,
        "secrets": (SECRET_TEXT, SECRET_COMMENT, *plan["plan_secrets"]),
    }
