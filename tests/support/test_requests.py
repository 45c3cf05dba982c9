"""Support requests: the contact form with its spam checks, creating,
assigning, answering (on the platform and by e-mail), the workflow table,
who sees what (also for requests of a draft), the queue and the figures."""

from __future__ import annotations

import time

import pytest
from django.core import mail, signing
from django.urls import reverse

from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from ikone.support import selectors, services
from ikone.support.exceptions import StaleRequest, SupportError
from ikone.support.forms import _STAMP_SALT
from ikone.support.inbox import Outcome, file_reply
from ikone.support.models import MessageKind, Source, SupportRequest, Topic
from ikone.support.permissions import can_view_request
from ikone.support.replies import reply_address, request_id_from
from ikone.support.workflow import HANDLER, REQUESTER, TRANSITIONS, Action, Status, target
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db


def _stamp(seconds_ago: float = 10) -> str:
    return signing.dumps(time.time() - seconds_ago, salt=_STAMP_SALT)


def _contact(client, **overrides):
    data = {
        "name": "Petra Beispiel",
        "email": "petra@example.org",
        "organization_name": "Stadt Astadt",
        "topic": Topic.MEMBERSHIP,
        "subject": "Mitgliedschaft",
        "message": "Wie werden wir Mitglied?",
        "consent": "on",
        "website": "",
        "started": _stamp(),
    }
    data.update(overrides)
    return client.post(reverse("support:contact"), data)


@pytest.fixture
def platform_request(staff_member, organization) -> SupportRequest:
    return services.request_create(
        data=services.RequestData(
            topic=Topic.FINANCING,
            subject="Personalkosten?",
            message="Dürfen wir Personal ansetzen?",
            organization=organization,
        ),
        actor=Actor(user=staff_member),
    )


def test_contact_form_creates_a_request_and_confirms(
    client, organization, coordinator, django_capture_on_commit_callbacks, settings
):
    settings.IKONE_SUPPORT_REPLY_ADDRESS = "support@ikone.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = _contact(client)
    assert response.status_code == 302
    request = SupportRequest.objects.get()
    assert request.source == Source.CONTACT
    assert request.organization == organization  # found in the directory
    assert request.consent_at is not None
    recipients = {message.to[0]: message for message in mail.outbox}
    assert "petra@example.org" in recipients and coordinator.email in recipients
    confirmation = recipients["petra@example.org"]
    assert request_id_from(confirmation.reply_to[0]) == request.pk
    assert AuditEntry.objects.filter(action="support.request.contact_received").exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"website": "http://spam.example"}, "website"),
        ({"started": "kaputt"}, "started"),
        ({"consent": ""}, "consent"),
        ({"message": "http://a http://b http://c"}, "message"),
        ({"email": "keine-adresse"}, "email"),
    ],
)
def test_contact_form_refuses_spam_and_keeps_input(client, overrides, field):
    response = _contact(client, **overrides)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "Petra Beispiel" in response.content.decode()
    assert not SupportRequest.objects.exists()


def test_contact_form_too_fast(client):
    response = _contact(client, started=_stamp(seconds_ago=0))
    assert "started" in response.context["form"].errors


def test_contact_form_is_rate_limited(client):
    statuses = [_contact(client, subject=f"Nr. {n}").status_code for n in range(6)]
    assert statuses[:5] == [302] * 5 and statuses[5] == 429


def test_contact_form_links_the_privacy_page_and_is_in_the_footer(client):
    from ikone.knowledge.demo import seed_demo_pages

    seed_demo_pages()
    content = client.get(reverse("support:contact")).content.decode()
    assert "/datenschutz/" in content
    assert f'href="{reverse("support:contact")}"' in client.get("/").content.decode()


def test_workflow_table_every_state_action_role():
    for state in Status.values:
        for action in Action.values:
            for role in (HANDLER, REQUESTER):
                move = TRANSITIONS.get((state, action))
                expected = move[0] if move and role in move[1] else None
                assert target(state, action, role) == expected
    assert target(Status.NEW, Action.SOLVE, REQUESTER) is None
    assert target(Status.CLOSED, Action.REPLY, HANDLER) is None


def test_assign_reply_and_answer_by_email(
    platform_request,
    coordinator,
    mentor,
    staff_member,
    django_capture_on_commit_callbacks,
    settings,
):
    settings.IKONE_SUPPORT_REPLY_ADDRESS = "support@ikone.example"
    request = services.request_assign(
        request=platform_request,
        assignee=mentor,
        based_on=platform_request.version,
        actor=Actor(user=coordinator),
    )
    assert request.status == Status.ASSIGNED
    assert can_view_request(mentor, request)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_reply(
            request=request, text="Ja, wenn neu geschaffen.", actor=Actor(user=mentor)
        )
    request.refresh_from_db()
    assert request.status == Status.WAITING and request.first_response_at is not None
    [reply] = mail.outbox
    assert reply.to == [staff_member.email] and "Ja, wenn neu geschaffen." in reply.body
    raw = (
        f"From: {staff_member.email}\nTo: {reply.reply_to[0]}\nSubject: Re: Antwort\n\n"
        "Danke, wir schicken die Beschreibung.\n\nAm Montag schrieb IKONE:\n> Ja, wenn neu\n"
    ).encode()
    with django_capture_on_commit_callbacks(execute=True):
        assert file_reply(raw) == Outcome.FILED
    request.refresh_from_db()
    assert request.status == Status.ASSIGNED
    answer = request.messages.get(kind=MessageKind.REQUESTER)
    assert answer.text == "Danke, wir schicken die Beschreibung."
    assert answer.channel == "email"
    # A stranger writing to the address, or a forged address, is refused.
    forged = raw.replace(reply.reply_to[0].encode(), b"support+%d-0000@ikone.example" % request.pk)
    assert file_reply(forged) == Outcome.NO_ADDRESS
    stranger = raw.replace(staff_member.email.encode(), b"fremd@example.org")
    assert file_reply(stranger) == Outcome.WRONG_SENDER


