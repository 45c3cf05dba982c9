"""The signed-in person is loaded from the session by IKONE's backends
(a prepared query): the right person, nobody for a deactivated account or
a changed password, with either backend that signs people in."""

import pytest
from django.contrib.auth import SESSION_KEY

from ikone.accounts.backends import AuthenticationBackend, ModelBackend
from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _profile_user(client):
    response = client.get("/konto/profil/")
    return response.status_code, response.wsgi_request.user


@pytest.mark.parametrize(
    "backend",
    ["ikone.accounts.backends.ModelBackend", "ikone.accounts.backends.AuthenticationBackend"],
)
def test_the_session_loads_its_own_person(client, backend):
    UserFactory()
    user = UserFactory()
    client.force_login(user, backend=backend)

    status, loaded = _profile_user(client)

    assert status == 200
    assert loaded.pk == user.pk
    assert loaded.email == user.email


def test_a_deactivated_person_is_signed_out(client):
    user = UserFactory()
    client.force_login(user)
    user.is_active = False
    user.save(update_fields=["is_active"])

    status, loaded = _profile_user(client)

    assert status == 302
    assert not loaded.is_authenticated


def test_a_changed_password_ends_other_sessions(client):
    user = UserFactory()
    client.force_login(user)
    user.set_password(PASSWORD + "-neu")
    user.save(update_fields=["password"])

    status, loaded = _profile_user(client)

    assert status == 302
    assert not loaded.is_authenticated


@pytest.mark.parametrize("backend_class", [ModelBackend, AuthenticationBackend])
def test_get_user_answers_like_djangos(backend_class):
    user = UserFactory()
    inactive = UserFactory(is_active=False)
    backend = backend_class()

    assert backend.get_user(user.pk) == user
    assert backend.get_user(str(user.pk)) == user
    assert backend.get_user(inactive.pk) is None
    assert backend.get_user(user.pk + inactive.pk + 1000) is None


def test_a_session_of_a_login_names_an_ikone_backend(client):
    user = UserFactory()
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(user.pk)
    assert client.session["_auth_user_backend"].startswith("ikone.accounts.backends.")
