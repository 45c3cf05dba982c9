"""Coordinators are told when an asker asks for their answered question's
removal (issue 11.8): a notification kind `qa.removal_requested`, kept in
each coordinator's notification centre and mailed as they chose."""

from __future__ import annotations

import pytest
from django.core import mail as outbox
from django.urls import reverse

from ikone.notifications.models import Delivery, Notification, Preference
from ikone.qa.notifications import REMOVAL_REQUESTED, removal_requested_mail
from tests.accounts.factories import CoordinatorFactory
from tests.core.helpers import sign_in
from tests.qa.factories import AnswerFactory, QuestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered_question(call, organization, staff_member, mentor):
    question = QuestionFactory(
        call=call.call,
        author=staff_member,
        organization=organization,
        title="Zählt die Projektstelle zum Eigenanteil?",
    )
    AnswerFactory(question=question, author=mentor)
    outbox.outbox.clear()
    return question


def request_removal(client, question, asker, django_capture_on_commit_callbacks):
    sign_in(client, asker)
    url = reverse("qa:question_request_removal", kwargs={"pk": question.pk})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302


def test_coordinators_are_notified_in_the_centre_and_by_mail(
    client,
    answered_question,
    staff_member,
    coordinator,
    contact_person,
    mentor,
    django_capture_on_commit_callbacks,
):
    request_removal(client, answered_question, staff_member, django_capture_on_commit_callbacks)

    [message] = [m for m in outbox.outbox if "Entfernung" in m.subject]
    assert message.to == [coordinator.email]
    assert "Zählt die Projektstelle zum Eigenanteil?" in message.body
    assert f"/fragen/{answered_question.pk}/" in message.body
    kept = Notification.objects.get(kind=REMOVAL_REQUESTED)
    assert kept.user == coordinator
    assert kept.url == f"/fragen/{answered_question.pk}/"
    # Nobody else hears of it: not the asker's colleagues, not mentors.
    assert not Notification.objects.filter(
        kind=REMOVAL_REQUESTED, user__in=[staff_member, contact_person, mentor]
    ).exists()


def test_a_coordinator_who_chose_the_digest_gets_no_mail_now(
    client, answered_question, staff_member, coordinator, django_capture_on_commit_callbacks
):
    Preference.objects.create(user=coordinator, kind=REMOVAL_REQUESTED, delivery=Delivery.DIGEST)
    other = CoordinatorFactory(email="zweite@example.org")
    request_removal(client, answered_question, staff_member, django_capture_on_commit_callbacks)

    assert [m.to for m in outbox.outbox if "Entfernung" in m.subject] == [[other.email]]
    assert Notification.objects.get(user=coordinator, kind=REMOVAL_REQUESTED).delivery == (
        Delivery.DIGEST
    )


def test_asking_again_notifies_nobody_again(
    client, answered_question, staff_member, coordinator, django_capture_on_commit_callbacks
):
    request_removal(client, answered_question, staff_member, django_capture_on_commit_callbacks)
    request_removal(client, answered_question, staff_member, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(kind=REMOVAL_REQUESTED).count() == 1


def test_nothing_is_sent_once_the_question_is_hidden(answered_question, coordinator):
    from django.utils import timezone

    answered_question.removal_requested_at = timezone.now()
    answered_question.hidden_at = timezone.now()
    answered_question.save()
    assert removal_requested_mail(answered_question.pk) is None


def test_the_kind_can_be_chosen_in_the_settings(client, coordinator):
    sign_in(client, coordinator)
    page = client.get(reverse("notifications:settings")).content.decode()
    assert "Bitte, eine beantwortete Frage zu entfernen" in page
