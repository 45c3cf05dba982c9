"""Two-factor authentication is mandatory for coordinators and operators."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from ikone.accounts import selectors
from ikone.accounts.models import User
from ikone.core.pagecache.middleware import answers_everyone_alike

# Views a person without a second factor still needs: setting it up
# (all of allauth.mfa, re-authentication before it), signing in and out,
# confirming an e-mail address, switching the language, the health check.
EXEMPT_URL_NAMES = frozenset(
    {
        "account_login",
        "account_logout",
        "account_reauthenticate",
        "account_email_verification_sent",
        "account_confirm_email",
        "healthz",
        "set_language",
        "javascript-catalog",
    }
)
EXEMPT_URL_NAME_PREFIXES = ("mfa_",)


class RequireStaffMfaMiddleware:
    """Coordinators and administrators (`user.requires_mfa`) without a TOTP
    authenticator are sent to the TOTP activation page, with a German
    message, from every view except EXEMPT_URL_NAMES — so they reach
    neither protected pages nor /cms/ or /admin/ before setting it up.
    Views that answer everyone alike (the public JSON API,
    `page_cache_for_everyone`) are exempt too: they show what a visitor
    sees, and the shared page cache serves them without asking who signed
    in, so the answer must not depend on it either.
    Static and media files never reach a view and are not affected."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated or not getattr(user, "requires_mfa", False):
            return None
        if _is_exempt(request):
            return None
        if selectors.user_has_totp(user=cast(User, user)):
            return None
        if getattr(request, "htmx", False) and _sent_from_an_exempt_page(request):
            # A fragment of the page on which the person is setting up the
            # second factor (the notification badge): redirecting it would
            # tear that page away mid-setup.
            return HttpResponse(status=204)
        messages.warning(
            request,
            _(
                "Als Netzwerkkoordination oder Administrator:in brauchen Sie eine "
                "Zwei-Faktor-Authentisierung. Bitte richten Sie jetzt eine "
                "Authenticator-App ein; danach geht es weiter."
            ),
        )
        target = reverse("mfa_activate_totp")
        if getattr(request, "htmx", False):
            return HttpResponse(status=204, headers={"HX-Redirect": target})
        return redirect(target)


def _is_exempt(request: HttpRequest) -> bool:
    if request.path_info.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return True
    match = request.resolver_match
    if match is not None and answers_everyone_alike(match.func):
        return True
    name = (match.url_name or "") if match is not None else ""
    return name in EXEMPT_URL_NAMES or name.startswith(EXEMPT_URL_NAME_PREFIXES)


def _sent_from_an_exempt_page(request: HttpRequest) -> bool:
    path = urlsplit(request.headers.get("HX-Current-URL", "")).path
    try:
        match = resolve(path)
    except Resolver404:
        return False
    name = match.url_name or ""
    return name in EXEMPT_URL_NAMES or name.startswith(EXEMPT_URL_NAME_PREFIXES)
