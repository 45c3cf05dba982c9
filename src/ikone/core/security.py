"""Security headers beyond what Django's SecurityMiddleware and django-csp
send: the Permissions-Policy, and the few places where the strict Content
Security Policy has to give way to third-party admin interfaces.

Our own templates never need a relaxation: they have no inline scripts, no
inline styles and load nothing from other hosts. See docs/quality.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

# Features no IKONE page uses. Denying them means an injected script or a
# framed page cannot use them either. Only features Chromium and Firefox know
# are listed, so browsers log no warnings about unknown ones.
PERMISSIONS_POLICY = ", ".join(
    [
        "accelerometer=()",
        "autoplay=()",
        "browsing-topics=()",
        "camera=()",
        "display-capture=()",
        "encrypted-media=()",
        "geolocation=()",
        "gyroscope=()",
        "magnetometer=()",
        "microphone=()",
        "midi=()",
        "payment=()",
        "publickey-credentials-get=(self)",
        "screen-wake-lock=()",
        "usb=()",
        "xr-spatial-tracking=()",
        "fullscreen=(self)",
    ]
)


@dataclass(frozen=True)
class CspRelaxation:
    """Changes to the policy for every path under `prefix` (with or without a
    language prefix such as /en/), and why: `update` adds sources to a
    directive, `replace` sets a directive anew."""

    prefix: str
    update: dict[str, list[str]]
    replace: dict[str, list[str]]
    reason: str


UNSAFE_INLINE = "'unsafe-inline'"

CSP_RELAXATIONS: tuple[CspRelaxation, ...] = (
    CspRelaxation(
        prefix="/cms/",
        update={
            "script-src": [UNSAFE_INLINE],
            "style-src": [UNSAFE_INLINE],
            "img-src": ["blob:"],
        },
        replace={"frame-ancestors": ["'self'"]},
        reason=(
            "Wagtail's admin renders inline <script> elements in its date and time "
            "widgets and in inline and multiple-chooser panels "
            "(wagtailadmin/widgets/*.html, wagtailadmin/panels/*.html), its editors set "
            "inline styles, image uploads preview through blob: URLs, and the live "
            "preview frames our own pages inside the editor."
        ),
    ),
)


def strip_language_prefix(path: str) -> str:
    """'/en/cms/pages/' -> '/cms/pages/'; paths of the default language have
    no prefix and stay as they are."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code != settings.LANGUAGE_CODE and path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


def csp_relaxation_for(path: str) -> CspRelaxation | None:
    """The relaxation that applies to `path`, or None for the strict policy."""
    bare = strip_language_prefix(path)
    for relaxation in CSP_RELAXATIONS:
        if bare.startswith(relaxation.prefix):
            return relaxation
    return None
