"""The sections of /sitemap.xml, contributed by the apps.

An app registers a section in `AppConfig.ready()`:

    sitemaps.register(sitemaps.Section("calls", "ikone.calls.sitemaps.CallSitemap"))

The class (a dotted path, imported when the sitemap is requested) is a
`django.contrib.sitemaps.Sitemap`, best a subclass of `BilingualSitemap`:
its `items()` return only what anonymous visitors may see, `location(item)`
is the path in the active language (`get_absolute_url()` by default), and
`lastmod(item)` the last change. Every item is listed in German and English
with `hreflang` alternates and an `x-default` (German).

/sitemap.xml is the index; each section is /sitemap-<key>.xml, split into
pages of 50,000 addresses as the protocol demands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.sitemaps import Sitemap
from django.utils.module_loading import import_string

from ikone.core.registry import Registry


@dataclass(frozen=True)
class Section:
    key: str
    sitemap: str  # dotted path of a Sitemap subclass


SECTIONS: Registry[Section] = Registry(
    "Sitemap sections",
    key=lambda section: section.key,
    describe=lambda section: f"{section.key}: {section.sitemap}",
)


def register(section: Section) -> Section:
    if not re.fullmatch(r"[a-z0-9-]+", section.key):
        # The key is part of the address /sitemap-<key>.xml.
        raise ValueError(f"sitemap section key must be a slug: {section.key!r}")
    return SECTIONS.register(section)


class BilingualSitemap(Sitemap):
    """Each item in every language of the platform, with alternates."""

    i18n = True
    alternates = True
    x_default = True  # German, the platform's LANGUAGE_CODE


def sitemaps() -> dict[str, type[Sitemap] | Sitemap]:
    """Every registered section, keyed for Django's sitemap views."""
    found: dict[str, type[Sitemap] | Sitemap] = {
        section.key: import_string(section.sitemap)() for section in SECTIONS
    }
    return found
