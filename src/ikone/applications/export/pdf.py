"""PDF export with WeasyPrint: title page, table of contents with page
numbers, sections, criteria matrix, financing tables, schedule.

WeasyPrint never goes to the network: `StaticOnlyFetcher` serves only the
project's own static files (and `data:` URLs) and refuses every other
address. Fonts come from the machine's fontconfig (DejaVu Sans on Debian).
The document is tagged (PDF/UA) where the installed WeasyPrint supports it.
"""

from __future__ import annotations

import inspect
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import weasyprint
import weasyprint.urls
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from ikone.applications.export.content import ExportDocument

TEMPLATE = "applications/export/draft_pdf.html"
STYLESHEET = "applications/export/print.css"
# Relative addresses in the template resolve against this base, which is
# never fetched: the fetcher maps its static path onto the static files.
BASE_URL = "https://export.ikone.invalid/"


def _static_file(url: str) -> Path | None:
    """The static file an address points at, or None for anything else."""
    parts = urlsplit(url)
    static_url = urlsplit(settings.STATIC_URL).path
    if parts.scheme != "https" or parts.netloc != urlsplit(BASE_URL).netloc:
        return None
    if not parts.path.startswith(static_url):
        return None
    relative = unquote(parts.path[len(static_url) :])
    if ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    return Path(found) if isinstance(found, str) else None


class StaticOnlyFetcher(weasyprint.urls.URLFetcher):
    """Serves the project's static files and `data:` URLs; refuses the rest."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=["https", "data"])

    def fetch(self, url: str, headers: Any = None) -> weasyprint.urls.URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = _static_file(url)
        if path is None:
            raise ValueError(f"refused to fetch {url}")
        mime_type, _encoding = mimetypes.guess_type(path.name)
        return weasyprint.urls.URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": mime_type or "text/plain"}
        )


def pdf_options() -> dict[str, Any]:
    """Tagged PDF where this WeasyPrint knows it (`pdf_tags`, `pdf_variant`)."""
    options: dict[str, Any] = {}
    known = set(getattr(weasyprint, "DEFAULT_OPTIONS", {}))
    known |= set(inspect.signature(weasyprint.HTML.write_pdf).parameters)
    if "pdf_tags" in known:
        options["pdf_tags"] = True
    if "pdf_variant" in known:
        options["pdf_variant"] = "pdf/ua-1"
    return options


def _read_static(relative: str) -> str:
    found = finders.find(relative)
    if not isinstance(found, str):  # pragma: no cover - the file ships with the app
        raise FileNotFoundError(relative)
    return Path(found).read_text(encoding="utf-8")


def render_html(document: ExportDocument) -> str:
    with translation.override("de"):
        return render_to_string(TEMPLATE, {"doc": document})


def render_pdf(document: ExportDocument) -> bytes:
    """The document as PDF bytes."""
    html = weasyprint.HTML(
        string=render_html(document), base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()
    )
    stylesheet = weasyprint.CSS(
        string=_read_static(STYLESHEET), base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()
    )
    result = html.write_pdf(stylesheets=[stylesheet], **pdf_options())
    assert result is not None  # noqa: S101 - write_pdf without a target returns bytes
    return result
