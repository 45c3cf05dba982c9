"""Small helpers shared by the accounts views."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse

from ikone.accounts.models import Organization, User
from ikone.core.exceptions import DomainError


def report_domain_error(request: HttpRequest, error: DomainError) -> None:
    """Show a refused action's German message on the next page."""
    messages.error(request, error.message)


def municipality_url(ags: str) -> str | None:
    """The municipality directory's page for an AGS, while that page exists."""
    try:
        return reverse("municipalities:detail", args=[ags])
    except NoReverseMatch:
        return None


def current_user(request: HttpRequest) -> User:
    """The signed-in person (for views behind login_required)."""
    return cast(User, request.user)


def members_page(organization: Organization) -> HttpResponse:
    """Back to the organisation's people page."""
    return redirect("organizations:members", slug=organization.slug)
