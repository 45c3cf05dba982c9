"""The start page's content blocks, rendered once and reused (issue 15).

Signed-in people get the start page rendered for them (the page cache
serves only visitors). Its blocks cost more than the rest of the page: a
template per block and card, the chosen pages read and their addresses
worked out, and the network's figures counted (two queries) on every
request. None of it depends on the person: the blocks see the page, the
request's site and the language. So the HTML is a memo
(`core.pagecache.memo`), computed anew when a table it was read from
changes (pages, municipalities, memberships, the counted tables), when the
content changes (its hash is part of the key) and on the next Berlin day
(memberships end on a day). A preview renders the unsaved content, never
the memo.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.http import HttpRequest
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from wagtail.models import Site

from ikone.core.datetimes import berlin_date
from ikone.core.pagecache import memo


def home_body_html(*, page: Any, request: HttpRequest) -> SafeString:
    """What `{% for block in page.body %}{% include_block block %}{% endfor %}`
    renders for `page` (a HomePage) in the active language."""
    # The context the blocks read: include_block passed the page's whole
    # context, of which the blocks use the request (link cards) and nothing else.
    context = {"page": page, "self": page, "request": request}

    def render() -> SafeString:
        return mark_safe("".join(child.render_as_block(context=context) for child in page.body))  # noqa: S308 - Wagtail's rendered blocks

    if getattr(request, "is_preview", False):
        return render()
    site = Site.find_for_request(request)
    content = json.dumps(list(page.body.raw_data), sort_keys=True, default=str)
    key = ":".join(
        [
            "knowledge:home-body",
            str(page.pk),
            hashlib.blake2b(content.encode(), digest_size=16).hexdigest(),
            str(site.pk if site else 0),
            get_language() or "",
            get_script_prefix(),
            str(berlin_date().toordinal()),  # the day, as a number
        ]
    )
    return mark_safe(memo.get_or_compute(key, render))  # noqa: S308 - rendered blocks, see above
