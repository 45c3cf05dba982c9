"""PDF and DOCX export run as background tasks (issue 11, point 11): the
request path only enqueues or serves the made file, the page shows the
state (htmx fragment while a file is being made), and a file is re-used
while the draft is unchanged."""

from __future__ import annotations

import io
from unittest import mock

import docx
import pytest
from django.urls import reverse

from ikone.applications import tasks
from ikone.applications.export.fingerprint import draft_fingerprint
from ikone.applications.models import DraftExport, ExportState
from ikone.applications.services import sections as section_services
from ikone.applications.services.exports import export_request
from ikone.core.audit import Actor
from tests.applications.plan_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in


def _docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


@pytest.fixture(autouse=True)
def _german():
    """The pages are checked in German whatever an earlier test activated."""
    from django.utils import translation

    with translation.override("de"):
        yield


def _ask(client, draft, format, capture, *, run=True):
    """POST the request; `run` lets the (immediate) task backend run on commit."""
    url = reverse("applications:export_create", args=[draft.pk, format])
    with capture(execute=run):
        return client.post(url)


def test_the_request_path_only_enqueues(
    draft, client, staff_member, django_capture_on_commit_callbacks
):
    sign_in(client, staff_member)
    with (
        mock.patch("ikone.applications.tasks._render") as render,
        mock.patch("ikone.applications.services.exports.on_commit_enqueue") as enqueue,
    ):
        response = _ask(client, draft, "pdf", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    render.assert_not_called()
    export = DraftExport.objects.get(draft=draft)
    enqueue.assert_called_once_with(tasks.render_export, export.pk)
    assert export.state == ExportState.PENDING and not export.file


def test_export_is_made_in_the_background_and_then_served(
    draft, client, staff_member, django_capture_on_commit_callbacks
):
    sign_in(client, staff_member)
    download = reverse("applications:export_docx", args=[draft.pk])
    response = client.get(download)
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:export", args=[draft.pk])
    _ask(client, draft, "docx", django_capture_on_commit_callbacks)
    export = DraftExport.objects.get(draft=draft, format="docx")
    assert export.state == ExportState.DONE and export.file
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content)[:2] == b"PK"


def test_an_unchanged_draft_reuses_the_file(
    draft, client, staff_member, django_capture_on_commit_callbacks
):
    sign_in(client, staff_member)
    _ask(client, draft, "docx", django_capture_on_commit_callbacks)
    first = DraftExport.objects.get(draft=draft)
    with mock.patch("ikone.applications.tasks._render") as render:
        _ask(client, draft, "docx", django_capture_on_commit_callbacks)
    render.assert_not_called()
    assert list(DraftExport.objects.filter(draft=draft)) == [first]


def test_a_change_makes_the_file_anew_and_drops_the_old_one(
    draft, client, staff_member, django_capture_on_commit_callbacks
):
    sign_in(client, staff_member)
    _ask(client, draft, "docx", django_capture_on_commit_callbacks)
    old = DraftExport.objects.get(draft=draft)
    old_name = old.file.name
    section = draft.sections.get(key="ausgangslage")
    section.draft = draft
    before = draft_fingerprint(draft)
    section_services.section_save(
        section=section,
        text="Neuer Text",
        based_on=section.version,
        actor=Actor(user=staff_member),
    )
    assert draft_fingerprint(draft) != before
    # The old file is not served for the new state.
    assert client.get(reverse("applications:export_docx", args=[draft.pk])).status_code == 302
    _ask(client, draft, "docx", django_capture_on_commit_callbacks)
    new = DraftExport.objects.get(draft=draft)
    assert new.pk != old.pk and new.state == ExportState.DONE
    # The old file is gone; the new one may reuse its freed name, and then
    # holds the new text.
    assert new.file.name == old_name or not old.file.storage.exists(old_name)
    with new.file.open("rb") as handle:
        assert "Neuer Text" in _docx_text(handle.read())


