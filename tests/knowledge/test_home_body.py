"""The start page's content blocks are a memo (`ikone.knowledge.home_body`,
issue 15): they must render what the template's loop over the blocks
rendered, in both languages, and show every change at once: new figures, a
changed or newly linked page, new content; a preview shows its unsaved
content and leaves the memo alone."""

from __future__ import annotations

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from ikone.knowledge.home_body import home_body_html
from ikone.municipalities.models import Level, Municipality
from tests.html import normalized_html

FORMER_LOOP = (
    "{% load wagtailcore_tags %}{% for block in page.body %}{% include_block block %}{% endfor %}"
)


def _request(path: str = "/"):
    return RequestFactory().get(path, HTTP_HOST="localhost")


def _main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_blocks_match_the_former_loop(home, language):
    with translation.override(language):
        request = _request()
        former = engines["django"].from_string(FORMER_LOOP).render({"page": home}, request)
        computed = home_body_html(page=home, request=_request())
        reused = home_body_html(page=home, request=_request())
    assert "ikone-figures" in former
    assert normalized_html(computed) == normalized_html(former)
    assert reused == computed


def test_new_figures_show_at_once(client, home, staff_member):
    client.force_login(staff_member)
    before = _main(client.get("/").content.decode())
    Municipality.objects.create(
        ags="099999999999", level=Level.MUNICIPALITY, name="Neudorf", search_name="neudorf"
    )
    after = _main(client.get("/").content.decode())
    assert before != after


def test_changed_content_shows_at_once(client, home, staff_member):
    client.force_login(staff_member)
    client.get("/")
    home.body.append(("paragraph", "<p>Ganz neu im Netzwerk</p>"))
    home.save_revision().publish()
    assert "Ganz neu im Netzwerk" in client.get("/").content.decode()


def test_a_preview_shows_its_content_and_leaves_the_memo_alone(home):
    published = home_body_html(page=home, request=_request())
    home.body.append(("paragraph", "<p>Nur in der Vorschau</p>"))
    preview = _request()
    preview.is_preview = True
    assert "Nur in der Vorschau" in home_body_html(page=home, request=preview)
    home.refresh_from_db()
    assert home_body_html(page=home, request=_request()) == published
