"""Django's and allauth's authentication backends, loading the signed-in
person with a prepared query.

Every request of a signed-in person loads their row (`get_user`); Django's
`ModelBackend.get_user` builds and compiles `User.objects.get(pk=…)` anew
each time, which costs more CPU than the query itself (issue 15). The
checks stay Django's: the row must exist and `user_can_authenticate`
(active) must admit it; the session hash is verified by
`django.contrib.auth.get_user` as before.
"""

from __future__ import annotations

from typing import Any

from allauth.account import auth_backends as allauth_backends
from django.contrib.auth import backends as django_backends

from ikone.accounts.models import User
from ikone.core.prepared import PreparedQuery

_USER_BY_PK = PreparedQuery(lambda pk: User._default_manager.filter(pk=pk), pk=int)


def _session_user(backend: django_backends.ModelBackend, user_id: Any) -> User | None:
    # The id comes from the session, as `User._meta.pk.to_python` made it.
    user = _USER_BY_PK.first(pk=user_id)
    if user is None or not backend.user_can_authenticate(user):
        return None
    return user


class ModelBackend(django_backends.ModelBackend):
    """Django's password login; `get_user` prepared."""

    def get_user(self, user_id: Any) -> User | None:  # type: ignore[override]
        return _session_user(self, user_id)


class AuthenticationBackend(allauth_backends.AuthenticationBackend):
    """allauth's e-mail login; `get_user` prepared."""

    def get_user(self, user_id: Any) -> User | None:  # type: ignore[override]
        return _session_user(self, user_id)
