"""The client's IP address, read the one way every part of IKONE uses
(rate limits, the audit log, allauth's login limits).

Behind reverse proxies the connection comes from the last proxy; each
proxy appends the address it saw to `X-Forwarded-For`. With
`TRUSTED_PROXY_COUNT = n` the n-th entry from the right is the address the
outermost trusted proxy saw, so the client's. Entries further left are
whatever the client sent and are never trusted. With 0 (the default, no
proxy) the header is ignored entirely. See
docs/adr/0005-client-ip-behind-proxies.md.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address, or None if none can be read."""
    remote = _valid(request.META.get("REMOTE_ADDR") or "")
    trusted = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if trusted <= 0 or not forwarded:
        return remote
    hops = [hop for hop in forwarded.split(",") if hop.strip()]
    if len(hops) < trusted:
        # Fewer entries than proxies: the request skipped a proxy; its
        # header cannot be trusted, the connection's address can.
        return remote
    return _valid(hops[-trusted]) or remote
