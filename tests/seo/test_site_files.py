"""Icons, web app manifest, robots.txt and security.txt (issue 18, points 1,
2 and 7): served by the platform at the addresses browsers and crawlers ask."""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import resolve
from django.utils import translation

from ikone.core.seo import robots

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "content_type", "magic"),
    [
        ("/favicon.ico", "image/x-icon", b"\x00\x00\x01\x00"),
        ("/apple-touch-icon.png", "image/png", b"\x89PNG"),
        ("/static/ikone/icons/icon.svg", "image/svg+xml", b"<svg"),
        ("/static/ikone/icons/icon-192.png", "image/png", b"\x89PNG"),
        ("/static/ikone/icons/icon-512.png", "image/png", b"\x89PNG"),
        ("/static/ikone/icons/share.png", "image/png", b"\x89PNG"),
    ],
)
def test_icons_are_served(client, path, content_type, magic):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert b"".join(response.streaming_content).startswith(magic)


def test_the_manifest_names_the_platform_and_its_icons(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = response.json()
    assert manifest["short_name"] == "IKONE"
    assert manifest["lang"] == "de"
    assert manifest["start_url"] == "/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512", "any"} <= sizes
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_every_page_links_icons_and_manifest(client):
    html = client.get("/kommunen/").content.decode()
    assert '<link rel="icon" href="/favicon.ico" sizes="48x48">' in html
    assert 'href="/static/ikone/icons/icon.svg" type="image/svg+xml"' in html
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in html
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html


def _robots(client: Client) -> list[str]:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    return response.content.decode().splitlines()


def test_robots_allows_public_pages_and_closes_private_areas(client):
    lines = _robots(client)
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    for closed in ["/konto/", "/en/konto/", "/cms/", "/admin/", "/en/admin/", "/api/"]:
        assert f"Disallow: {closed}" in lines
    assert "Allow: /api/v1/docs/" in lines
    # Pages behind a login, registered by the apps.
    for closed in [
        "/bewerbungen/",
        "/en/bewerbungen/",
        "/fragen/neu/",
        "/veranstaltungen/*/verwaltung/",
    ]:
        assert f"Disallow: {closed}" in lines
    for public in ["/foerderaufrufe/", "/veranstaltungen/", "/fragen/", "/kommunen/"]:
        assert f"Disallow: {public}" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_a_test_installation_disallows_everything(client, settings):
    settings.ROBOTS_DISALLOW_ALL = True
    assert _robots(client) == ["User-agent: *", "Disallow: /"]
    html = client.get("/kommunen/").content.decode()
    assert '<meta name="robots" content="noindex">' in html


def _sample(path: str) -> str:
    return path.replace("*", "1")


@pytest.mark.parametrize("path", robots.closed_paths(), ids=lambda path: path)
def test_every_closed_path_is_a_page_that_needs_a_login(client, path):
    """A closed path that anonymous visitors could read would hide a public
    page from search engines; one that matches nothing is a typo."""
    sample = _sample(path)
    with translation.override("en" if path.startswith("/en/") else "de"):
        resolve(sample)  # raises Resolver404 for a path that matches nothing
    response = client.get(sample)
    assert response.status_code in {302, 403, 404, 405}, (path, response.status_code)
    if response.status_code == 302:
        assert re.search(r"/(konto|cms|admin)/", response["Location"]), response["Location"]


def test_register_private_wants_german_absolute_paths():
    with pytest.raises(ValueError):
        robots.register_private("x", "bewerbungen/")
    with pytest.raises(ValueError):
        robots.register_private("x", "/en/bewerbungen/")


def test_security_txt_needs_contact_and_expiry(client, settings):
    settings.SECURITY_TXT_CONTACT = []
    settings.SECURITY_TXT_EXPIRES = None
    assert client.get("/.well-known/security.txt").status_code == 404


def test_security_txt_follows_rfc_9116(client, settings):
    settings.SECURITY_TXT_CONTACT = ["mailto:security@example.org", "https://example.org/melden"]
    settings.SECURITY_TXT_EXPIRES = datetime.datetime(
        2027, 6, 30, tzinfo=ZoneInfo("Europe/Berlin")
    )
    settings.SECURITY_TXT_POLICY = "https://example.org/disclosure"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:2] == [
        "Contact: mailto:security@example.org",
        "Contact: https://example.org/melden",
    ]
    assert "Expires: 2027-06-30T00:00:00+02:00" in lines
    assert "Canonical: http://testserver/.well-known/security.txt" in lines
    assert "Policy: https://example.org/disclosure" in lines
    assert "Preferred-Languages: de, en" in lines
    assert all(re.fullmatch(r"[A-Z][A-Za-z-]+: \S.*", line) for line in lines)


def test_security_txt_expiry_is_read_from_the_environment(monkeypatch):
    from ikone.core.config import env_datetime

    monkeypatch.setenv("SECURITY_TXT_EXPIRES", "2027-06-30")
    assert env_datetime("SECURITY_TXT_EXPIRES") == datetime.datetime(
        2027, 6, 30, tzinfo=ZoneInfo("Europe/Berlin")
    )
    monkeypatch.setenv("SECURITY_TXT_EXPIRES", "bald")
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        env_datetime("SECURITY_TXT_EXPIRES")
