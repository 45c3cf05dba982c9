"""allauth hooks: where people land after signing in."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.urls import reverse

INVITATION_SESSION_KEY = "accounts.invitation_token"


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Back to an invitation opened before signing in or up; else the profile.

        An explicit `next` parameter still wins (allauth checks it first)."""
        token = request.session.get(INVITATION_SESSION_KEY)
        if token:
            return reverse("accounts:invitation", kwargs={"token": token})
        return super().get_login_redirect_url(request)
