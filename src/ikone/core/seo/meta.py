"""The addresses every public page names in its <head>: its canonical URL,
the same page in each language (hreflang) and the platform's sharing image.
Rendered by `components/seo_head.html` from base.html."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.safestring import SafeString, mark_safe

from ikone.core.urlmemo import translate_url_memo

SHARE_IMAGE = "ikone/icons/share.png"
SHARE_IMAGE_SIZE = (1200, 630)
# Open Graph wants a territory; English pages are written in British English.
OG_LOCALES = {"de": "de_DE", "en": "en_GB"}


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


@dataclass(frozen=True)
class PageAddresses:
    canonical: str
    alternates: list[Alternate]
    share_image: str
    og_locale: str
    og_locale_alternates: list[str]


def _canonical_path(request: HttpRequest) -> str:
    """The path without query, except the page number of a paginated list
    (page 2 is not a copy of page 1)."""
    page = request.GET.get("page", "")
    if page.isdigit() and page != "1":
        return f"{request.path}?page={page}"
    return request.path


def page_addresses(request: HttpRequest, language: str) -> PageAddresses:
    path = _canonical_path(request)
    alternates = [
        Alternate(code, request.build_absolute_uri(translate_url_memo(path, code)))
        for code, _name in settings.LANGUAGES
    ]
    default = translate_url_memo(path, settings.LANGUAGE_CODE)
    alternates.append(Alternate("x-default", request.build_absolute_uri(default)))
    return PageAddresses(
        canonical=request.build_absolute_uri(path),
        alternates=alternates,
        share_image=request.build_absolute_uri(static(SHARE_IMAGE)),
        og_locale=OG_LOCALES.get(language, language),
        og_locale_alternates=[
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language
        ],
    )


_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict[str, Any]) -> SafeString:
    """schema.org data safe to place inside <script type="application/ld+json">
    (escaped as Django's json_script does; a data block, never executed, so
    the Content Security Policy does not apply)."""
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308  # escaped above
