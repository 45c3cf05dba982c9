"""The header's main areas and the footer's links, contributed by the apps.

An app registers its area in `AppConfig.ready()`:

    navigation.register(Area("events:list", _("Veranstaltungen"), position=30))

An area appears once its URL exists, so an area whose pages are not built
(or not installed) is simply not linked. Footer links come from callables
an app registers (the CMS's Impressum, Datenschutz, Barrierefreiheit).
Account links sit beside "Mein Konto" for signed-in people whom their
`visible` predicate admits (no database query: it reads the user object);
one may carry a badge the page loads by htmx from `badge_url_name`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch
from django.utils.functional import Promise

from ikone.core.registry import Registry
from ikone.core.urlmemo import reverse_memo


@dataclass(frozen=True)
class Area:
    url_name: str
    label: str | Promise
    position: int


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url: str
    active: bool


@dataclass(frozen=True)
class FooterLinks:
    """A callable returning objects with `title` and `url` (read by the footer)."""

    key: str
    links: Callable[[], Sequence[object]]


AREAS: Registry[Area] = Registry(
    "Navigation areas",
    key=lambda area: area.url_name,
    describe=lambda area: f"{area.position:>3} {area.url_name}: {area.label}",
    order=lambda area: (area.position, area.url_name),
)


@dataclass(frozen=True)
class AccountLink:
    url_name: str
    label: str | Promise
    position: int
    badge_url_name: str = ""
    visible: Callable[[Any], bool] | None = None


@dataclass(frozen=True)
class AccountItem:
    label: str | Promise
    url: str
    badge_url: str
    active: bool


ACCOUNT_LINKS: Registry[AccountLink] = Registry(
    "Account links",
    key=lambda link: link.url_name,
    describe=lambda link: f"{link.position:>3} {link.url_name}: {link.label}",
    order=lambda link: (link.position, link.url_name),
)
FOOTER: Registry[FooterLinks] = Registry(
    "Footer links",
    key=lambda entry: entry.key,
    describe=lambda entry: f"{entry.key}: {entry.links.__module__}.{entry.links.__qualname__}",
)


def register(area: Area) -> Area:
    return AREAS.register(area)


def register_account_link(link: AccountLink) -> AccountLink:
    return ACCOUNT_LINKS.register(link)


def account_navigation(request: HttpRequest) -> list[AccountItem]:
    """The registered account links the signed-in person may use, in order."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    items = []
    for link in sorted(ACCOUNT_LINKS, key=lambda link: (link.position, link.url_name)):
        if link.visible is not None and not link.visible(user):
            continue
        try:
            url = reverse_memo(link.url_name)
            badge_url = reverse_memo(link.badge_url_name) if link.badge_url_name else ""
        except NoReverseMatch:
            continue
        items.append(
            AccountItem(
                label=link.label,
                url=url,
                badge_url=badge_url,
                active=request.path.startswith(url),
            )
        )
    return items


def register_footer_links(key: str, links: Callable[[], Sequence[object]]) -> None:
    FOOTER.register(FooterLinks(key, links))


def main_areas() -> list[Area]:
    """Every registered area in header order, whether its URL exists or not."""
    return sorted(AREAS, key=lambda area: (area.position, area.url_name))  # as `order`


def main_navigation(request: HttpRequest) -> list[NavItem]:
    items = []
    for area in main_areas():
        try:
            url = reverse_memo(area.url_name)
        except NoReverseMatch:
            continue
        items.append(NavItem(label=area.label, url=url, active=request.path.startswith(url)))
    return items


def footer_links() -> list[object]:
    return [link for entry in FOOTER for link in entry.links()]
