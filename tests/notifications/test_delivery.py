"""Every mail also lands in the recipients' notification centres, and each
person's choice per kind decides whether the e-mail goes out now, in the
daily digest or not at all (mandatory kinds always go out at once)."""

from __future__ import annotations

import pytest
from django.core import mail as outbox

from ikone.core import mail
from ikone.notifications.models import Delivery, Notification, Preference
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

OPTIONAL = "qa.new_answer"
MANDATORY = "accounts.join_request_decided"


def question_mail(*recipients) -> mail.Mail:
    return mail.Mail(
        OPTIONAL,
        list(recipients),
        {
            "question": type("Q", (), {"title": "Wie ist 3.2 gemeint?", "pk": 1})(),
            "answer_text": "So ist es gemeint.",
            "question_url": mail.absolute_url("/fragen/1/"),
        },
    )


def test_a_mail_to_a_person_is_kept_in_their_centre_with_its_link():
    person = UserFactory(email="a@example.org")
    assert mail.send(question_mail(person)) == 1
    kept = Notification.objects.get(user=person)
    assert kept.kind == OPTIONAL
    assert kept.subject == outbox.outbox[0].subject.removeprefix("[IKONE] ")
    assert kept.body == outbox.outbox[0].body
    assert kept.url == "/fragen/1/"
    assert kept.read_at is None
    assert kept.delivery == Delivery.IMMEDIATE


def test_bare_addresses_of_accounts_are_kept_too_others_only_mailed():
    person = UserFactory(email="konto@example.org")
    mail.send(question_mail("konto@example.org", "ohne-konto@example.org"))
    assert [message.to for message in outbox.outbox] == [
        ["konto@example.org"],
        ["ohne-konto@example.org"],
    ]
    assert list(Notification.objects.values_list("user", flat=True)) == [person.pk]


@pytest.mark.parametrize(
    ("choice", "mailed"), [(Delivery.IMMEDIATE, 1), (Delivery.DIGEST, 0), (Delivery.OFF, 0)]
)
def test_the_persons_choice_decides_whether_the_mail_goes_out_now(choice, mailed):
    person = UserFactory(email="wahl@example.org")
    other = UserFactory(email="standard@example.org")
    Preference.objects.create(user=person, kind=OPTIONAL, delivery=choice)
    sent = mail.send(question_mail(person, other))
    assert sent == 1 + mailed
    assert sorted(m.to[0] for m in outbox.outbox) == sorted(
        ["standard@example.org"] + (["wahl@example.org"] if mailed else [])
    )
    assert Notification.objects.get(user=person).delivery == choice
    assert Notification.objects.get(user=other).delivery == Delivery.IMMEDIATE


def test_mandatory_kinds_go_out_at_once_whatever_was_stored(monkeypatch):
    from ikone.accounts.models import JoinRequest
    from ikone.accounts.notifications import join_request_decided_mail
    from tests.accounts.factories import OrganizationFactory

    person = UserFactory(email="pflicht@example.org")
    Preference.objects.create(user=person, kind=MANDATORY, delivery=Delivery.OFF)
    join_request = JoinRequest.objects.create(
        user=person, organization=OrganizationFactory(name="Musterstadt"), status="accepted"
    )
    mail.send(join_request_decided_mail(join_request.pk))
    assert [m.to for m in outbox.outbox] == [["pflicht@example.org"]]
    assert Notification.objects.get(user=person).delivery == Delivery.IMMEDIATE


def test_a_person_named_twice_gets_one_notification():
    person = UserFactory(email="doppelt@example.org")
    mail.send(question_mail(person, "doppelt@example.org"))
    assert Notification.objects.filter(user=person).count() == 1


def test_keeping_costs_a_constant_number_of_queries(django_assert_max_num_queries):
    people = [UserFactory(email=f"p{n}@example.org") for n in range(6)]
    # Keeping the copies costs three queries whatever the number of people;
    # each e-mail sent adds its at-most-once record in core.mail (savepoint,
    # insert, release, update inside the test's transaction).
    with django_assert_max_num_queries(3 + 4 * len(people)):
        mail.send(question_mail(*people, *(p.email for p in people[:3])))
    assert Notification.objects.count() == 6
