"""Demo accounts: idempotent, honest about network membership, documented."""

import io
from pathlib import Path
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management import call_command

from ikone.accounts import demo
from ikone.accounts.models import (
    DatePrecision,
    Membership,
    Network,
    NetworkMembership,
    NetworkMembershipStatus,
    Organization,
    Role,
    User,
)
from ikone.municipalities.models import Level
from tests.accounts.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs" / "accounts.md"
NOW = 1_790_000_000


@pytest.fixture
def municipalities():
    """The directory units the demo organisations belong to (not the full import)."""
    for organization in demo.demo_organizations():
        level = {5: Level.DISTRICT, 9: Level.ASSOCIATION}.get(
            len(organization.ags), Level.MUNICIPALITY
        )
        MunicipalityFactory(ags=organization.ags, name=organization.name, level=level)


def _counts() -> tuple[int, ...]:
    return (
        User.objects.count(),
        Organization.objects.count(),
        Membership.objects.count(),
        NetworkMembership.objects.count(),
        Network.objects.count(),
        EmailAddress.objects.count(),
        Authenticator.objects.count(),
    )


def test_seeding_twice_changes_nothing(municipalities):
    demo.seed_demo_accounts()
    first = _counts()

    demo.seed_demo_accounts()

    assert _counts() == first
    assert first[:2] == (4 + 12, 16)  # staff roles + two people for each of six organisations


def test_the_network_and_the_main_organisations(municipalities):
    demo.seed_demo_accounts()

    network = Network.objects.get(is_primary=True)
    assert network.slug == "ikone-ds"
    assert network.short_name == "IKONE DS"
    assert network.name == "IKONE DS – Interkommunales Netzwerk Digitale Stadt"
    assert "April 2019" in network.description
    kaiserslautern = Organization.objects.get(municipality__ags="07312000")
    assert kaiserslautern.slug == "kaiserslautern"
    contact = Membership.objects.get(organization=kaiserslautern, role=Role.CONTACT).user
    assert contact.email == "ansprechperson.kaiserslautern@ikone.example"
    assert contact.check_password(demo.DEMO_PASSWORD)
    assert EmailAddress.objects.get(user=contact).verified
    for key in ("mainz", "bitburg-pruem", "mayen-koblenz", "kusel", "linz"):
        assert User.objects.filter(email=f"mitarbeit.{key}@ikone.example").exists()


def test_membership_dates_are_only_as_precise_as_the_sources(municipalities):
    demo.seed_demo_accounts()

    founding = NetworkMembership.objects.get(organization__slug="speyer")
    assert founding.status == NetworkMembershipStatus.MEMBER
    assert founding.member_since_precision == DatePrecision.YEAR
    assert founding.member_since_label == "2019"
    trier = NetworkMembership.objects.get(organization__slug="trier")
    assert trier.member_since is None
    assert NetworkMembership.objects.get(organization__slug="kusel").status == "applied"
    assert not NetworkMembership.objects.filter(organization__slug__in=["mainz", "linz"]).exists()


def test_staff_roles_and_their_second_factor(municipalities):
    demo.seed_demo_accounts()

    coordinator = User.objects.get(email="koordination@ikone.example")
    assert coordinator.is_coordinator and coordinator.is_staff
    assert coordinator.has_perm("wagtailadmin.access_admin")
    admin = User.objects.get(email="admin@ikone.example")
    assert admin.is_superuser
    mentors = User.objects.filter(is_mentor=True).values_list("email", flat=True)
    assert set(mentors) == {"mentorin@ikone.example", "mentor@ikone.example"}
    for user in (coordinator, admin):
        totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).wrap()
        code = format_hotp_value(hotp_value(demo.DEMO_TOTP_SECRET, NOW // 30))
        with mock.patch("allauth.mfa.totp.internal.auth.time.time", return_value=NOW):
            assert totp.validate_code(code)


def test_the_demo_coordinator_signs_in_with_the_documented_secret(client, municipalities):
    demo.seed_demo_accounts()
    code = format_hotp_value(hotp_value(demo.DEMO_TOTP_SECRET, NOW // 30))

    with mock.patch("allauth.mfa.totp.internal.auth.time.time", return_value=NOW):
        client.post(
            "/konto/login/",
            {"login": "koordination@ikone.example", "password": demo.DEMO_PASSWORD},
        )
        client.post("/konto/2fa/authenticate/", {"code": code})

    assert client.get("/cms/").status_code == 200
    assert client.get("/organisationen/kaiserslautern/mitgliedschaft/").status_code == 200


def test_missing_municipalities_are_skipped_with_a_message():
    MunicipalityFactory(ags="07312000", name="Kaiserslautern")
    out = io.StringIO()

    demo.seed_demo_accounts(stdout=out)

    assert Organization.objects.count() == 1
    assert "„Landeshauptstadt Mainz“ übersprungen: Kommune 07315000 fehlt" in out.getvalue()
    assert User.objects.filter(email="koordination@ikone.example").exists()


def test_the_demo_code_command_prints_the_current_code():
    out = io.StringIO()

    with mock.patch("time.time", return_value=NOW):
        call_command("demo_totp_code", stdout=out)

    assert out.getvalue().strip() == format_hotp_value(
        hotp_value(demo.DEMO_TOTP_SECRET, NOW // 30)
    )


def test_the_docs_list_every_demo_login_and_the_secrets():
    text = DOCS.read_text(encoding="utf-8")

    for email, _what in demo.demo_logins():
        assert f"`{email}`" in text, email
    assert f"`{demo.DEMO_PASSWORD}`" in text
    assert f"`{demo.DEMO_TOTP_SECRET}`" in text
