"""A value computed once and reused while the tables it was read from are
unchanged (see `tables`): the layout's footer links, an overview's figures.

    links = memo.get_or_compute(memo.key("footer"), compute_links)

A page's content below the layout (a template partial, its forms' CSRF
token put in per request) is kept with `content`.

A value computed while something was written is not kept (it would hide the
write's effect from the next reader). A reused value counts as read by any
page being recorded around it, so the page cache learns its tables too.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from ikone.core.pagecache import tables

T = TypeVar("T")
KEY_PREFIX = "ikone:memo:"
LOCK_PREFIX = "ikone:memo-lock:"
# Tables alone do not bound everything (a deploy with new code): a memo is
# computed anew at least this often.
SECONDS = 3600


# How long one request may hold the right to recompute an outdated value
# (`stale_while_revalidate`); if it dies, another takes over after this.
LOCK_SECONDS = 30


def key(prefix: str, *parts: object) -> str:
    """The key of a value made of `parts` as this request renders it: the
    active language and script prefix are part of every key, because what a
    memo keeps holds translated labels, localized numbers and addresses.
    `parts` are told apart by their `repr` (strings, numbers, tuples, frozen
    dataclasses of those), digested so that a long query string makes no
    long key."""
    text = repr((parts, get_language(), get_script_prefix()))
    return f"{prefix}:{hashlib.blake2b(text.encode(), digest_size=16).hexdigest()}"


def get_or_compute(
    key: str,
    compute: Callable[[], T],
    timeout: int = SECONDS,
    *,
    stale_while_revalidate: bool = False,
) -> T:
    """The value for `key`, computed anew when a table it was read from
    changed.

    With `stale_while_revalidate`, an outdated value is computed anew by one
    request at a time (a lock in the cache): the others get the previous value
    while that one computes, instead of all computing it at once. Only for
    output that may show the state before the latest write for as long as one
    computation takes (ADR 0006: the coordinators' overview); nothing
    around a reused outdated value is kept (no page, no outer memo)."""
    entry: tuple[dict[str, str], Any] | None = cache.get(KEY_PREFIX + key)
    if entry is not None:
        tokens, value = entry
        if tables.unchanged(tokens):
            tables.note_reused(tokens)
            return value  # type: ignore[no-any-return]
        if stale_while_revalidate and not cache.add(LOCK_PREFIX + key, 1, LOCK_SECONDS):
            tables.note_outdated()
            return value  # type: ignore[no-any-return]
    try:
        with tables.recording() as recorded:
            value = compute()
        if not recorded.wrote:
            cache.set(KEY_PREFIX + key, (recorded.tokens, value), timeout)
    finally:
        if stale_while_revalidate and entry is not None:
            cache.delete(LOCK_PREFIX + key)
    tables.note_reused(recorded.tokens)
    return value


def forget(key: str) -> None:
    """Compute the value anew on next use (not needed for correctness: for
    changes no table records, such as a new code version's output)."""
    cache.delete(KEY_PREFIX + key)


def html_with_csrf(
    request: HttpRequest, key: str, render: Callable[[str], str], timeout: int = SECONDS
) -> SafeString:
    """HTML with forms as a memo (`get_or_compute`), the CSRF token put in
    per request: `render(token)` makes the HTML with `token` wherever a form
    carries its token. The memo is made with a random stand-in and keeps the
    pieces around it, so no token is ever shared; the stand-in is drawn
    after the data was written, so no title or note can contain it."""
    return with_csrf(request, get_or_compute(key, lambda: csrf_pieces(render), timeout))


def content(
    request: HttpRequest,
    template: str,
    context: Callable[[str | None], Mapping[str, Any]],
    prefix: str,
    parts: tuple[object, ...] | None,
    *,
    part: str | None = "content",
    timeout: int = SECONDS,
) -> SafeString:
    """The `part` partial of `template` (django-template-partials; None:
    the whole template) rendered for `request` from `context(token)`: the
    part of a page below its layout.

    With `parts` it is a memo (`html_with_csrf`) keyed by `key(prefix,
    *parts)`: the parts must name everything about the request and the
    viewer that changes the output (required, so that no caller shares one
    memo among everyone by forgetting them; `()` when nothing does) (the tables read, the language and the
    script prefix invalidate or key it on their own). `context` is called
    only when the memo is computed, with the stand-in `token` for forms
    built in Python (also put in as `csrf_token` for the template's
    forms), so a reused memo costs neither its queries nor its forms. With
    `parts` None (a refused form shown as typed, a conflict) it is
    rendered anew for this request alone: `context(None)`, the request's
    own token."""
    name = template if part is None else f"{template}#{part}"
    if parts is None:
        return render_to_string(name, context(None), request)
    return html_with_csrf(
        request,
        key(prefix, *parts),
        lambda token: render_to_string(name, {**context(token), "csrf_token": token}, request),
        timeout,
    )


def csrf_pieces(render: Callable[[str], str]) -> tuple[str, ...]:
    """`render(token)` made with a random stand-in for the CSRF token and
    split where it stands: what a memo keeps of HTML with forms when it
    keeps more than the HTML (`html_with_csrf` for the rest)."""
    stand_in = f"csrf{secrets.token_hex(16)}"
    return tuple(render(stand_in).split(stand_in))


def with_csrf(request: HttpRequest, pieces: tuple[str, ...]) -> SafeString:
    """The HTML of `csrf_pieces` with this request's CSRF token."""
    if len(pieces) == 1:
        return mark_safe(pieces[0])  # noqa: S308 - HTML rendered by `render`
    return mark_safe(get_token(request).join(pieces))  # noqa: S308 - HTML rendered by `render`
