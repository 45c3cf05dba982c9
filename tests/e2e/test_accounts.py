"""People signing up, being invited, and a coordinator securing their
account and recording a network member, in a real browser."""

from __future__ import annotations

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail

from ikone.accounts.models import Membership, NetworkMembership, NetworkMembershipStatus, Role
from tests.accounts.factories import (
    PASSWORD,
    ContactMembershipFactory,
    CoordinatorFactory,
    NetworkFactory,
    OrganizationFactory,
)

from .browser import Visitor, outbox_link

NEW_PASSWORD = "Ganz-neues-Passwort-2026"


def _last_mail_to(address: str) -> mail.EmailMessage:
    messages = [message for message in mail.outbox if address in message.to]
    assert messages, f"No e-mail to {address}; outbox: {[m.to for m in mail.outbox]}"
    return messages[-1]


def _log_in(visitor: Visitor, email: str, password: str) -> None:
    page = visitor.visit("/konto/login/")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_label("Passwort", exact=True).fill(password)
    visitor.click_and_check(page.locator("main").get_by_role("button", name="Anmelden"))


def test_sign_up_confirm_the_address_and_log_in(visitor, site_pages):
    page = visitor.visit("/")
    visitor.click_and_check(page.get_by_role("link", name="Registrieren").first)
    visitor.check_keyboard()
    page.get_by_label("E-Mail-Adresse").fill("neu@musterstadt.example")
    page.get_by_label("Passwort", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Passwort (Wiederholung)").fill(NEW_PASSWORD)
    visitor.click_and_check(page.locator("main").get_by_role("button", name="Registrieren"))
    assert "/konto/confirm-email/" in visitor.path()

    link = outbox_link(_last_mail_to("neu@musterstadt.example").body, visitor.base_url)
    page = visitor.visit(link)
    visitor.click_and_check(page.locator("main").get_by_role("button", name="Bestätigen"))
    assert visitor.path() == "/konto/profil/"

    visitor.click_and_check(page.get_by_role("button", name="Abmelden"))
    if "/konto/logout/" in visitor.path():  # allauth asks before logging out on GET
        visitor.click_and_check(page.locator("main").get_by_role("button", name="Abmelden"))
    _log_in(visitor, "neu@musterstadt.example", NEW_PASSWORD)
    assert visitor.path() == "/konto/profil/"
    assert page.get_by_role("heading", name="Mein Konto").is_visible()


def test_contact_person_invites_a_colleague_who_accepts(new_visitor):
    organization = OrganizationFactory(name="Stadt Astadt", slug="astadt")
    contact = ContactMembershipFactory(
        organization=organization, user__email="ansprech@astadt.example"
    ).user

    inviter = new_visitor()
    inviter.sign_in_as(contact)
    page = inviter.visit("/organisationen/astadt/einladen/")
    page.get_by_label("E-Mail-Adresse").fill("kollegin@astadt.example")
    inviter.click_and_check(page.get_by_role("button", name="Einladung senden"))
    assert page.get_by_text(
        "Die Einladung an kollegin@astadt.example ist verschickt."
    ).is_visible()

    colleague = new_visitor()
    page = colleague.visit(outbox_link(_last_mail_to("kollegin@astadt.example").body, ""))
    assert page.get_by_role("heading", name="Einladung zu Stadt Astadt").is_visible()
    colleague.click_and_check(page.locator("main").get_by_role("link", name="Registrieren"))
    page.get_by_label("Passwort", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Passwort (Wiederholung)").fill(NEW_PASSWORD)
    colleague.click_and_check(page.locator("main").get_by_role("button", name="Registrieren"))
    if "/konto/einladung/" not in colleague.path():
        page = colleague.visit(outbox_link(_last_mail_to("kollegin@astadt.example").body, ""))
    colleague.click_and_check(page.get_by_role("button", name="Einladung annehmen"))
    assert colleague.path() == "/organisationen/astadt/"
    assert Membership.objects.filter(
        organization=organization, user__email="kollegin@astadt.example", role=Role.STAFF
    ).exists()


def _current_totp(secret: str) -> str:
    """The code of the current 30-second period. allauth accepts only that
    period's code (no tolerance): one made in its last seconds could expire
    before the browser sends the form, so then wait for the next period."""
    remaining = 30 - time.time() % 30
    if remaining < 5:
        time.sleep(remaining + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_coordinator_sets_up_totp_and_records_a_member(visitor):
    NetworkFactory(is_primary=True, slug="ikone-ds")
    organization = OrganizationFactory(name="Verbandsgemeinde Beispiel", slug="vg-beispiel")
    CoordinatorFactory(email="koordination@example.org")

    _log_in(visitor, "koordination@example.org", PASSWORD)
    page = visitor.page
    # The middleware sends coordinators without TOTP to its activation,
    # for which allauth asks for the password once more.
    assert visitor.path().startswith(
        "/konto/reauthenticate/?next=%2Fkonto%2F2fa%2Ftotp%2Factivate"
    )
    page.get_by_label("Passwort", exact=True).fill(PASSWORD)
    visitor.click_and_check(page.locator("main").get_by_role("button", name="Bestätigen"))
    assert visitor.path() == "/konto/2fa/totp/activate/"
    secret = page.locator("#authenticator_secret").input_value()
    assert len(secret) >= 16
    page.get_by_label("Authentifizierungscode").fill(_current_totp(secret))
    visitor.click_and_check(page.locator("main").get_by_role("button", name="Aktivieren"))
    assert visitor.path() != "/konto/2fa/totp/activate/", "the code was not accepted"

    page = visitor.visit("/organisationen/vg-beispiel/mitgliedschaft/")
    page.get_by_label("Status").select_option(NetworkMembershipStatus.MEMBER)
    page.get_by_label("Mitglied seit").fill("2021-03-01")
    visitor.click_and_check(page.get_by_role("button", name="Speichern"))
    assert page.get_by_text("Die Netzwerkmitgliedschaft wurde gespeichert.").is_visible()
    membership = NetworkMembership.objects.get(organization=organization)
    assert membership.status == NetworkMembershipStatus.MEMBER
    assert str(membership.member_since) == "2021-03-01"


def test_a_coordinator_gets_in_only_when_the_ansprechperson_approves(new_visitor):
    """Issue 11.1: the coordination cannot let itself in; it asks, and the
    organisation's Ansprechperson decides."""
    organization = OrganizationFactory(name="Stadt Astadt", slug="astadt")
    contact = ContactMembershipFactory(
        organization=organization, user__email="ansprech@astadt.example"
    ).user
    coordinator = CoordinatorFactory(email="koordination@example.org", name="Kai Koordination")

    coordination = new_visitor()
    coordination.sign_in_as(coordinator)
    page = coordination.visit("/organisationen/astadt/personen/")
    assert page.get_by_text("Neue Personen nehmen die Ansprechpersonen").is_visible()
    assert page.get_by_role("link", name="Kollegin oder Kollegen einladen").count() == 0
    page = coordination.visit("/organisationen/astadt/beitreten/")
    coordination.click_and_check(page.get_by_role("button", name="Anfrage senden"))
    page = coordination.visit("/organisationen/astadt/personen/")
    assert page.get_by_role("button", name="Annehmen").count() == 0
    assert not Membership.objects.filter(user=coordinator).exists()

    ansprechperson = new_visitor()
    ansprechperson.sign_in_as(contact)
    page = ansprechperson.visit("/organisationen/astadt/personen/")
    ansprechperson.click_and_check(page.get_by_role("button", name="Annehmen"))
    assert page.get_by_text("Kai Koordination gehört jetzt zu „Stadt Astadt“.").is_visible()
    assert Membership.objects.filter(user=coordinator, organization=organization).exists()
