"""The notification centre's pages: the list grouped by day, read and
unread, the header badge, the settings per kind."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ikone.notifications.models import Delivery, Notification, Preference
from tests.accounts.factories import UserFactory
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(client):
    user = UserFactory(email="zentrale@example.org")
    sign_in(client, user)
    return user


def note(user, subject, *, days_ago=0, read=False, url="/fragen/"):
    created = timezone.now() - dt.timedelta(days=days_ago)
    return Notification.objects.create(
        user=user,
        kind="qa.new_answer",
        subject=subject,
        body=f"Text zu {subject}",
        url=url,
        created_at=created,
        read_at=created if read else None,
    )


def test_the_list_shows_own_notifications_grouped_by_day(
    client, person, django_assert_max_num_queries
):
    for n in range(5):
        note(person, f"Heute {n}")
    note(person, "Gestern gelesen", days_ago=1, read=True)
    note(UserFactory(email="fremd@example.org"), "Fremde Nachricht")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("notifications:list"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Heute 4" in html and "Gestern gelesen" in html
    assert "Fremde Nachricht" not in html
    assert html.count('<h2 class="kern-heading-small"') == 2
    assert "5 ungelesene Benachrichtigungen" in html

    unread = client.get(reverse("notifications:list") + "?ungelesen=1").content.decode()
    assert "Gestern gelesen" not in unread and "Heute 0" in unread


def test_the_badge_counts_unread_and_is_empty_without(client, person):
    badge = reverse("notifications:badge")
    assert client.get(badge).content.decode().strip() == ""
    note(person, "Eins")
    note(person, "Zwei")
    note(person, "Alt", read=True)
    assert ">2<" in client.get(badge).content.decode()


def test_the_header_loads_the_badge_by_htmx_at_most_once_a_minute(client, person):
    html = client.get(reverse("notifications:list")).content.decode()
    assert f'hx-get="{reverse("notifications:badge")}"' in html
    assert 'hx-trigger="load, every 60s"' in html


def test_opening_marks_read_and_follows_the_link(client, person):
    notification = note(person, "Öffnen", url="/fragen/12/")
    response = client.post(
        reverse("notifications:mark_read", args=[notification.pk]), {"oeffnen": "1"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fragen/12/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_foreign_link_is_never_followed(client, person):
    notification = note(person, "Fremd", url="https://example.com/")
    response = client.post(
        reverse("notifications:mark_read", args=[notification.pk]), {"oeffnen": "1"}
    )
    assert response["Location"] == reverse("notifications:list")


def test_nobody_marks_another_persons_notification(client, person):
    foreign = note(UserFactory(email="andere@example.org"), "Fremd")
    response = client.post(reverse("notifications:mark_read", args=[foreign.pk]))
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.read_at is None


def test_mark_all_read(client, person):
    note(person, "Eins")
    note(person, "Zwei")
    client.post(reverse("notifications:mark_all_read"))
    assert not Notification.objects.filter(user=person, read_at__isnull=True).exists()


def test_settings_store_choices_and_keep_mandatory_kinds_immediate(client, person):
    url = reverse("notifications:settings")
    page = client.get(url).content.decode()
    assert "Neue Antwort auf eine Frage, der Sie folgen" in page
    assert "Pflichtnachricht" in page
    response = client.post(
        url,
        {
            "qa.new_answer": "digest",
            "events.feedback_request": "off",
            "accounts.join_request_decided": "off",  # mandatory: ignored
        },
    )
    assert response.status_code == 302
    stored = dict(Preference.objects.filter(user=person).values_list("kind", "delivery"))
    assert stored == {"qa.new_answer": Delivery.DIGEST, "events.feedback_request": Delivery.OFF}

    client.post(url, {"qa.new_answer": "immediate"})
    assert not Preference.objects.filter(user=person, kind="qa.new_answer").exists()


def test_an_unknown_choice_keeps_the_form_with_a_german_error(client, person):
    response = client.post(reverse("notifications:settings"), {"qa.new_answer": "stündlich"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte eine gültige Auswahl treffen" in html
    assert "kern-fieldset--error" in html
