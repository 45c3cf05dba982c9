"""How pages and fonts reach the browser (Lighthouse, issue 18): pages are
compressed, and the served fonts never hide text while they load."""

from __future__ import annotations

import gzip
from pathlib import Path

from django.contrib.staticfiles import finders


def test_pages_are_compressed_for_browsers_that_accept_it(client, db):
    response = client.get("/robots.txt", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert response["Content-Encoding"] == "gzip"
    assert b"User-agent" in gzip.decompress(response.content)
    assert "Accept-Encoding" in response["Vary"]


def test_every_font_face_swaps_instead_of_hiding_text():
    path = finders.find("vendor/kern/fonts/fira-sans.css")
    assert path, "front-end assets missing: run `make install`"
    css = Path(path).read_text(encoding="utf-8")

    assert css.count("@font-face") == css.count("font-display: swap;") > 0
