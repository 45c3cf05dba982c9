"""Error pages (issue 18, point 4): 400, 403, 404, 429, 500 and 503 in German
and English, in the KERN layout with a search field and a way back; 500 and
503 without touching the database."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.seo.error_urls")]

HEADINGS = {
    400: ("Ungültige Anfrage", "Bad request"),
    403: ("Kein Zugriff", "Access denied"),
    404: ("Seite nicht gefunden", "Page not found"),
    429: ("Zu viele Anfragen", "Too many requests"),
    500: ("Ein Fehler ist aufgetreten", "An error occurred"),
    503: ("Vorübergehend nicht erreichbar", "Temporarily unavailable"),
}


def _get(status: int, language: str) -> tuple[int, str]:
    client = Client(raise_request_exception=False)
    prefix = "/en" if language == "en" else ""
    path = f"{prefix}/fehler/{status}/"
    if status == 429:
        client.get(path)  # uses the one request the limit allows
    response = client.get(path, HTTP_REFERER=f"http://testserver{prefix}/veranstaltungen/")
    return response.status_code, response.content.decode()


@pytest.mark.parametrize("status", sorted(HEADINGS))
@pytest.mark.parametrize("language", ["de", "en"])
def test_each_error_page_in_both_languages(status, language):
    code, html = _get(status, language)
    assert code == status
    german, english = HEADINGS[status]
    heading = german if language == "de" else english
    assert f'<html lang="{language}"' in html
    assert f'<h1 class="kern-heading-large">{heading}</h1>' in html
    assert f"<title>{heading} – IKONE</title>" in html
    assert 'class="kern-container ikone-main"' in html  # the KERN layout
    assert "kern.min.css" in html
    # A search field and the way back (the previous page, the start page).
    prefix = "/en" if language == "en" else ""
    assert f'action="{prefix}/suche/"' in html
    assert 'type="search"' in html
    assert f'href="http://testserver{prefix}/veranstaltungen/"' in html
    assert f'href="{prefix}/"' in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_way_back_never_leads_to_another_site():
    client = Client()
    response = client.get("/fehler/404/", HTTP_REFERER="https://evil.example/")
    assert "evil.example" not in response.content.decode()


@pytest.mark.parametrize("status", [500, 503])
def test_500_and_503_need_no_database(status, django_assert_num_queries):
    with django_assert_num_queries(0):
        code, html = _get(status, "de")
    assert code == status


def test_503_asks_to_come_back_later():
    response = Client(raise_request_exception=False).get("/fehler/503/")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
