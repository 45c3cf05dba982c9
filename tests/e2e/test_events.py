"""Workshops in a real browser: the list and an event page (axe-clean),
registering with the confirmation e-mail, cancelling, and a person on the
waiting list moving up."""

from __future__ import annotations

import datetime

from django.core import mail
from django.utils import timezone

from ikone.events.models import EventFormat, Registration, RegistrationStatus
from tests.accounts.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.events.factories import (
    AgendaItemFactory,
    EventFactory,
    EventSeriesFactory,
    SpeakerFactory,
)


def _mails_to(address: str) -> list[mail.EmailMessage]:
    return [message for message in mail.outbox if address in message.to]


def _event():
    series = EventSeriesFactory(title="Workshopreihe Smart City Bewerbung", slug="workshopreihe")
    event = EventFactory(
        slug="antrag-schritt-fuer-schritt",
        title="Der Förderantrag Schritt für Schritt",
        capacity=1,
        series=series,
        format=EventFormat.HYBRID,
        place="Rathaus Astadt, Sitzungssaal",
    )
    speaker = SpeakerFactory(event=event, name="Dr. Beispiel", affiliation="Digitalagentur")
    AgendaItemFactory(event=event, title="Impuls: Was Gutachter lesen wollen").speakers.add(
        speaker
    )
    start = timezone.now() - datetime.timedelta(days=40)
    EventFactory(
        slug="vergangener-workshop",
        title="Vergangener Workshop",
        series=series,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    return event


def test_list_and_filters_are_accessible(visitor):
    _event()
    page = visitor.visit("/veranstaltungen/")
    assert page.get_by_role("link", name="Der Förderantrag Schritt für Schritt").is_visible()
    assert not page.get_by_text("Vergangener Workshop").is_visible()
    page.get_by_label("Zeitraum").select_option("vergangen")
    page.get_by_role("link", name="Vergangener Workshop").wait_for()
    visitor.check()
    visitor.visit("/veranstaltungen/?zeit=vergangen&reihe=workshopreihe")
    visitor.check_keyboard()


def test_register_receive_the_confirmation_cancel_and_move_up(new_visitor):
    event = _event()
    organization = OrganizationFactory(name="Stadt Astadt", slug="astadt")
    first = MembershipFactory(organization=organization, user__email="erste@astadt.example").user
    second = UserFactory(email="zweite@example.org", name="Zora Zweite")

    anna = new_visitor()
    anna.sign_in_as(first)
    page = anna.visit(f"/veranstaltungen/{event.slug}/")
    assert page.get_by_role("heading", name="Der Förderantrag Schritt für Schritt").is_visible()
    assert page.get_by_text("Dr. Beispiel").first.is_visible()
    assert not page.get_by_text("meet.example.org").is_visible()
    page.get_by_label("Barrierefreiheit / Unterstützungsbedarf").fill("Untertitel")
    anna.click_and_check(page.get_by_role("button", name="Jetzt anmelden"))
    assert page.get_by_text("Sie sind angemeldet (für Stadt Astadt).").is_visible()
    assert page.get_by_role("link", name="https://meet.example.org/workshop").is_visible()
    [confirmation] = _mails_to("erste@astadt.example")
    assert "Anmeldung bestätigt" in confirmation.subject
    assert confirmation.attachments[0][0] == "veranstaltung.ics"
    content = confirmation.attachments[0][1]
    assert "BEGIN:VEVENT" in (content.decode() if isinstance(content, bytes) else content)

    zora = new_visitor()
    zora.sign_in_as(second)
    page = zora.visit(f"/veranstaltungen/{event.slug}/")
    zora.click_and_check(page.get_by_role("button", name="Auf die Warteliste"))
    assert page.get_by_text("Sie stehen auf der Warteliste, auf Platz 1.").is_visible()
    assert "Warteliste" in _mails_to("zweite@example.org")[-1].subject

    page = anna.page
    anna.click_and_check(page.get_by_role("button", name="Anmeldung stornieren"))
    assert page.get_by_text("Ihre Anmeldung ist storniert.").is_visible()
    assert Registration.objects.get(person=first).status == RegistrationStatus.CANCELLED

    moved_up = _mails_to("zweite@example.org")[-1]
    assert "nachgerückt" in moved_up.subject
    page = zora.visit(f"/veranstaltungen/{event.slug}/")
    assert page.get_by_text("Sie sind angemeldet.").is_visible()
