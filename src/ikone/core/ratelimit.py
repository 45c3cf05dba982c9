"""Rate limits for public forms, kept in Django's cache (local memory by
default, Redis when REDIS_URL is set, so several app servers share them).

allauth limits login, sign-up and password reset itself (ACCOUNT_RATE_LIMITS);
every other form that anyone may submit uses this module::

    @ratelimit(scope="support.contact", rate="5/10m,20/d")
    def contact(request): ...

    @method_decorator(ratelimit(scope="qa.question", rate="10/h", key="user"), name="post")
    class QuestionCreateView(...): ...

    @ratelimit(scope="core.search", rate="60/m", key="user_or_ip", methods=ANY_METHOD)
    def search_view(request): ...

A request over the limit gets status 429 with the German page `429.html`
and a Retry-After header; the view is not called.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import wraps
from typing import Literal, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render

from ikone.core.clientip import client_ip as read_client_ip

KeyKind = Literal["ip", "user", "user_or_ip"]
ViewT = TypeVar("ViewT", bound=Callable[..., HttpResponseBase])

# `ratelimit(methods=ANY_METHOD)`: every request counts, whatever its method.
ANY_METHOD = None

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE_RE = re.compile(r"^\s*(?P<amount>\d+)\s*/\s*(?P<count>\d*)\s*(?P<unit>[smhd])\s*$")


@dataclass(frozen=True)
class Rate:
    """At most `amount` requests per `period` seconds."""

    amount: int
    period: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """'5/m' -> 5 per minute, '20/10m' -> 20 per ten minutes, '100/d' -> per day."""
        match = _RATE_RE.match(text)
        if match is None:
            raise ValueError(f"Invalid rate {text!r}; expected e.g. '5/m', '20/10m', '100/d'")
        count = int(match["count"] or 1)
        return cls(amount=int(match["amount"]), period=count * _UNITS[match["unit"]])


def parse_rates(text: str) -> tuple[Rate, ...]:
    """'5/10m,20/d' -> both rates; every one of them must hold."""
    rates = tuple(Rate.parse(part) for part in text.split(",") if part.strip())
    if not rates:
        raise ValueError("At least one rate is needed")
    return rates


def client_ip(request: HttpRequest) -> str:
    """The client's address as everything in IKONE reads it (behind the
    configured number of trusted proxies, `core.clientip`)."""
    return read_client_ip(request) or "unknown"


def request_key(request: HttpRequest, kind: KeyKind) -> str:
    """Who is counted: the IP address, the signed-in person, or the person
    and else the address."""
    user = getattr(request, "user", None)
    if kind in ("user", "user_or_ip") and user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_ip(request)}"


def _cache_key(scope: str, who: str, rate: Rate, window: int) -> str:
    digest = hashlib.sha256(who.encode()).hexdigest()[:32]
    return f"ikone:rl:{scope}:{rate.amount}/{rate.period}:{digest}:{window}"


def consume(request: HttpRequest, *, scope: str, rates: Iterable[Rate], key: KeyKind) -> int:
    """Count one request against every rate (fixed windows). Returns 0 when
    all rates still hold, otherwise the seconds until the fullest window ends."""
    who = request_key(request, key)
    now = time.time()
    retry_after = 0
    for rate in rates:
        window = int(now // rate.period)
        cache_key = _cache_key(scope, who, rate, window)
        cache.add(cache_key, 0, timeout=rate.period + 1)
        try:
            used = cache.incr(cache_key)
        except ValueError:  # expired between add() and incr()
            cache.set(cache_key, 1, timeout=rate.period + 1)
            used = 1
        if used > rate.amount:
            ends_in = math.ceil((window + 1) * rate.period - now)
            retry_after = max(retry_after, ends_in, 1)
    return retry_after


def too_many_requests(request: HttpRequest, retry_after: int = 60) -> HttpResponse:
    """The 429 page in the visitor's language."""
    from ikone.core.views import back_url

    response = render(request, "429.html", {"back_url": back_url(request)}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def ratelimit(
    *,
    scope: str,
    rate: str,
    key: KeyKind = "ip",
    methods: Iterable[str] | None = ("POST",),
) -> Callable[[ViewT], ViewT]:
    """Limit a view to `rate` (e.g. '5/10m,20/d') per `key` for the given
    HTTP methods; `scope` names the limit (`<app>.<form>`) so that views
    sharing a scope share a budget. Forms count their submissions (POST);
    expensive reads (search, suggestions, exports, feeds) pass
    `methods=ANY_METHOD` so that no method goes around the limit."""
    rates = parse_rates(rate)
    limited_methods = None if methods is None else frozenset(m.upper() for m in methods)

    def decorator(view: ViewT) -> ViewT:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
            limited = limited_methods is None or request.method in limited_methods
            if limited and settings.RATELIMIT_ENABLED:
                retry_after = consume(request, scope=scope, rates=rates, key=key)
                if retry_after:
                    return too_many_requests(request, retry_after)
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator
