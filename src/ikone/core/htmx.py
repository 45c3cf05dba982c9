"""Answers to htmx requests of list pages: the results part alone, or the
whole page for a first visit and a restored history entry."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString


def wants_fragment(request: HttpRequest) -> bool:
    """Whether htmx asks for the results part: not when it restores a
    history entry it has no copy of (then it needs the whole page)."""
    htmx = getattr(request, "htmx", None)
    return htmx is not None and bool(htmx) and not htmx.history_restore_request


def vary_on_htmx(response: HttpResponse) -> HttpResponse:
    """The same address answers a part or the page: caches must tell them apart."""
    patch_vary_headers(response, ["HX-Request"])
    return response


def part_or_page(
    request: HttpRequest, template: str, content: SafeString, *, fragment: bool
) -> HttpResponse:
    """`content` (a part rendered already, e.g. a memo) alone for htmx, or
    in `template`'s layout as `content_html`."""
    if fragment:
        return vary_on_htmx(HttpResponse(content))
    return vary_on_htmx(render(request, template, {"content_html": content}))
