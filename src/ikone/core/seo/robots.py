"""/robots.txt: public pages are open to crawlers; the account area, the
admin interfaces, the API (except its documentation) and every page that
needs a login are not. With `ROBOTS_DISALLOW_ALL` (test and staging
installations) nothing may be crawled.

An app keeps its login-only pages out in `AppConfig.ready()`:

    robots.register_private("applications", "/bewerbungen/")
    robots.register_private("events.manage", "/veranstaltungen/verwaltung/",
                            "/veranstaltungen/*/verwaltung/")

Paths are the German ones (the public URL map in ARCHITECTURE.md is
stable); each is disallowed with and without the /en/ prefix. `*` matches
any characters, as the major crawlers read it (RFC 9309 leaves it to them).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

from ikone.core.registry import Registry


@dataclass(frozen=True)
class PrivatePaths:
    key: str
    paths: tuple[str, ...]


PRIVATE: Registry[PrivatePaths] = Registry(
    "Paths closed to crawlers (robots.txt)",
    key=lambda entry: entry.key,
    describe=lambda entry: f"{entry.key}: {' '.join(entry.paths)}",
)

# Core's own areas: accounts and the admin interfaces (Django's under both
# languages, Wagtail's too), the API except its documentation, the audit log.
ALWAYS_CLOSED = ("/konto/", "/cms/", "/admin/", "/netzwerk/")
API_CLOSED = "/api/"
API_OPEN = ("/api/v1/docs/", "/api/v1/schema/")


def register_private(key: str, *paths: str) -> PrivatePaths:
    for path in paths:
        if not path.startswith("/") or path.startswith("/en/"):
            raise ValueError(f"robots path must be German and absolute: {path!r}")
    return PRIVATE.register(PrivatePaths(key, paths))


def _prefixes() -> list[str]:
    """ "" for German, "/en" (etc.) for the other languages."""
    return [
        "" if code == settings.LANGUAGE_CODE else f"/{code}" for code, _name in settings.LANGUAGES
    ]


def closed_paths() -> list[str]:
    """Every disallowed path, in each language, without duplicates."""
    paths = [*ALWAYS_CLOSED, *(path for entry in PRIVATE for path in entry.paths)]
    found = [f"{prefix}{path}" for path in paths for prefix in _prefixes()]
    return list(dict.fromkeys(found))


def robots_txt(*, sitemap_url: str) -> str:
    if settings.ROBOTS_DISALLOW_ALL:
        # A test installation: nothing of it belongs in a search engine.
        return "User-agent: *\nDisallow: /\n"
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Allow: {path}" for path in API_OPEN]
    lines.append(f"Disallow: {API_CLOSED}")
    lines += [f"Disallow: {path}" for path in closed_paths()]
    lines += ["", f"Sitemap: {sitemap_url}"]
    return "\n".join(lines) + "\n"
