"""Files at fixed addresses that browsers, crawlers and security researchers
ask for: /favicon.ico, /apple-touch-icon.png, /manifest.webmanifest,
/robots.txt, /sitemap.xml and /.well-known/security.txt. None needs the
database except the sitemap."""

from __future__ import annotations

import json
from datetime import datetime

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from ikone.core import datetimes
from ikone.core.seo import robots, sitemaps

ICONS = "ikone/icons/"
DAY = 24 * 60 * 60


def _static_file(name: str, content_type: str) -> FileResponse:
    """A file of core's static folder at a root address (where browsers
    look for it without being told)."""
    found = finders.find(ICONS + name)
    if not found:
        raise Http404
    return FileResponse(open(found, "rb"), content_type=content_type)  # noqa: SIM115 (closed by the response)


@require_safe
@cache_control(public=True, max_age=7 * DAY)
def favicon(request: HttpRequest) -> FileResponse:
    return _static_file("favicon.ico", "image/x-icon")


@require_safe
@cache_control(public=True, max_age=7 * DAY)
def apple_touch_icon(request: HttpRequest) -> FileResponse:
    return _static_file("apple-touch-icon.png", "image/png")


@require_safe
@cache_control(public=True, max_age=DAY)
def manifest(request: HttpRequest) -> HttpResponse:
    """The web app manifest (W3C Web Application Manifest), in German: it
    names the installed app, which keeps the platform's language."""
    data = {
        "name": f"{settings.WAGTAIL_SITE_NAME} – {_('Interkommunales Netzwerk Digitale Stadt')}",
        "short_name": settings.WAGTAIL_SITE_NAME,
        "description": _(
            "Kommunen bereiten Smart-City-Bewerbungen gemeinsam vor: Förderaufrufe, "
            "Fragen und Antworten, Workshops und Lösungen."
        ),
        "lang": settings.LANGUAGE_CODE,
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#0b5cd5",
        "icons": [
            {"src": static(ICONS + "icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static(ICONS + "icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {
                "src": static(ICONS + "icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "any maskable",
            },
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/manifest+json; charset=utf-8",
    )


@require_safe
@cache_control(public=True, max_age=DAY)
def robots_txt(request: HttpRequest) -> HttpResponse:
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    return HttpResponse(
        robots.robots_txt(sitemap_url=sitemap_url), content_type="text/plain; charset=utf-8"
    )


@require_safe
@cache_control(public=True, max_age=60 * 60)
def sitemap_index(request: HttpRequest) -> HttpResponse:
    return sitemap_views.index(request, sitemaps.sitemaps(), sitemap_url_name="sitemap_section")


@require_safe
@cache_control(public=True, max_age=60 * 60)
def sitemap_section(request: HttpRequest, section: str) -> HttpResponse:
    return sitemap_views.sitemap(request, sitemaps.sitemaps(), section=section)


def security_txt_body(*, contacts: list[str], expires: datetime, canonical: str) -> str:
    """RFC 9116: Contact (one or more URIs) and Expires are required."""
    lines = [f"Contact: {contact}" for contact in contacts]
    lines.append(f"Expires: {datetimes.iso(expires)}")  # RFC 3339, Berlin offset
    lines.append("Preferred-Languages: de, en")
    lines.append(f"Canonical: {canonical}")
    if settings.SECURITY_TXT_POLICY:
        lines.append(f"Policy: {settings.SECURITY_TXT_POLICY}")
    return "\n".join(lines) + "\n"


@require_safe
@cache_control(public=True, max_age=DAY)
def security_txt(request: HttpRequest) -> HttpResponse:
    """404 until the operator set a contact and an expiry date: a
    security.txt without them would be invalid (docs/configuration.md)."""
    contacts = settings.SECURITY_TXT_CONTACT
    expires = settings.SECURITY_TXT_EXPIRES
    if not contacts or expires is None:
        raise Http404
    body = security_txt_body(
        contacts=contacts,
        expires=expires,
        canonical=request.build_absolute_uri(reverse("security_txt")),
    )
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
