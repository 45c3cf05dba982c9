"""Editing a call never destroys a draft's work (issue 11, point 4): its
documents and criteria have stable keys, import and admin match by key,
never by position, and an item in use is retired instead of deleted, with
the drafts' uploads and scores kept and shown as "nicht mehr gefordert"."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import ProtectedError
from django.urls import reverse

from ikone.applications.models import (
    CriterionAssessment,
    DocumentStatus,
    DraftDocument,
    MentorAssessment,
)
from ikone.applications.readiness import readiness_for
from ikone.applications.services.checklist import document_update, self_assessment_save
from ikone.applications.services.drafts import draft_create
from ikone.calls.importer import parse_call_yaml
from ikone.calls.models import EvaluationCriterion, RequiredDocument
from ikone.calls.services import import_call
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403

PDF = b"%PDF-1.7\n%%EOF\n"


def call_yaml(documents: list[str], criteria: list[str]) -> str:
    lines = [
        "call:",
        "  slug: schluessel-2027",
        "  programme: Probeprogramm",
        "  funder: Bund",
        "  title: Probeaufruf",
        "  status: open",
        "  required_documents:",
        *[f"    - {entry}" for entry in documents],
        "  criteria:",
        *[f"    - {entry}" for entry in criteria],
    ]
    return "\n".join(lines) + "\n"


def _import(documents, criteria):
    return import_call(
        data=parse_call_yaml(call_yaml(documents, criteria)), actor=Actor.system()
    ).call


@pytest.fixture
def imported(organization, staff_member):
    """A call imported from YAML and a draft that uploaded the council
    resolution and assessed participation."""
    call = _import(
        ["{title: Ratsbeschluss}", "{title: Strategie, mandatory: false}"],
        ["{title: Beteiligung, key: beteiligung}", "{title: Wirkung}"],
    )
    actor = Actor(user=staff_member)
    draft = draft_create(organization=organization, call=call, title="Astadt", actor=actor)
    council = call.required_documents.get(title="Ratsbeschluss")
    document_update(
        draft=draft,
        required=council,
        status=DocumentStatus.AVAILABLE,
        note="",
        file=SimpleUploadedFile("beschluss.pdf", PDF),
        actor=actor,
    )
    participation = call.criteria.get(title="Beteiligung")
    self_assessment_save(
        draft=draft, criterion=participation, sections=[], score=2, note="gut", actor=actor
    )
    return {"call": call, "draft": draft, "council": council, "participation": participation}


def test_items_get_keys_from_their_titles(imported):
    call = imported["call"]
    assert sorted(call.required_documents.values_list("key", flat=True)) == [
        "ratsbeschluss",
        "strategie",
    ]
    assert sorted(call.criteria.values_list("key", flat=True)) == ["beteiligung", "wirkung"]


def test_reordering_on_import_keeps_uploads_attached(imported):
    _import(
        ["{title: Strategie, mandatory: false}", "{title: Ratsbeschluss}"],
        ["{title: Wirkung}", "{title: Beteiligung, key: beteiligung}"],
    )
    document = DraftDocument.objects.get(draft=imported["draft"])
    assert document.required_document.title == "Ratsbeschluss"
    assert document.required_document.position == 1
    assessment = CriterionAssessment.objects.get(draft=imported["draft"])
    assert assessment.criterion.title == "Beteiligung"


def test_a_renamed_item_keeps_its_key_and_the_drafts_data(imported):
    _import(
        ["{title: Ratsbeschluss}", "{title: Strategie, mandatory: false}"],
        ["{title: Beteiligung der Öffentlichkeit, key: beteiligung}", "{title: Wirkung}"],
    )
    assessment = CriterionAssessment.objects.get(draft=imported["draft"])
    assert assessment.criterion_id == imported["participation"].pk
    assert assessment.criterion.title == "Beteiligung der Öffentlichkeit"


def test_dropping_items_in_use_retires_them_and_keeps_uploads(imported, staff_member, as_user):
    _import(["{title: Strategie, mandatory: false}"], ["{title: Wirkung}"])
    council = RequiredDocument.objects.get(pk=imported["council"].pk)
    participation = EvaluationCriterion.objects.get(pk=imported["participation"].pk)
    assert council.retired and participation.retired
    document = DraftDocument.objects.get(draft=imported["draft"])
    assert document.file and document.required_document_id == council.pk
    assert CriterionAssessment.objects.filter(draft=imported["draft"]).exists()

    client = as_user(staff_member)
    draft = imported["draft"]
    page = client.get(reverse("applications:documents", kwargs={"pk": draft.pk})).content.decode()
    assert "nicht mehr gefordert" in page and "beschluss.pdf herunterladen" in page
    page = client.get(reverse("applications:criteria", kwargs={"pk": draft.pk})).content.decode()
    assert "nicht mehr gefordert" in page and "Beteiligung" in page
    download = reverse(
        "applications:document_download",
        kwargs={"pk": draft.pk, "required_document": council.pk},
    )
    assert client.get(download).status_code == 200
    # The call page and the readiness check no longer ask for them.
    call_page = client.get(imported["call"].get_absolute_url()).content.decode()
    assert "Ratsbeschluss" not in call_page
    keys = {item.key for item in readiness_for(draft).items}
    assert f"document.{council.pk}" not in keys
    assert f"criterion.{participation.pk}" not in keys


def test_dropping_unused_items_deletes_them(imported):
    _import(["{title: Ratsbeschluss}"], ["{title: Beteiligung, key: beteiligung}"])
    assert not RequiredDocument.objects.filter(title="Strategie").exists()
    assert not EvaluationCriterion.objects.filter(title="Wirkung").exists()


def test_an_item_that_comes_back_is_active_again(imported):
    _import(["{title: Strategie, mandatory: false}"], ["{title: Wirkung}"])
    _import(
        ["{title: Ratsbeschluss}", "{title: Strategie, mandatory: false}"],
        ["{title: Beteiligung, key: beteiligung}", "{title: Wirkung}"],
    )
    assert not RequiredDocument.objects.get(pk=imported["council"].pk).retired
    assert not EvaluationCriterion.objects.get(pk=imported["participation"].pk).retired


def test_a_retired_item_takes_no_new_work(imported, staff_member):
    from ikone.applications.exceptions import DraftError

    _import(["{title: Strategie, mandatory: false}"], ["{title: Wirkung}"])
    with pytest.raises(DraftError):
        document_update(
            draft=imported["draft"],
            required=RequiredDocument.objects.get(pk=imported["council"].pk),
            status=DocumentStatus.IN_PROGRESS,
            note="",
            actor=Actor(user=staff_member),
        )


def test_deleting_an_item_in_use_is_refused(imported, mentor):
    MentorAssessment.objects.create(
        draft=imported["draft"], criterion=imported["participation"], mentor=mentor, score=1
    )
    with pytest.raises(ProtectedError):
        RequiredDocument.objects.filter(pk=imported["council"].pk).delete()
    with pytest.raises(ProtectedError):
        EvaluationCriterion.objects.filter(pk=imported["participation"].pk).delete()
    assert DraftDocument.objects.filter(draft=imported["draft"]).exists()


def test_duplicate_keys_in_the_file_are_refused():
    from ikone.calls.importer import CallImportError

    with pytest.raises(CallImportError, match="doppelt"):
        parse_call_yaml(call_yaml(["{title: A, key: a}", "{title: B, key: a}"], []))


def test_the_data_migration_gives_existing_items_unique_keys(workshop_call):
    """Rows from before the keys: the first keeps the slug of its title, a
    second with the same title gets "-2" (only one row can lack a key under
    the constraint, so the test blanks one)."""
    first = RequiredDocument.objects.create(call=workshop_call, title="Ratsbeschluss", position=0)
    second = RequiredDocument.objects.create(call=workshop_call, title="Ratsbeschluss", position=1)
    RequiredDocument.objects.filter(pk=second.pk).update(key="")
    migration = importlib.import_module("ikone.calls.migrations.0004_fill_call_item_keys")
    migration.fill_keys(apps, None)
    second.refresh_from_db()
    assert second.key == "ratsbeschluss-2"
    assert RequiredDocument.objects.get(pk=first.pk).key == "ratsbeschluss"


# --- admin ---------------------------------------------------------------------------


def _admin_data(client, url):
    from tests.calls.test_admin import _post_data

    data = _post_data(client, url)
    data.pop("deadline", None)
    data["deadline_0"], data["deadline_1"] = "15.01.2099", "23:59:59"
    return data


def _inline_index(data, prefix, pk):
    return next(
        key.split("-")[1] for key, value in data.items() if key.startswith(prefix) and value == pk
    )


def test_the_admin_asks_before_retiring_an_item_drafts_use(
    imported, workshop_draft_b, other_staff, client_for
):
    # A second organisation's draft uploaded the same document: two drafts affected.
    call = imported["call"]
    workshop_draft_b.call = call
    workshop_draft_b.save(update_fields=["call"])
    document_update(
        draft=workshop_draft_b,
        required=imported["council"],
        status=DocumentStatus.IN_PROGRESS,
        note="",
        actor=Actor(user=other_staff),
    )
    client = client_for("coordinator")
    url = reverse("admin:calls_call_change", args=[call.pk])
    data = _admin_data(client, url)
    prefix = "required_documents-"
    index = _inline_index(data, prefix, imported["council"].pk)
    data[f"{prefix}{index}-retired"] = "on"
    response = client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "betrifft 2 Bewerbungsentwürfe" in page
    assert imported["draft"].title not in page  # drafts stay private
    assert not RequiredDocument.objects.get(pk=imported["council"].pk).retired

    data["confirm_affected_drafts"] = "on"
    data["seen_revision"] = call.__class__.objects.get(pk=call.pk).revision
    response = client.post(url, data)
    assert response.status_code == 302
    assert RequiredDocument.objects.get(pk=imported["council"].pk).retired
    assert DraftDocument.objects.filter(required_document=imported["council"]).count() == 2


def test_the_admin_offers_no_delete_for_items(imported, client_for):
    client = client_for("coordinator")
    url = reverse("admin:calls_call_change", args=[imported["call"].pk])
    page = client.get(url).content.decode()
    assert 'name="required_documents-0-DELETE"' not in page
    assert 'name="criteria-0-DELETE"' not in page
    assert 'name="required_documents-0-retired"' in page
