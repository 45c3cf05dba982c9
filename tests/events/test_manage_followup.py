"""After the event: materials through the upload validator, downloads by
visibility, feedback from participants, the results for coordinators, and
the organisation page's attended events."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from ikone.events.models import EventStatus, FeedbackResponse, Material, RegistrationStatus
from ikone.events.services import followup
from ikone.events.services.followup import FeedbackNotAllowedError
from tests.core.helpers import sign_in
from tests.events.factories import EventFactory, MaterialFactory, RegistrationFactory

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"


def _pptx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<presentation/>")
    return buffer.getvalue()


@pytest.fixture
def past_event(db):
    starts = timezone.now() - datetime.timedelta(days=2)
    return EventFactory(
        slug="vergangen", starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
    )


@pytest.fixture
def coordinator_client(client, coordinator):
    sign_in(client, coordinator)
    return client


def _materials_url(event) -> str:
    return reverse("events:manage_materials", kwargs={"slug": event.slug})


def test_coordinator_uploads_minutes_and_adds_a_recording_link(coordinator_client, past_event):
    url = _materials_url(past_event)
    response = coordinator_client.post(
        url,
        {
            "kind": "minutes",
            "title": "Protokoll",
            "visibility": "public",
            "file": SimpleUploadedFile("protokoll.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    response = coordinator_client.post(
        url,
        {
            "kind": "slides",
            "title": "Folien",
            "visibility": "participants",
            "file": SimpleUploadedFile("folien.pptx", _pptx()),
        },
    )
    assert response.status_code == 302
    coordinator_client.post(
        url,
        {
            "kind": "recording",
            "title": "Aufzeichnung",
            "visibility": "network",
            "url": "https://video.example.org/ws",
        },
    )
    assert sorted(Material.objects.values_list("title", flat=True)) == [
        "Aufzeichnung",
        "Folien",
        "Protokoll",
    ]
    minutes = Material.objects.get(title="Protokoll")
    download = reverse(
        "events:material_download", kwargs={"slug": past_event.slug, "pk": minutes.pk}
    )
    response = coordinator_client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert AuditEntry.objects.filter(action="events.material.added").count() == 3


def test_the_upload_validator_refuses_disguised_files(coordinator_client, past_event):
    response = coordinator_client.post(
        _materials_url(past_event),
        {
            "kind": "slides",
            "title": "Folien",
            "visibility": "public",
            "file": SimpleUploadedFile("folien.pdf", b"MZ\x90\x00 not a pdf at all \x00\x01"),
        },
    )
    assert response.status_code == 400
    assert "Dieser Dateityp ist hier nicht erlaubt." in response.content.decode()
    assert not Material.objects.exists()


def test_material_needs_a_file_or_a_link(coordinator_client, past_event):
    response = coordinator_client.post(
        _materials_url(past_event), {"kind": "slides", "title": "Leer", "visibility": "public"}
    )
    assert response.status_code == 400
    assert "entweder eine Datei" in response.content.decode()


def test_uploader_or_coordinator_removes_material(coordinator_client, past_event):
    material = MaterialFactory(event=past_event)
    url = reverse(
        "events:manage_material_delete", kwargs={"slug": past_event.slug, "pk": material.pk}
    )
    assert coordinator_client.post(url).status_code == 302
    assert not Material.objects.exists()


def test_participant_gives_and_changes_feedback(client, past_event, staff_member):
    RegistrationFactory(event=past_event, person=staff_member)
    sign_in(client, staff_member)
    url = reverse("events:feedback", kwargs={"slug": past_event.slug})
    assert client.get(url).status_code == 200
    response = client.post(url, {"rating": "6"})
    assert response.status_code == 400
    assert "Bitte wählen Sie eine Bewertung von 1 bis 5." in response.content.decode()
    assert client.post(url, {"rating": "4", "comment": "Gut"}).status_code == 302
    assert client.post(url, {"rating": "5", "comment": "Sehr gut"}).status_code == 302
    feedback = FeedbackResponse.objects.get()
    assert (feedback.rating, feedback.comment) == (5, "Sehr gut")
    assert "Rückmeldung ändern" in client.get(url).content.decode()


def test_feedback_only_from_participants_after_the_start(staff_member, other_staff, event):
    RegistrationFactory(event=event, person=staff_member)
    with pytest.raises(FeedbackNotAllowedError):
        followup.feedback_save(event=event, rating=5, comment="", actor=Actor(user=staff_member))
    event.starts_at = timezone.now() - datetime.timedelta(hours=1)
    event.save()
    followup.feedback_save(event=event, rating=5, comment="", actor=Actor(user=staff_member))
    with pytest.raises(FeedbackNotAllowedError):
        followup.feedback_save(event=event, rating=5, comment="", actor=Actor(user=other_staff))
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    with pytest.raises(FeedbackNotAllowedError):
        followup.feedback_save(event=event, rating=3, comment="", actor=Actor(user=waiting.person))


def test_coordinator_sees_results_and_asks_for_feedback_once(
    coordinator_client, past_event, django_assert_max_num_queries
):
    for rating, comment in ((5, "Sehr hilfreich"), (4, ""), (2, "Zu kurz")):
        registration = RegistrationFactory(event=past_event)
        FeedbackResponse.objects.create(
            event=past_event, person=registration.person, rating=rating, comment=comment
        )
    url = reverse("events:manage_feedback", kwargs={"slug": past_event.slug})
    with django_assert_max_num_queries(9):
        response = coordinator_client.get(url)
    content = response.content.decode()
    assert "3,7" in content
    assert "Sehr hilfreich" in content and "Zu kurz" in content
    mail.outbox.clear()
    coordinator_client.post(url)
    assert len(mail.outbox) == 3
    assert "/veranstaltungen/vergangen/rueckmeldung/" in mail.outbox[0].body
    response = coordinator_client.post(url, follow=True)
    assert "schon um Rückmeldung gebeten" in response.content.decode()
    assert len(mail.outbox) == 3


def test_organisation_page_lists_attended_events(client, organization, staff_member, past_event):
    RegistrationFactory(
        event=past_event,
        person=staff_member,
        organization=organization,
        attended_at=past_event.starts_at,
    )
    draft = EventFactory(status=EventStatus.DRAFT, title="Geheimer Entwurf")
    RegistrationFactory(event=draft, organization=organization, attended_at=past_event.starts_at)
    RegistrationFactory(event=EventFactory(title="Nicht besucht"), organization=organization)
    content = client.get(organization.get_absolute_url()).content.decode()
    assert "Besuchte Veranstaltungen" in content
    assert past_event.title in content
    assert "Geheimer Entwurf" not in content
    assert "Nicht besucht" not in content
    assert staff_member.name not in content


def test_event_page_links_materials_through_the_checked_download_and_asks_for_feedback(
    client, past_event, staff_member
):
    material = MaterialFactory(event=past_event, visibility="participants")
    RegistrationFactory(event=past_event, person=staff_member)
    sign_in(client, staff_member)
    content = client.get(past_event.get_absolute_url()).content.decode()
    download = reverse(
        "events:material_download", kwargs={"slug": past_event.slug, "pk": material.pk}
    )
    assert f'href="{download}"' in content
    assert reverse("events:feedback", kwargs={"slug": past_event.slug}) in content