def test_fetch_command_reads_a_file(platform_request, staff_member, tmp_path, settings):
    from django.core.management import call_command

    settings.IKONE_SUPPORT_REPLY_ADDRESS = "support@ikone.example"
    path = tmp_path / "antwort.eml"
    path.write_bytes(
        f"From: {staff_member.email}\nTo: {reply_address(platform_request.pk)}\n\nNachtrag.\n".encode()
    )
    call_command("fetch_support_replies", "--file", str(path))
    assert platform_request.messages.get().text == "Nachtrag."


def test_stale_edits_are_refused(platform_request, coordinator):
    services.request_update(
        request=platform_request,
        priority="high",
        due_date=None,
        based_on=platform_request.version,
        actor=Actor(user=coordinator),
    )
    with pytest.raises(StaleRequest):
        services.request_update(
            request=platform_request,
            priority="low",
            due_date=None,
            based_on=platform_request.version,
            actor=Actor(user=coordinator),
        )


def test_notes_stay_internal(client, platform_request, coordinator, staff_member):
    services.request_note(
        request=platform_request, text="Intern: Kämmerei fragen", actor=Actor(user=coordinator)
    )
    sign_in(client, staff_member)
    assert "Kämmerei" not in client.get(platform_request.get_absolute_url()).content.decode()
    client.logout()
    sign_in(client, coordinator)
    assert "Kämmerei" in client.get(platform_request.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("staff_member", True),
        ("contact_person", True),
        ("other_staff", False),
        ("mentor", False),
        ("coordinator", False),
    ],
)
def test_requests_of_a_draft_follow_the_draft(who, sees, request, workshop_draft, staff_member):
    """The draft is shared with nobody: not even coordinators see the request."""
    draft = workshop_draft
    support_request = SupportRequest.objects.create(
        topic=Topic.SKETCH,
        subject="Skizze",
        message="…",
        source=Source.PLATFORM,
        requester=staff_member,
        requester_name="A",
        requester_email=staff_member.email,
        organization=draft.organization,
        draft=draft,
    )
    user = request.getfixturevalue(who)
    assert can_view_request(user, support_request) is sees
    assert (support_request in selectors.request_list_for(user=user)) is (
        sees and who != "coordinator"
    )
    if user.is_coordinator:
        assert support_request not in selectors.queue_for(
            user=user, filters=selectors.QueueFilters()
        )
        draft.shared_with_network = True
        draft.save(update_fields=["shared_with_network"])
        assert can_view_request(user, SupportRequest.objects.get(pk=support_request.pk))


def test_a_draft_must_be_shared_to_attach_it(workshop_draft, staff_member):
    draft = workshop_draft
    with pytest.raises(SupportError):
        services.request_create(
            data=services.RequestData(
                topic=Topic.SKETCH,
                subject="x",
                message="y",
                organization=draft.organization,
                draft=draft,
            ),
            actor=Actor(user=staff_member),
        )


def test_contact_messages_are_not_shown_to_the_named_organisation(client, staff_member):
    _contact(client)
    request = SupportRequest.objects.get()
    assert not can_view_request(staff_member, request)


def test_api_lists_the_requesters_own_requests(client, platform_request, other_staff, coordinator):
    from rest_framework.authtoken.models import Token

    services.request_note(
        request=platform_request, text="Nur intern", actor=Actor(user=coordinator)
    )
    token = Token.objects.create(user=platform_request.requester)
    response = client.get("/api/v1/support/requests/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200
    [item] = response.json()["results"] if "results" in response.json() else response.json()
    assert item["subject"] == "Personalkosten?" and item["messages"] == []
    other = Token.objects.create(user=other_staff)
    url = f"/api/v1/support/requests/{platform_request.pk}/"
    assert client.get(url, HTTP_AUTHORIZATION=f"Token {other.key}").status_code == 404
    assert client.get("/api/v1/support/requests/").status_code == 401


def test_a_request_of_a_draft_with_several_mentors_is_listed_once(
    workshop_draft, mentor, second_mentor, mentor_share, staff_member
):
    """Visibility through "shared with this mentor" is a subquery: a draft
    shared with two mentors does not repeat its requests (the list and the
    API once counted and showed them twice)."""
    from ikone.applications.models import DraftMentor

    DraftMentor.objects.create(draft=workshop_draft, mentor=second_mentor, shared_by=staff_member)
    support_request = SupportRequest.objects.create(
        topic=Topic.SKETCH,
        subject="Skizze",
        message="…",
        source=Source.PLATFORM,
        requester=mentor,
        requester_name="Mentorin",
        requester_email=mentor.email,
        organization=workshop_draft.organization,
        draft=workshop_draft,
        assignee=mentor,
    )
    for listed in (
        selectors.request_list_for(user=mentor),
        selectors.request_list_of_requester(user=mentor),
    ):
        assert list(listed) == [support_request]
        assert listed.count() == 1
