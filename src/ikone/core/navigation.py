"""The header's main areas. An area appears once its URL exists, so pages of
features not yet built are simply not linked."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url: str
    active: bool


MAIN_AREAS: list[tuple[str | Promise, str]] = [
    (_("Kommunen"), "municipalities:list"),
    (_("Organisationen"), "organizations:list"),
    (_("Veranstaltungen"), "events:list"),
    (_("Wissen"), "knowledge:index"),
    (_("Förderaufrufe"), "calls:list"),
    (_("Fragen"), "qa:list"),
    (_("Bewerbungen"), "applications:list"),
    (_("Lösungen"), "solutions:list"),
    (_("Netzwerk"), "network:overview"),
]


def main_navigation(request: HttpRequest) -> list[NavItem]:
    items = []
    for label, url_name in MAIN_AREAS:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append(NavItem(label=label, url=url, active=request.path.startswith(url)))
    return items
