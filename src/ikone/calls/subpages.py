"""Pages below a call that apps above calls add, e.g. the questions app's
FAQ at /foerderaufrufe/<slug>/faq/ (URL name `calls:faq`). An app registers
its URL pattern in `AppConfig.ready()`; the calls URLconf appends them, so
calls names none of those apps (docs/adr/0004-app-layers.md)."""

from __future__ import annotations

from django.urls import URLPattern

from ikone.core.registry import Registry

SUBPAGES: Registry[URLPattern] = Registry(
    "Call subpages",
    key=lambda pattern: str(pattern.name),
    describe=lambda p: f"calls:{p.name}: {p.pattern} ({p.callback.__module__})",
)


def register(pattern: URLPattern) -> URLPattern:
    """Add `pattern` below /foerderaufrufe/; it takes the call's `slug`."""
    return SUBPAGES.register(pattern)


def patterns() -> list[URLPattern]:
    return list(SUBPAGES)
