"""The one mail helper (`ikone.core.mail`): kinds must be registered, mails
go out only after commit and by the `deliver` task, each recipient gets
their own message in their language. Uses the invitation mail as the
example kind."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.apps import apps
from django.core import mail as outbox
from django.db import transaction
from django.utils.module_loading import import_string
from django_tasks.signals import task_enqueued

from ikone.core import mail, notifications
from ikone.core.models import OutgoingMail
from tests.accounts.factories import InvitationFactory

pytestmark = pytest.mark.django_db

KIND = "accounts.invitation"


@dataclass
class Person:
    email: str
    language: str = ""


def invitation_mail(*recipients) -> mail.Mail:
    invitation = InvitationFactory(organization__name="Musterstadt")
    return mail.Mail(KIND, list(recipients), {"invitation": invitation, "accept_url": "/x/"})


@pytest.fixture
def delivered():
    """The arguments of every `deliver` task enqueued during the test."""
    calls: list[list] = []

    def record(sender, task_result, **kwargs):
        if task_result.task.module_path == mail.deliver.module_path:
            calls.append(list(task_result.args))

    task_enqueued.connect(record)
    yield calls
    task_enqueued.disconnect(record)


def test_every_app_registers_its_kinds_with_an_importable_builder():
    keys = {kind.key for kind in notifications.all_kinds()}
    assert {"accounts.invitation", "events.registration", "qa.new_answer"} <= keys
    assert {"applications.comment", "events.participant_message"} <= keys
    installed = {config.label for config in apps.get_app_configs()}
    for kind in notifications.all_kinds():
        # A kind's key starts with the label of the app that sends it.
        assert kind.app in installed
        assert callable(import_string(kind.builder))


def test_unregistered_kinds_are_refused_at_once():
    with pytest.raises(LookupError):
        mail.notify("accounts.no_such_kind", 1)
    with pytest.raises(LookupError):
        mail.send(mail.Mail("accounts.no_such_kind", ["a@example.org"], {}))


def test_a_template_the_kind_does_not_declare_is_refused():
    message = invitation_mail("a@example.org")
    message.template = "registration_confirmed"
    with pytest.raises(LookupError, match="registration_confirmed"):
        mail.send(message)
    assert outbox.outbox == []


def test_each_recipient_gets_an_own_message_in_their_language():
    sent = mail.send(
        invitation_mail(Person("en@example.org", "en"), "adresse@example.org", Person("x@y.org"))
    )
    assert sent == 3
    english, address, default = outbox.outbox
    assert english.to == ["en@example.org"]
    assert english.subject == "[IKONE] Invitation to Musterstadt"
    assert english.body.startswith("Hello,")
    assert address.to == ["adresse@example.org"]
    assert address.subject == "[IKONE] Einladung zu Musterstadt"
    assert address.body.startswith("Guten Tag,")
    assert default.subject == "[IKONE] Einladung zu Musterstadt"


def test_a_language_the_platform_does_not_offer_falls_back_to_german():
    mail.send(invitation_mail(Person("fr@example.org", "fr")))
    assert outbox.outbox[0].subject == "[IKONE] Einladung zu Musterstadt"


def test_attachments_and_reply_to_reach_every_message():
    message = invitation_mail("a@example.org", "b@example.org")
    message.attachments = (mail.Attachment("notiz.txt", b"Hallo", "text/plain"),)
    message.reply_to = "absender@example.org"
    mail.send(message)
    for sent in outbox.outbox:
        assert sent.attachments == [("notiz.txt", "Hallo", "text/plain")]
        assert sent.reply_to == ["absender@example.org"]


def test_notify_sends_by_the_deliver_task_only_after_commit(
    django_capture_on_commit_callbacks, delivered
):
    invitation = InvitationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        mail.notify(KIND, invitation.pk)
        assert outbox.outbox == []
        assert delivered == []
    assert delivered == [[KIND, invitation.pk]]
    assert [message.to for message in outbox.outbox] == [[invitation.email]]


@pytest.mark.django_db(transaction=True)
def test_notify_sends_nothing_when_the_transaction_rolls_back(delivered):
    invitation = InvitationFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.notify(KIND, invitation.pk)
        raise RuntimeError
    assert delivered == []
    assert outbox.outbox == []


def test_the_builder_reads_fresh_data_and_may_send_nothing():
    invitation = InvitationFactory()
    invitation.delete()
    assert mail.deliver.call(KIND, invitation.pk) == 0
    assert outbox.outbox == []


# --- At most once (issue 17): idempotency keys -------------------------------


def test_every_message_carries_an_idempotency_key_and_a_message_id_made_from_it():
    mail.send(invitation_mail("a@example.org", "b@example.org"))
    keys = [message.extra_headers[mail.IDEMPOTENCY_HEADER] for message in outbox.outbox]
    assert len(set(keys)) == 2
    for message, key in zip(outbox.outbox, keys, strict=True):
        assert message.message()["Message-ID"] == f"<{key}@ikone.invalid>"
        assert "a@example.org" not in key  # a hash, not the address


def test_a_mail_with_the_same_key_goes_to_each_recipient_at_most_once():
    first = invitation_mail("a@example.org")
    first.idempotency_key = "reminder-42"
    again = invitation_mail("a@example.org", "b@example.org")
    again.idempotency_key = "reminder-42"
    assert mail.send(first) == 1
    assert mail.send(again) == 1
    assert [message.to for message in outbox.outbox] == [["a@example.org"], ["b@example.org"]]
    assert set(OutgoingMail.objects.values_list("state", flat=True)) == {"sent"}


def test_a_retried_deliver_task_sends_only_what_was_not_sent(settings):
    invitation = InvitationFactory()
    assert mail.deliver.call(KIND, invitation.pk, idempotency_key="task-1") == 1
    assert mail.deliver.call(KIND, invitation.pk, idempotency_key="task-1") == 0
    assert mail.deliver.call(KIND, invitation.pk, idempotency_key="task-2") == 1
    assert len(outbox.outbox) == 2


def test_a_message_the_server_refused_can_be_sent_by_a_retry(monkeypatch):
    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError

    message = invitation_mail("a@example.org")
    message.idempotency_key = "retry-me"
    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    with pytest.raises(ConnectionRefusedError):
        mail.send(message)
    assert not OutgoingMail.objects.exists()
    monkeypatch.undo()
    assert mail.send(message) == 1


def test_notify_gives_each_notification_its_own_key(django_capture_on_commit_callbacks):
    invitation = InvitationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        mail.notify(KIND, invitation.pk)
        mail.notify(KIND, invitation.pk)
    assert len(outbox.outbox) == 2
