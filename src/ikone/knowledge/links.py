"""Where the links of CMS pages lead: CMS pages, areas of the platform (Django
views, addressed by URL name) or external addresses.

Areas are resolved when a page is shown, so a page may link to an area that
a later release installs: until its URL exists the link is simply left out.
"""

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ikone.core.navigation import main_areas

ACCOUNT_AREAS: list[tuple[str | Promise, str]] = [
    (_("Registrierung"), "account_signup"),
    (_("Anmeldung"), "account_login"),
    (_("Mein Konto"), "accounts:profile"),
]


def reverse_or_none(url_name: str) -> str | None:
    """The path of a named URL in the active language, or None while no app
    provides it."""
    try:
        return reverse(url_name)
    except NoReverseMatch:
        return None


def platform_area_choices() -> list[tuple[str, str | Promise]]:
    """Choices for editors: the platform areas whose URL exists."""
    return [
        (url_name, label)
        for label, url_name in [*((a.label, a.url_name) for a in main_areas()), *ACCOUNT_AREAS]
        if reverse_or_none(url_name) is not None
    ]


def link_target_url(
    *,
    page: Page | None = None,
    area: str | None = None,
    url: str | None = None,
    request: HttpRequest | None = None,
) -> str | None:
    """The address of a link target, or None when it cannot be shown (an
    unpublished page, an area this installation does not have)."""
    if page is not None:
        return page.get_url(request=request) if page.live else None
    if area:
        return reverse_or_none(area)
    return url or None
