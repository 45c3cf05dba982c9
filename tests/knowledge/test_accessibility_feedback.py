"""Reporting a barrier (issue 18, point 6; BITV 2.0 feedback channel): the
statement links the form, the form keeps input on German errors, the report
reaches the coordinators and the sender gets a confirmation, and the
enforcement body comes from the CMS settings."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.models import Site

from ikone.knowledge import feedback
from ikone.knowledge.accessibility import AccessibilityFeedback, AccessibilitySettings
from ikone.knowledge.models import FooterRole, StandardPage
from tests.core.helpers import make_user, sign_in

URL = "/barrierefreiheit/melden/"

pytestmark = pytest.mark.django_db

RECEIVED: list[int] = []


def record(feedback_id: int) -> None:
    """A receiver as another app (support) would register it."""
    RECEIVED.append(feedback_id)


@pytest.fixture
def coordinators(db):
    return [
        make_user("koordination@example.org", is_coordinator=True),
        make_user("zweite@example.org", is_coordinator=True),
    ]


@pytest.fixture
def enforcement(home):
    settings = AccessibilitySettings.for_site(Site.objects.get(is_default_site=True))
    settings.enforcement_body_name = "Schlichtungsstelle Barrierefreiheit"
    settings.enforcement_body_email = "schlichtung@example.org"
    settings.save()
    return settings


def test_the_statement_links_the_form_and_names_the_enforcement_body(client, home, enforcement):
    statement = StandardPage.objects.get(footer_role=FooterRole.ACCESSIBILITY)
    html = client.get(statement.url).content.decode()
    assert f'href="{URL}"' in html
    assert "Schlichtungsstelle Barrierefreiheit" in html
    assert "mailto:schlichtung@example.org" in html


def test_every_page_links_the_form_in_its_footer(client, home):
    assert f'href="{URL}">Barriere melden</a>' in client.get("/kommunen/").content.decode()
    english = client.get("/en/kommunen/").content.decode()
    assert 'href="/en/barrierefreiheit/melden/">Report a barrier</a>' in english


def test_the_page_address_is_filled_in(client, home):
    form = client.get(URL, HTTP_REFERER="http://testserver/veranstaltungen/?format=online")
    assert form.context["form"].initial["page_url"] == "/veranstaltungen/?format=online"
    form = client.get(URL + "?seite=/foerderaufrufe/")
    assert form.context["form"].initial["page_url"] == "/foerderaufrufe/"
    form = client.get(URL, HTTP_REFERER="https://evil.example/phish")
    assert form.context["form"].initial["page_url"] == ""


def test_german_errors_keep_the_input(client, home):
    response = client.post(URL, {"page_url": "/kommunen/", "description": "", "email": "kaputt"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bitte beschreiben Sie die Barriere." in html
    assert "Bitte geben Sie eine gültige E-Mail-Adresse an." in html
    assert 'value="/kommunen/"' in html
    assert 'value="kaputt"' in html
    assert not AccessibilityFeedback.objects.exists()


def test_a_report_reaches_the_coordinators_and_is_confirmed(
    client, home, coordinators, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            URL,
            {
                "page_url": "/veranstaltungen/",
                "description": "Der Kalender lässt sich nicht mit der Tastatur bedienen.",
                "name": "Alex Beispiel",
                "email": "alex@example.org",
            },
            follow=True,
        )
    assert "Ihre Meldung ist bei der Netzwerkkoordination eingegangen" in response.content.decode()
    report = AccessibilityFeedback.objects.get()
    assert report.page_url == "/veranstaltungen/"
    to_coordinators = [m for m in mail.outbox if m.to != ["alex@example.org"]]
    assert sorted(m.to[0] for m in to_coordinators) == [
        "koordination@example.org",
        "zweite@example.org",
    ]
    assert all(m.reply_to == ["alex@example.org"] for m in to_coordinators)
    assert "Tastatur" in to_coordinators[0].body
    assert "/veranstaltungen/" in to_coordinators[0].body
    (confirmation,) = [m for m in mail.outbox if m.to == ["alex@example.org"]]
    assert "eingegangen" in confirmation.subject


def test_without_an_address_there_is_no_confirmation(
    client, home, coordinators, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"page_url": "/", "description": "Kontrast zu schwach."})
    assert len(mail.outbox) == 2
    assert all(m.to[0].startswith(("koordination", "zweite")) for m in mail.outbox)


def test_a_signed_in_person_is_confirmed_at_their_address(
    client, home, coordinators, django_capture_on_commit_callbacks
):
    person = make_user("person@example.org")
    sign_in(client, person)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"page_url": "/", "description": "Kontrast zu schwach."})
    assert AccessibilityFeedback.objects.get().user == person
    assert any(m.to == ["person@example.org"] for m in mail.outbox)


def test_a_registered_receiver_takes_the_report_instead_of_the_mail(
    client, home, coordinators, monkeypatch, django_capture_on_commit_callbacks
):
    RECEIVED.clear()
    registry = feedback.RECEIVERS.subset([])
    registry.register(
        feedback.Receiver("tests", "tests.knowledge.test_accessibility_feedback.record")
    )
    monkeypatch.setattr(feedback, "RECEIVERS", registry)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"page_url": "/", "description": "Kontrast zu schwach."})
    assert [AccessibilityFeedback.objects.get().pk] == RECEIVED
    assert mail.outbox == []


def test_reports_are_rate_limited(client, home):
    for _ in range(5):
        client.post(URL, {"page_url": "/", "description": "Kontrast zu schwach."})
    response = client.post(URL, {"page_url": "/", "description": "Noch einmal."})
    assert response.status_code == 429
    assert AccessibilityFeedback.objects.count() == 5
