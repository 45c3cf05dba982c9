"""Helpers for the apps' search providers (`<app>/search_documents.py`):
plain text of sanitised HTML, a joined summary line.

The providers themselves live in their apps; core discovers them
(`registry.autodiscover`) and never names an app.
"""

from __future__ import annotations

import html
from typing import Any

from django.utils.html import strip_tags


def plain(markup: str) -> str:
    """Text of sanitised HTML, whitespace collapsed."""
    return " ".join(html.unescape(strip_tags(markup or "")).split())


def joined(*parts: Any) -> str:
    """The non-empty parts, separated by " · "."""
    return " · ".join(str(part) for part in parts if part)
