"""A draft's lifecycle without dead ends (issue 11, point 9): rename, delete
into a trash that keeps everything for 30 days, restore, purge, reopen a
submitted draft, remove an uploaded file. Permission per role for every
view."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ikone.applications import workflow
from ikone.applications.exceptions import DraftError, DraftVersionConflict
from ikone.applications.models import (
    DocumentStatus,
    Draft,
    DraftDocument,
    DraftSection,
    DraftStatus,
    SectionRevision,
)
from ikone.applications.services.checklist import document_update
from ikone.applications.services.drafts import draft_transition
from ikone.applications.services.lifecycle import (
    document_file_remove,
    draft_delete,
    draft_purge_trash,
    draft_rename,
    draft_reopen,
    draft_restore,
)
from ikone.applications.services.sections import section_save
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from tests.applications.core_fixtures import *  # noqa: F403

PDF = b"%PDF-1.7\n%%EOF\n"


def _actions(draft):
    return list(
        AuditEntry.objects.filter(target_id=str(draft.pk), target_type="applications.draft")
        .order_by("pk")
        .values_list("action", flat=True)
    )


# --- rename ------------------------------------------------------------------


def test_rename_in_the_browser(workshop_draft, staff_member, as_user):
    url = reverse("applications:rename", kwargs={"pk": workshop_draft.pk})
    response = as_user(staff_member).post(
        url, {"title": "Astadt verbindet", "based_on": workshop_draft.version}
    )
    assert response.status_code == 302
    workshop_draft.refresh_from_db()
    assert workshop_draft.title == "Astadt verbindet"
    assert "applications.draft.renamed" in _actions(workshop_draft)


def test_rename_never_overwrites_a_colleagues_change(workshop_draft, staff_member, contact_person):
    seen = workshop_draft.version
    draft_rename(
        draft=workshop_draft, title="Erster", based_on=seen, actor=Actor(user=contact_person)
    )
    with pytest.raises(DraftVersionConflict):
        draft_rename(
            draft=Draft.objects.get(pk=workshop_draft.pk),
            title="Zweiter",
            based_on=seen,
            actor=Actor(user=staff_member),
        )
    assert Draft.objects.get(pk=workshop_draft.pk).title == "Erster"


def test_empty_title_keeps_the_form(workshop_draft, staff_member, as_user):
    url = reverse("applications:rename", kwargs={"pk": workshop_draft.pk})
    response = as_user(staff_member).post(url, {"title": "", "based_on": workshop_draft.version})
    assert response.status_code == 400
    assert "Bitte geben Sie einen Titel an." in response.content.decode()


# --- trash -------------------------------------------------------------------


@pytest.fixture
def filled_draft(workshop_draft, staff_member, required_documents):
    """The draft with a saved section and an uploaded file."""
    actor = Actor(user=staff_member)
    section = workshop_draft.sections.get(key="ausgangslage")
    section.draft = workshop_draft
    section_save(section=section, text="Unser Text", based_on=0, actor=actor)
    document_update(
        draft=workshop_draft,
        required=required_documents[0],
        status=DocumentStatus.AVAILABLE,
        note="",
        file=SimpleUploadedFile("beschluss.pdf", PDF),
        actor=actor,
    )
    return workshop_draft


def test_only_an_ansprechperson_deletes(workshop_draft, staff_member):
    with pytest.raises(PermissionDenied):
        draft_delete(draft=workshop_draft, actor=Actor(user=staff_member))


def test_a_deleted_draft_disappears_and_comes_back_whole(
    filled_draft,
    contact_person,
    staff_member,
    as_user,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        draft_delete(draft=filled_draft, actor=Actor(user=contact_person))
    client = as_user(staff_member)
    assert client.get(filled_draft.get_absolute_url()).status_code == 404
    assert filled_draft.title not in client.get(reverse("applications:list")).content.decode()
    assert filled_draft.title in client.get(reverse("applications:trash")).content.decode()
    assert [mail.to for mail in mailoutbox] == [[staff_member.email]]
    draft_restore(draft=filled_draft, actor=Actor(user=contact_person))
    assert client.get(filled_draft.get_absolute_url()).status_code == 200
    assert DraftSection.objects.get(draft=filled_draft, key="ausgangslage").text == "Unser Text"
    assert DraftDocument.objects.get(draft=filled_draft).file
    assert _actions(filled_draft)[-2:] == [
        "applications.draft.deleted",
        "applications.draft.restored",
    ]


def test_delete_asks_first_in_the_browser(workshop_draft, contact_person, as_user):
    client = as_user(contact_person)
    url = reverse("applications:delete", kwargs={"pk": workshop_draft.pk})
    page = client.get(url).content.decode()
    assert "30 Tage" in page and "In den Papierkorb verschieben" in page
    assert Draft.objects.filter(pk=workshop_draft.pk).exists()
    response = client.post(url)
    assert response["Location"] == reverse("applications:trash")
    assert not Draft.objects.filter(pk=workshop_draft.pk).exists()
    restore = reverse("applications:restore_draft", kwargs={"pk": workshop_draft.pk})
    assert client.post(restore)["Location"] == workshop_draft.get_absolute_url()


def test_purge_deletes_only_after_thirty_days(
    filled_draft, contact_person, django_capture_on_commit_callbacks
):
    draft_delete(draft=filled_draft, actor=Actor(user=contact_person))
    storage_name = DraftDocument.objects.get(draft=filled_draft).file.name
    assert draft_purge_trash() == []
    later = timezone.now() + timedelta(days=31)
    assert draft_purge_trash(now=later, dry_run=True) == [filled_draft.pk]
    assert Draft.all_objects.filter(pk=filled_draft.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert draft_purge_trash(now=later) == [filled_draft.pk]
    assert not Draft.all_objects.filter(pk=filled_draft.pk).exists()
    assert not SectionRevision.objects.filter(section__draft_id=filled_draft.pk).exists()
    assert not DraftDocument.objects.filter(file=storage_name).exists()
    from django.core.files.storage import default_storage

    assert not default_storage.exists(storage_name)
    assert AuditEntry.objects.filter(action="applications.draft.purged").count() == 1


def test_purge_command(filled_draft, contact_person):
    draft_delete(draft=filled_draft, actor=Actor(user=contact_person))
    Draft.all_objects.filter(pk=filled_draft.pk).update(
        deleted_at=timezone.now() - timedelta(days=40)
    )
    call_command("purge_deleted_drafts", "--dry-run", verbosity=0)
    assert Draft.all_objects.filter(pk=filled_draft.pk).exists()
    call_command("purge_deleted_drafts", verbosity=0)
    assert not Draft.all_objects.filter(pk=filled_draft.pk).exists()


def test_trash_shows_only_own_organisations_drafts(
    workshop_draft, workshop_draft_b, contact_person, other_staff, as_user
):
    draft_delete(draft=workshop_draft, actor=Actor(user=contact_person))
    content = as_user(other_staff).get(reverse("applications:trash")).content.decode()
    assert workshop_draft.title not in content


def test_trash_query_count(
    workshop_call, organization, contact_person, as_user, django_assert_max_num_queries
):
    for number in range(6):
        draft = Draft.objects.create(
            organization=organization, call=workshop_call, title=f"E{number}"
        )
        draft_delete(draft=draft, actor=Actor(user=contact_person))
    client = as_user(contact_person)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("applications:trash"))
    assert response.content.decode().count("Wiederherstellen<span") == 6


# --- reopen ------------------------------------------------------------------


@pytest.fixture
def submitted(workshop_draft, staff_member):
    return draft_transition(
        draft=workshop_draft,
        action=workflow.SUBMIT,
        submitted_on=date(2099, 12, 1),
        actor=Actor(user=staff_member),
    )


def test_the_ansprechperson_reopens_a_submitted_draft(submitted, contact_person):
    reopened = draft_reopen(draft=submitted, actor=Actor(user=contact_person))
    assert reopened.status == DraftStatus.DRAFT
    assert reopened.submitted_on is None
    entry = AuditEntry.objects.get(action="applications.draft.reopened")
    assert entry.data == {"from": "submitted", "to": "draft"}
    assert entry.actor == contact_person


def test_a_coordinator_reopens_a_draft_shared_with_the_network(submitted, coordinator, as_user):
    Draft.objects.filter(pk=submitted.pk).update(shared_with_network=True)
    url = reverse("applications:reopen", kwargs={"pk": submitted.pk})
    client = as_user(coordinator)
    assert "Wieder öffnen" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert Draft.objects.get(pk=submitted.pk).status == DraftStatus.DRAFT


@pytest.mark.parametrize("who", ["staff_member", "mentor", "other_staff"])
def test_others_may_not_reopen(who, submitted, mentor_share, request):
    with pytest.raises(PermissionDenied):
        draft_reopen(draft=submitted, actor=Actor(user=request.getfixturevalue(who)))


def test_only_submitted_drafts_reopen(workshop_draft, contact_person):
    with pytest.raises(DraftError):
        draft_reopen(draft=workshop_draft, actor=Actor(user=contact_person))


# --- remove an uploaded file ----------------------------------------------------


def test_remove_an_uploaded_file(
    filled_draft, staff_member, as_user, django_capture_on_commit_callbacks
):
    document = DraftDocument.objects.get(draft=filled_draft)
    name = document.file.name
    client = as_user(staff_member)
    url = reverse(
        "applications:document_file_remove",
        kwargs={"pk": filled_draft.pk, "required_document": document.required_document_id},
    )
    assert "beschluss.pdf" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    document.refresh_from_db()
    assert (document.file.name, document.status) == ("", DocumentStatus.IN_PROGRESS)
    from django.core.files.storage import default_storage

    assert not default_storage.exists(name)
    assert client.get(url).status_code == 404


def test_a_mentor_cannot_remove_a_file(filled_draft, mentor, mentor_share):
    document = DraftDocument.objects.get(draft=filled_draft)
    document.draft = filled_draft
    with pytest.raises(PermissionDenied):
        document_file_remove(document=document, actor=Actor(user=mentor))


# --- every new view, every role -------------------------------------------------

ROLES = ["staff_member", "contact_person", "other_staff", "mentor", "coordinator", "admin"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("rename", [200, 200, 404, 404, 404, 404]),
        ("delete", [403, 200, 404, 404, 404, 404]),
        ("reopen", [403, 200, 404, 404, 404, 404]),
    ],
)
@pytest.mark.parametrize("index", range(len(ROLES)))
def test_pages_per_role(name, expected, index, submitted, mentor_share, as_user, request):
    """The mentor is shared with the draft: they see it but may act on none of these."""
    user = request.getfixturevalue(ROLES[index])
    url = reverse(f"applications:{name}", kwargs={"pk": submitted.pk})
    want = expected[index]
    if ROLES[index] == "mentor":
        want = 403
    assert as_user(user).get(url).status_code == want


@pytest.mark.parametrize("index", range(len(ROLES)))
def test_restore_per_role(index, workshop_draft, contact_person, as_user, request):
    draft_delete(draft=workshop_draft, actor=Actor(user=contact_person))
    user = request.getfixturevalue(ROLES[index])
    url = reverse("applications:restore_draft", kwargs={"pk": workshop_draft.pk})
    status = as_user(user).post(url).status_code
    assert status == [403, 302, 404, 404, 404, 404][index]


@pytest.mark.parametrize("index", range(len(ROLES)))
def test_file_remove_per_role(index, filled_draft, mentor_share, as_user, request):
    user = request.getfixturevalue(ROLES[index])
    document = DraftDocument.objects.get(draft=filled_draft)
    url = reverse(
        "applications:document_file_remove",
        kwargs={"pk": filled_draft.pk, "required_document": document.required_document_id},
    )
    status = as_user(user).get(url).status_code
    assert status == [200, 200, 404, 403, 404, 404][index]
