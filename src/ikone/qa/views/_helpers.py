"""Small helpers shared by the questions views."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from ikone.accounts.visibility import Viewer, viewer_of_request
from ikone.calls.models import Call, CallSection
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError


def viewer(request: HttpRequest) -> Viewer:
    """The request's Viewer, looked up once per request (shared with every
    other app that asks the visibility module during the request)."""
    return viewer_of_request(request)


def actor(request: HttpRequest) -> Actor:
    return Actor.from_request(request)


def report(request: HttpRequest, error: DomainError) -> None:
    messages.error(request, error.message)


def call_url(call: Call) -> str:
    """The call's page (`/foerderaufrufe/<slug>/`)."""
    try:
        return reverse("calls:detail", kwargs={"slug": call.slug})
    except NoReverseMatch:
        return f"/foerderaufrufe/{call.slug}/"


def faq_url(call: Call) -> str:
    """The call's FAQ page (`/foerderaufrufe/<slug>/faq/`)."""
    try:
        return reverse("calls:faq", kwargs={"slug": call.slug})
    except NoReverseMatch:
        return f"/foerderaufrufe/{call.slug}/faq/"


def section_url(call: Call, section: CallSection) -> str:
    """A cited section on the call page: `/foerderaufrufe/<slug>/#<anchor>`."""
    return f"{call_url(call)}#{section.anchor}"
