"""The start page and the standard pages as visitors see them."""

import re

import pytest
from django.urls import NoReverseMatch, reverse

from ikone.knowledge import links
from ikone.knowledge.models import HomePage

PAGE_PATHS = [
    "/",
    "/ueber-das-netzwerk/",
    "/mitglied-werden/",
    "/impressum/",
    "/datenschutz/",
    "/barrierefreiheit/",
]


def _main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_renders_in_german(client, home, path):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "<h1" in _main(html)


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_renders_under_english_prefix_with_content_marked_german(client, home, path):
    response = client.get(f"/en{path}")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert 'lang="de"' in _main(html)


def test_pages_use_no_inline_styles_or_scripts(client, home):
    for path in PAGE_PATHS:
        html = client.get(path).content.decode()
        assert " style=" not in html, path
        assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None, path


def test_start_page_says_what_the_network_is_and_links_onwards(client, home):
    html = _main(client.get("/").content.decode())

    assert "April 2019" in html
    assert "Ministerium des Innern und für Sport" in html
    assert "Kaiserslautern" in html
    assert "KL.digital GmbH" in html
    assert "Mitglieder und Nichtmitglieder erhalten die gleiche Unterstützung" in html
    assert 'href="/ueber-das-netzwerk/"' in html
    assert 'href="/mitglied-werden/"' in html
    assert f'href="{reverse("account_signup")}"' in html


def _reverse_with_directory(monkeypatch, *, directory: bool) -> None:
    real_reverse = links.reverse

    def fake_reverse(url_name, *args, **kwargs):
        if url_name == "municipalities:list":
            if not directory:
                raise NoReverseMatch(url_name)
            return "/kommunen/"
        return real_reverse(url_name, *args, **kwargs)

    monkeypatch.setattr(links, "reverse", fake_reverse)


def test_start_page_links_the_municipality_directory(client, home, monkeypatch):
    _reverse_with_directory(monkeypatch, directory=True)

    html = _main(client.get("/").content.decode())

    assert html.count('href="/kommunen/"') == 2  # main action and card
    assert "Kommunen im Verzeichnis finden" in html


def test_start_page_leaves_out_the_directory_while_it_does_not_exist(client, home, monkeypatch):
    _reverse_with_directory(monkeypatch, directory=False)

    response = client.get("/")

    assert response.status_code == 200
    html = _main(response.content.decode())
    assert "/kommunen/" not in html
    assert ">Kommunenverzeichnis</a>" not in html
    assert "Über das Netzwerk" in html


def test_start_page_offers_the_account_instead_of_sign_up_when_signed_in(client, home):
    from tests.core.helpers import make_user

    client.force_login(make_user("person@example.org"))

    html = _main(client.get("/").content.decode())

    assert "Zu meinem Konto" in html
    assert "Kostenlos registrieren" not in html


@pytest.mark.parametrize("signed_in", [False, True])
def test_start_page_offers_the_contact_form_in_its_main_part(client, home, signed_in):
    """Not only the footer: a visible action in the start page's hero leads
    to /kontakt/, for visitors and signed-in people, in both languages."""
    if signed_in:
        from tests.core.helpers import make_user

        client.force_login(make_user("person@example.org"))
    contact = reverse("support:contact")

    hero = _main(client.get("/").content.decode()).split("</section>", 1)[0]
    assert re.search(
        rf'<a [^>]*href="{contact}"[^>]*>\s*<span[^>]*>Kontakt aufnehmen</span>', hero
    )

    english = _main(client.get("/en/").content.decode()).split("</section>", 1)[0]
    assert re.search(
        r'<a [^>]*href="/en/kontakt/"[^>]*>\s*<span[^>]*>Get in touch</span>', english
    )


def test_standard_page_shows_breadcrumbs_to_the_start_page(client, home):
    html = client.get("/impressum/").content.decode()

    crumbs = html.split('class="ikone-breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert '<a class="kern-link" href="/">Startseite</a>' in crumbs
    assert '<li aria-current="page">Impressum</li>' in crumbs


def test_imprint_carries_the_directory_attribution_and_marks_examples(client, home):
    html = _main(client.get("/impressum/").content.decode())

    assert "§ 5 Digitale-Dienste-Gesetz" in html
    assert "§ 18 Abs. 2 MStV" in html
    assert "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem" in html
    assert "https://www.govdata.de/dl-de/by-2-0" in html
    assert "Beispielangaben der Demo-Installation – vor dem Betrieb ersetzen" in html


def test_privacy_page_names_cookies_and_rights(client, home):
    html = _main(client.get("/datenschutz/").content.decode())

    for cookie in ("sessionid", "csrftoken", "django_language"):
        assert cookie in html
    for article in ("Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 20", "Art. 21"):
        assert article in html
    assert "keine Analyse- oder Tracking-Werkzeuge" in html


def test_accessibility_statement_names_status_feedback_and_arbitration(client, home):
    html = _main(client.get("/barrierefreiheit/").content.decode())

    assert "BITV 2.0" in html
    assert "teilweise" in html
    assert "vereinbar" in html
    assert "§ 16 Behindertengleichstellungsgesetz" in html
    assert "barrierefreiheit@example.org" in html


def test_start_page_query_count_is_small_and_constant(client, home, django_assert_max_num_queries):
    client.get("/")  # warm Wagtail's site cache, as in a running server

    with django_assert_max_num_queries(8):
        response = client.get("/")

    assert response.status_code == 200


def test_standard_page_query_count_is_small(client, home, django_assert_max_num_queries):
    client.get("/ueber-das-netzwerk/")

    with django_assert_max_num_queries(8):
        response = client.get("/ueber-das-netzwerk/")

    assert response.status_code == 200


def test_search_description_becomes_the_meta_description(client, home):
    page = HomePage.objects.get()
    html = client.get("/").content.decode()

    assert f'<meta name="description" content="{page.search_description}">' in html


def test_interface_texts_are_english_under_the_english_prefix(client, home):
    html = _main(client.get("/en/").content.decode())

    assert "Sign up for free" in html
    assert '<section class="ikone-figures" lang="en"' in html
    assert "The network in figures" in html
