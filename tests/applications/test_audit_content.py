"""The audit log records who did what to which object, never what the
organisation wrote; autosaves leave one entry per editing session."""

import json
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ikone.applications.models import CostCategory, DocumentStatus, MilestoneKind, SectionRevision
from ikone.applications.services import checklist, financing, review, schedule, sections
from ikone.core.audit import Actor, target_type_label
from ikone.core.models import AuditEntry
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

TITLE = "Astadt vernetzt (Beispiel)"
TEXT = "Vertraulich: Die Kämmerei plant 2027 einen Eigenanteil von 400.000 Euro."
COMMENT = "Intern: Bürgermeisterin will das Kapitel kürzen."
MEASURE = "Geheime Glasfaser-Maßnahme"
MILESTONE = "Nichtöffentliche Ratssitzung"


def _everything(draft, required, staff_member):
    actor = Actor(user=staff_member)
    section = draft.sections.get(key="ausgangslage")
    section.draft = draft
    sections.section_save(section=section, text=TEXT, based_on=0, actor=actor)
    review.comment_add(section=section, text=COMMENT, actor=actor)
    item = financing.cost_item_create(
        draft=draft,
        actor=actor,
        category=CostCategory.PERSONNEL,
        measure=MEASURE,
        phase=None,
        year=2027,
        amount=Decimal("1000.00"),
    )
    financing.cost_item_update(
        item=item,
        based_on=item.version,
        actor=actor,
        category=CostCategory.PERSONNEL,
        measure=f"{MEASURE} 2",
        phase=None,
        year=2027,
        amount=Decimal("1000.00"),
    )
    milestone = schedule.milestone_create(
        draft=draft,
        actor=actor,
        title=MILESTONE,
        kind=MilestoneKind.COUNCIL_RESOLUTION,
        date=date(2027, 3, 1),
    )
    schedule.milestone_delete(milestone=milestone, based_on=milestone.version, actor=actor)
    checklist.document_update(
        draft=draft,
        required=required,
        status=DocumentStatus.AVAILABLE,
        note="",
        file=SimpleUploadedFile("beschluss.pdf", b"%PDF-1.7\n%%EOF\n"),
        actor=actor,
    )


def test_entries_hold_ids_and_field_names_not_content(
    workshop_draft, required_documents, staff_member, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    _everything(workshop_draft, required_documents[0], staff_member)
    entries = list(AuditEntry.objects.filter(action__startswith="applications."))
    assert {entry.action for entry in entries} >= {
        "applications.draft.created",
        "applications.section.saved",
        "applications.comment.added",
        "applications.cost_item.updated",
        "applications.milestone.deleted",
        "applications.document.updated",
    }
    dumped = json.dumps(
        [[entry.target_label, entry.data] for entry in entries], ensure_ascii=False
    )
    for secret in (TITLE, TEXT, COMMENT, MEASURE, MILESTONE, "Ausgangslage", "Ratsbeschluss"):
        assert secret not in dumped, secret
    updated = next(e for e in entries if e.action == "applications.cost_item.updated")
    assert updated.data["fields"] == ["measure"]


def test_coordinators_see_private_entries_without_titles(
    workshop_draft, required_documents, staff_member, coordinator, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    _everything(workshop_draft, required_documents[0], staff_member)
    sign_in(client, coordinator)
    content = client.get("/netzwerk/protokoll/?aktion=applications").content.decode()
    assert "applications.draft.created" in content
    # The private draft is named by its registered type and id only.
    assert f"{target_type_label('applications.draft')} {workshop_draft.pk}" in content
    for secret in (TITLE, TEXT, COMMENT, MEASURE, MILESTONE):
        assert secret not in content, secret


def _save(section, text, user, **kwargs):
    section.refresh_from_db()
    return sections.section_save(
        section=section, text=text, based_on=section.version, actor=Actor(user=user), **kwargs
    )


def _saved_entries(section):
    return AuditEntry.objects.filter(
        action="applications.section.saved", target_id=str(section.pk)
    ).count()


def test_autosaves_leave_one_entry_per_editing_session(
    workshop_draft, staff_member, contact_person
):
    section = workshop_draft.sections.get(key="ausgangslage")
    for number in range(5):
        _save(section, f"Entwurf {number}", staff_member)
    assert _saved_entries(section) == 1
    # A colleague takes over: a session of their own.
    _save(section, "Kollegin schreibt weiter", contact_person)
    assert _saved_entries(section) == 2
    # After a long pause the same person starts a new session.
    SectionRevision.objects.filter(section=section).update(
        created_at=timezone.now() - timedelta(hours=2)
    )
    _save(section, "Nach der Mittagspause", contact_person)
    assert _saved_entries(section) == 3
    # Restoring a version is always recorded.
    section.refresh_from_db()
    sections.section_restore(
        section=section, version=1, based_on=section.version, actor=Actor(user=contact_person)
    )
    assert _saved_entries(section) == 4
