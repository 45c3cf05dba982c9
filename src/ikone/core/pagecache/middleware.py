"""Whole anonymous pages from the shared cache (docs/adr/0006-page-cache.md).

Served from the cache: GET requests without a session or messages cookie
and without credentials, keyed by host, scheme, path with query, language,
Accept and the htmx headers. Stored: 200 answers of such requests whose
rendering read only tables (see `tables`) and left nothing personal behind:
no CSRF token used (a form), no CSP nonce, no cookie set, nothing written,
nothing put into the session, no `Cache-Control: private/no-store/no-cache`
of the view (`never_cache`), no Vary on anything outside the key.

Views that answer every person alike (the public JSON API: a class or
function with `page_cache_for_everyone = True`) are served and stored for
signed-in requests too, as JSON only: the browsable API's HTML names the
person and carries a form.

An entry is valid while every table it was read from is unchanged, and at
most until the next full minute: time is the one input no table records
(an event starts, a deadline passes), and deadlines are minute-exact.
Every cacheable answer carries an ETag; a matching If-None-Match gets 304.
`X-Page-Cache` says hit or miss (the benchmark reads it).
"""

from __future__ import annotations

import functools
import hashlib
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import Resolver404, URLResolver, get_resolver, get_urlconf
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
JSON = "application/json"


def enabled() -> bool:
    return bool(getattr(settings, "PAGE_CACHE_ENABLED", True))


def servable(request: HttpRequest) -> bool:
    """Whether the request is anonymous enough to get a shared page."""
    if not _shareable_request(request):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def servable_to_everyone(request: HttpRequest) -> bool:
    """Whether a request that is not `servable` (a signed-in person's)
    asks a view that answers everyone alike."""
    return (
        _shareable_request(request)
        and "messages" not in request.COOKIES
        and same_for_everyone(request.path_info)
    )


def _shareable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or not enabled():
        return False
    if "Authorization" in request.headers:
        return False  # API clients with a token: their own throttling and logs
    return not request.path.startswith(EXCLUDED_PREFIXES)


def same_for_everyone(path: str) -> bool:
    """Whether the view of `path` declares that its answer does not depend on
    who asks (`page_cache_for_everyone`, on a function or a view class).
    Asked for every signed-in GET before the view runs; resolving a path
    costs up to a third of a millisecond (Wagtail's catch-all last), so the
    answer is remembered per URL configuration, path and language."""
    return _declared(get_resolver(get_urlconf()), path, get_language() or "")


@functools.lru_cache(maxsize=4096)
def _declared(resolver: URLResolver, path: str, language: str) -> bool:
    try:
        view = resolver.resolve(path).func
    except Resolver404:
        return False
    return answers_everyone_alike(view)


def answers_everyone_alike(view: Callable[..., Any]) -> bool:
    """Whether a view function (or its class: Django's `view_class`, DRF's
    `cls`) declares `page_cache_for_everyone`."""
    owner = getattr(view, "cls", None) or getattr(view, "view_class", None)
    return bool(
        getattr(view, "page_cache_for_everyone", False)
        or getattr(owner, "page_cache_for_everyone", False)
    )


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


def _personal(request: HttpRequest, response: HttpResponseBase, *, for_everyone: bool) -> bool:
    """Whether the answer carries anything for this visitor only. A view
    that answers everyone alike may have read a signed-in person's session
    and account (to authenticate), as long as its answer is JSON."""
    control = response.get("Cache-Control", "").lower()
    session = getattr(request, "session", None)
    if for_everyone:
        signed_in = not _is_json(response.get("Content-Type", ""))
    else:
        signed_in = (session is not None and not session.is_empty()) or (
            hasattr(request, "user") and request.user.is_authenticated
        )
    return bool(
        request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or getattr(request, "_csp_nonce", None)
        or response.cookies
        or any(word in control for word in PERSONAL_CONTROL)
        or (session is not None and session.modified)
        or signed_in
    )


def _is_json(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() == JSON


def _entry_is_json(entry: dict[str, Any]) -> bool:
    return any(
        name.lower() == "content-type" and _is_json(value) for name, value in entry["headers"]
    )


def _keyed_vary(response: HttpResponseBase) -> bool:
    varies = {part.strip().lower() for part in response.get("Vary", "").split(",")}
    return varies - {""} <= KEYED_VARY


def storable(
    request: HttpRequest, response: HttpResponseBase, recorded: Any, *, for_everyone: bool = False
) -> bool:
    return (
        request.method == "GET"
        and response.status_code == 200
        and not recorded.wrote
        and _keyed_vary(response)
        and not _personal(request, response, for_everyone=for_everyone)
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
        for_everyone = False
        if not servable(request):
            if not servable_to_everyone(request):
                return self.get_response(request)
            for_everyone = True
        key = page_key(request)
        entry = cache.get(key)
        if (
            entry is not None
            and (not for_everyone or _entry_is_json(entry))
            and tables.unchanged(entry["tokens"])
        ):
            return self._from_entry(request, entry)
        with tables.recording() as recorded:
            response = self.get_response(request)
        if not isinstance(response, HttpResponse) or not storable(
            request, response, recorded, for_everyone=for_everyone
        ):
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
