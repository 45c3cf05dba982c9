"""Whole anonymous pages from the shared cache (docs/adr/0006-page-cache.md).

Served from the cache: GET requests without a session or messages cookie
and without credentials, keyed by host, scheme, path with query, language,
Accept and the htmx headers. Stored: 200 answers of such requests whose
rendering read only tables (see `tables`) and left nothing personal behind:
no CSRF token used (a form), no CSP nonce, no cookie set, nothing written,
nothing put into the session, no `Cache-Control: private/no-store/no-cache`
of the view (`never_cache`), no Vary on anything outside the key.

An entry is valid while every table it was read from is unchanged, and at
most until the next full minute: time is the one input no table records
(an event starts, a deadline passes), and deadlines are minute-exact.
Every cacheable answer carries an ETag; a matching If-None-Match gets 304.
`X-Page-Cache` says hit or miss (the benchmark reads it).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import get_language

from ikone.core.pagecache import tables

KEY_PREFIX = "ikone:page:"
STATE_HEADER = "X-Page-Cache"
CACHE_CONTROL = "no-cache"  # browsers may keep it, but ask (ETag) before reuse
KEYED_VARY = frozenset({"cookie", "accept-language", "accept", "accept-encoding", "hx-request"})
NOT_STORED_HEADERS = frozenset({"set-cookie", "x-request-id", STATE_HEADER.lower()})
PERSONAL_CONTROL = ("private", "no-store", "no-cache", "max-age=0")
EXCLUDED_PREFIXES = ("/cms/", "/admin/", "/en/cms/", "/en/admin/", "/metrics", "/i18n/")


def enabled() -> bool:
    return bool(getattr(settings, "PAGE_CACHE_ENABLED", True))


def servable(request: HttpRequest) -> bool:
    """Whether the request is anonymous enough to get a shared page."""
    if request.method not in ("GET", "HEAD") or not enabled():
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "Authorization" in request.headers:
        return False
    return not request.path.startswith(EXCLUDED_PREFIXES)


def page_key(request: HttpRequest) -> str:
    htmx = sorted(
        (name.lower(), value)
        for name, value in request.headers.items()
        if name.lower().startswith("hx-")
    )
    parts = (
        request.scheme or "",
        request.get_host(),
        request.get_full_path(),
        get_language() or "",
        request.headers.get("Accept", ""),
        repr(htmx),
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return KEY_PREFIX + digest


def _personal(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether the answer carries anything for this visitor only."""
    control = response.get("Cache-Control", "").lower()
    session = getattr(request, "session", None)
    return bool(
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or getattr(request, "_csp_nonce", None)
        or response.cookies
        or any(word in control for word in PERSONAL_CONTROL)
        or (session is not None and (session.modified or not session.is_empty()))
        or (hasattr(request, "user") and request.user.is_authenticated)
    )


def _keyed_vary(response: HttpResponseBase) -> bool:
    varies = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    return varies - {""} <= KEYED_VARY


def storable(request: HttpRequest, response: HttpResponseBase, recorded: Any) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not recorded.wrote
        and _keyed_vary(response)
        and not _personal(request, response)
    )


def seconds_to_next_minute() -> int:
    return max(1, 60 - int(time.time()) % 60)


def _mark(response: HttpResponseBase, etag: str, state: str) -> None:
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ["Cookie"])
    response[STATE_HEADER] = state


class PageCacheMiddleware:
    """After LocaleMiddleware (the language is known), before everything
    that reads the session, the user or the CSRF token."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not servable(request):
            return self.get_response(request)
        key = page_key(request)
        entry = cache.get(key)
        if entry is not None and tables.unchanged(entry["tokens"]):
            return self._from_entry(request, entry)
        with tables.recording() as recorded:
            response = self.get_response(request)
        if not isinstance(response, HttpResponse) or not storable(request, response, recorded):
            return response
        etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        _mark(response, etag, "miss")
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in NOT_STORED_HEADERS
        ]
        entry = {
            "tokens": recorded.tokens,
            "content": response.content,
            "headers": headers,
            "etag": etag,
        }
        cache.set(key, entry, seconds_to_next_minute())
        return get_conditional_response(request, etag=etag, response=response) or response

    @staticmethod
    def _from_entry(request: HttpRequest, entry: dict[str, Any]) -> HttpResponseBase:
        response = HttpResponse(entry["content"])
        for name, value in entry["headers"]:
            response[name] = value
        response[STATE_HEADER] = "hit"
        return get_conditional_response(request, etag=entry["etag"], response=response) or response
