"""Uploaded files follow their records: a replaced or deleted file goes
only after the change is committed; orphans can be listed and removed; the
development server serves no upload from a public media URL."""

import importlib
import os
import time
from io import StringIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.urls import clear_url_caches

from ikone.applications.models import DocumentStatus, DraftDocument
from ikone.applications.services.checklist import document_update
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def upload(draft, required, user, name="beschluss.pdf"):
    return document_update(
        draft=draft,
        required=required,
        status=DocumentStatus.AVAILABLE,
        note="",
        file=SimpleUploadedFile(name, PDF),
        actor=Actor(user=user),
    )


def test_a_failed_replacement_keeps_the_old_file(
    workshop_draft, required_documents, staff_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        old_name = upload(workshop_draft, required_documents[0], staff_member).file.name
    with pytest.raises(RuntimeError), transaction.atomic():
        upload(workshop_draft, required_documents[0], staff_member, name="neu.pdf")
        raise RuntimeError("the request failed after the upload")
    assert default_storage.exists(old_name)
    document = DraftDocument.objects.get(draft=workshop_draft)
    assert document.file.name == old_name


def test_a_committed_replacement_removes_the_old_file(
    workshop_draft, required_documents, staff_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        old_name = upload(workshop_draft, required_documents[0], staff_member).file.name
    with django_capture_on_commit_callbacks(execute=True):
        new_name = upload(workshop_draft, required_documents[0], staff_member, "neu.pdf").file.name
    assert not default_storage.exists(old_name)
    assert default_storage.exists(new_name)


def test_deleting_the_record_removes_its_file_after_commit(
    workshop_draft, required_documents, staff_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        name = upload(workshop_draft, required_documents[0], staff_member).file.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        DraftDocument.objects.filter(draft=workshop_draft).delete()
        assert default_storage.exists(name), "removed before the commit"
    for callback in callbacks:
        callback()
    assert not default_storage.exists(name)


def _age(name: str, seconds: int) -> None:
    path = default_storage.path(name)
    past = time.time() - seconds
    os.utime(path, (past, past))


def test_orphaned_files_are_listed_and_removed_only_on_request(
    workshop_draft, required_documents, staff_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        kept = upload(workshop_draft, required_documents[0], staff_member).file.name
    orphan = default_storage.save("applications/999/documents/verwaist.pdf", StringIO("x"))
    young = default_storage.save("applications/999/documents/gerade-eben.pdf", StringIO("y"))
    for name in (kept, orphan):
        _age(name, 2 * 3600)

    out = StringIO()
    call_command("remove_orphaned_files", stdout=out)
    assert orphan in out.getvalue()
    assert kept not in out.getvalue()
    assert young not in out.getvalue()
    assert "Dry run" in out.getvalue()
    assert default_storage.exists(orphan)

    call_command("remove_orphaned_files", "--delete", stdout=StringIO())
    assert not default_storage.exists(orphan)
    assert default_storage.exists(kept)
    assert default_storage.exists(young)


@pytest.fixture
def debug_urls(settings):
    """The project's URLs as `make run` (DEBUG) builds them."""
    import ikone.urls

    settings.DEBUG = True
    importlib.reload(ikone.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(ikone.urls)
    clear_url_caches()


def test_debug_server_serves_no_upload_from_a_media_url(
    debug_urls, workshop_draft, required_documents, staff_member, client
):
    name = upload(workshop_draft, required_documents[0], staff_member).file.name
    image = default_storage.save("original_images/bild.txt", StringIO("öffentlich"))
    sign_in(client, staff_member)
    assert client.get(f"/media/{name}").status_code == 404
    assert client.get(f"/media/{image}").status_code == 200
