"""English under /en/ for the accounts pages (German stays the default)."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _german_afterwards():
    """A request under /en/ leaves English active for code that runs after it."""
    with translation.override("de"):
        yield


def test_the_organisation_page_in_english(client, organization, contact_person):
    body = client.get(f"/en/organisationen/{organization.slug}/").content.decode()

    assert '<html lang="en"' in body
    assert "Members and non-members of the network receive the same support." in body
    assert "not a member" in body


def test_the_profile_in_english(client, staff_member):
    client.force_login(staff_member)

    body = client.get("/en/konto/profil/").content.decode()

    assert "My organisations" in body
    assert "Municipal staff member" in body
    assert "Download my data" in body


def test_allauth_pages_in_english(client):
    body = client.get("/en/konto/login/").content.decode()

    assert "Sign In" in body
