"""The access matrix: every accounts view × every role, allowed and refused.

Organisation A has the Ansprechperson `contact_a` and `staff_a`;
organisation B has `staff_b`. 302 for anonymous people means "sent to the
login"; 403 means the page exists but the role may not act; 404 means there
is nothing for this person (e.g. leaving an organisation they are not in).
"""

import pytest

from ikone.accounts.models import Membership
from tests.accounts.factories import InvitationFactory, JoinRequestFactory, UserFactory
from tests.accounts.fixtures import ROLES

pytestmark = pytest.mark.django_db

ANY_SIGNED_IN = {role: 200 for role in ROLES} | {"anonymous": 302}
MANAGERS = {
    "anonymous": 302,
    "staff_a": 403,
    "staff_b": 403,
    "contact_a": 200,
    "mentor": 403,
    "coordinator": 200,
    "admin": 200,
}
COORDINATION = MANAGERS | {"contact_a": 403}
NON_MEMBERS = {
    "anonymous": 302,
    "staff_a": 403,
    "staff_b": 200,
    "contact_a": 403,
    "mentor": 200,
    "coordinator": 200,
    "admin": 200,
}
OWN_MEMBERS = {
    "anonymous": 302,
    "staff_a": 200,
    "staff_b": 404,
    "contact_a": 200,
    "mentor": 404,
    "coordinator": 404,
    "admin": 404,
}
# POSTs answer with a redirect when they are allowed.
MANAGERS_POST = {role: 302 if status == 200 else status for role, status in MANAGERS.items()}
CONTACT_ONLY_POST = {role: 403 for role in ROLES} | {"anonymous": 302, "contact_a": 302}
CONTACT_ONLY = CONTACT_ONLY_POST | {"contact_a": 200}


def _staff_membership(organization) -> str:
    return str(Membership.objects.get(organization=organization, role="staff").pk)


def _invitation(organization) -> str:
    return str(InvitationFactory(organization=organization).pk)


def _join_request(organization) -> str:
    return str(JoinRequestFactory(organization=organization, user=UserFactory()).pk)


VIEWS = [
    ("GET", "/organisationen/", None, {role: 200 for role in ROLES}),
    ("GET", "/organisationen/{slug}/", None, {role: 200 for role in ROLES}),
    ("GET", "/organisationen/{slug}/bearbeiten/", None, MANAGERS),
    ("GET", "/organisationen/{slug}/personen/", None, MANAGERS),
    # Only the Ansprechperson lets people in while there is one (accounts.admission).
    ("GET", "/organisationen/{slug}/einladen/", None, CONTACT_ONLY),
    ("GET", "/organisationen/{slug}/personen/{pk}/entfernen/", _staff_membership, MANAGERS),
    ("GET", "/organisationen/{slug}/mitgliedschaft/", None, COORDINATION),
    ("GET", "/organisationen/{slug}/beitreten/", None, NON_MEMBERS),
    ("GET", "/organisationen/{slug}/austreten/", None, OWN_MEMBERS),
    ("GET", "/organisationen/neu/", None, ANY_SIGNED_IN),
    ("GET", "/konto/profil/", None, ANY_SIGNED_IN),
    ("GET", "/konto/export/", None, ANY_SIGNED_IN),
    ("GET", "/konto/loeschen/", None, ANY_SIGNED_IN),
    ("POST", "/organisationen/{slug}/personen/{pk}/rolle/", _staff_membership, MANAGERS_POST),
    (
        "POST",
        "/organisationen/{slug}/einladungen/{pk}/zurueckziehen/",
        _invitation,
        MANAGERS_POST,
    ),
    (
        "POST",
        "/organisationen/{slug}/anfragen/{pk}/entscheiden/",
        _join_request,
        CONTACT_ONLY_POST,
    ),
    ("POST", "/organisationen/{slug}/mitgliedschaft/beantragen/", None, CONTACT_ONLY_POST),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("method", "path", "make_pk", "expected"),
    VIEWS,
    ids=[f"{method} {path}" for method, path, _make, _expected in VIEWS],
)
def test_access(client_for, organization, primary_network, role, method, path, make_pk, expected):
    url = path.format(slug=organization.slug, pk=make_pk(organization) if make_pk else "")
    client = client_for(role)

    response = client.get(url) if method == "GET" else client.post(url)

    assert response.status_code == expected[role]
    if response.status_code == 302 and role == "anonymous":
        assert response["Location"].startswith("/konto/login/")


@pytest.mark.parametrize("role", ROLES)
def test_unknown_organisations_are_404_for_everyone(client_for, role):
    response = client_for(role).get("/organisationen/gibt-es-nicht/bearbeiten/")

    assert response.status_code == (302 if role == "anonymous" else 404)
