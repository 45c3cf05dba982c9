"""Which uploaded files a public URL may serve under `make run` (DEBUG).

Only Wagtail's images (originals and renditions, shown on public pages)
are served from MEDIA_URL. Everything else — an organisation's uploads,
generated exports, event materials — is reachable only through the views
that check permissions on its record, in development as in production.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.urls import URLPattern, re_path
from django.views.static import serve

PUBLIC_MEDIA_DIRECTORIES = ("original_images", "images")


def public_media_urlpatterns() -> list[URLPattern]:
    """The development server's route for the public media directories."""
    prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    directories = "|".join(re.escape(name) for name in PUBLIC_MEDIA_DIRECTORIES)
    return [
        re_path(
            rf"^{prefix}(?P<path>(?:{directories})/[^\\]+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