def test_the_page_shows_progress_and_polls_only_while_working(
    draft, client, staff_member, django_capture_on_commit_callbacks
):
    sign_in(client, staff_member)
    page = reverse("applications:export", args=[draft.pk])
    assert "noch nicht erstellt" in client.get(page).content.decode()
    _ask(client, draft, "pdf", django_capture_on_commit_callbacks, run=False)
    content = client.get(page).content.decode()
    assert "wartet auf die Erstellung" in content
    assert 'hx-trigger="every 2s"' in content
    assert "Stand aktualisieren" in content  # the way without JavaScript
    fragment = client.get(page, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<div id="export-status"')
    assert "<html" not in fragment
    tasks.render_export.call(DraftExport.objects.get(draft=draft).pk)
    fragment = client.get(page, headers={"HX-Request": "true"}).content.decode()
    assert "every 2s" not in fragment and "PDF herunterladen" in fragment


def test_a_failed_export_says_so_and_can_be_retried(
    draft, client, staff_member, django_capture_on_commit_callbacks
):
    sign_in(client, staff_member)
    with mock.patch("ikone.applications.tasks._render", side_effect=RuntimeError("kaputt")):
        _ask(client, draft, "docx", django_capture_on_commit_callbacks)
    export = DraftExport.objects.get(draft=draft)
    assert export.state == ExportState.FAILED
    content = client.get(reverse("applications:export", args=[draft.pk])).content.decode()
    assert "konnte nicht erstellt werden" in content and "kaputt" not in content
    _ask(client, draft, "docx", django_capture_on_commit_callbacks)
    export.refresh_from_db()
    assert export.state == ExportState.DONE


def test_a_claimed_export_is_made_once(draft, staff_member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        export = export_request(draft=draft, format="docx", actor=Actor(user=staff_member))
    with mock.patch("ikone.applications.tasks._render", return_value=b"PK") as render:
        tasks.render_export.call(export.pk)
        tasks.render_export.call(export.pk)
    assert render.call_count == 1


ROLES = [
    ("anonymous", 302, 302),
    ("staff_a", 200, 302),
    ("staff_b", 404, 404),
    ("contact_a", 200, 302),
    ("mentor", 404, 404),
    ("coordinator", 404, 404),
    ("admin", 404, 404),
]


@pytest.mark.parametrize(("role", "page", "ask"), ROLES)
def test_export_views_per_role(role, page, ask, draft, client_for):
    client = client_for(role)
    assert client.get(reverse("applications:export", args=[draft.pk])).status_code == page
    response = client.post(reverse("applications:export_create", args=[draft.pk, "pdf"]))
    assert response.status_code == ask


def test_a_shared_mentor_may_export(
    shared_with_mentor, mentor, client, django_capture_on_commit_callbacks
):
    sign_in(client, mentor)
    _ask(client, shared_with_mentor, "docx", django_capture_on_commit_callbacks)
    url = reverse("applications:export_docx", args=[shared_with_mentor.pk])
    assert client.get(url).status_code == 200


def test_another_organisations_file_is_never_served(
    draft, staff_member, other_staff, client, django_capture_on_commit_callbacks
):
    sign_in(client, staff_member)
    _ask(client, draft, "docx", django_capture_on_commit_callbacks)
    sign_in(client, other_staff)
    assert client.get(reverse("applications:export_docx", args=[draft.pk])).status_code == 404


def test_export_page_query_count(
    draft, client, staff_member, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    sign_in(client, staff_member)
    _ask(client, draft, "docx", django_capture_on_commit_callbacks, run=False)
    _ask(client, draft, "pdf", django_capture_on_commit_callbacks, run=False)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("applications:export", args=[draft.pk])).status_code == 200


def test_a_lost_export_can_be_asked_for_again(
    draft, client, staff_member, django_capture_on_commit_callbacks
):
    """A worker that stopped leaves the export running; after STALE_AFTER
    the page stops polling and offers to try again."""
    from datetime import timedelta

    from django.utils import timezone

    sign_in(client, staff_member)
    _ask(client, draft, "docx", django_capture_on_commit_callbacks, run=False)
    DraftExport.objects.update(
        state=ExportState.RUNNING, created_at=timezone.now() - timedelta(minutes=11)
    )
    content = client.get(reverse("applications:export", args=[draft.pk])).content.decode()
    assert "every 2s" not in content and "Erneut versuchen" in content
    _ask(client, draft, "docx", django_capture_on_commit_callbacks)
    assert DraftExport.objects.get(draft=draft).state == ExportState.DONE
