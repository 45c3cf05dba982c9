"""Reads for the CMS pages and for the footer of every page."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from ikone.accounts.models import NetworkMembership
from ikone.core.pagecache import memo
from ikone.core.urlmemo import reverse_memo
from ikone.knowledge.links import reverse_or_none
from ikone.municipalities.models import Level, Municipality

FOOTER_CACHE_KEY = "knowledge:footer-links:v1"
# A memo (ikone.core.pagecache.memo): valid while the page tables it was read
# from are unchanged, in every process; publishing also clears it (signals.py).
FOOTER_CACHE_SECONDS = 3600


@dataclass(frozen=True)
class PageLink:
    title: str
    url: str


@dataclass(frozen=True)
class NetworkFigures:
    municipalities: int
    members: int


def footer_page_links() -> list[PageLink]:
    """Impressum, Datenschutz and Barrierefreiheit, in that order, as far as
    a live page holds the footer role; URLs in the active language.

    Served from a memo; a miss costs one query (plus Wagtail's own cached
    lookup of the site root). Any write to the pages' tables invalidates it,
    and signals.py clears it whenever a page is published, unpublished,
    moved or deleted, or a site changes.
    """
    entries = memo.get_or_compute(FOOTER_CACHE_KEY, _footer_entries, FOOTER_CACHE_SECONDS)
    return [
        PageLink(title=title, url=reverse_memo("wagtail_serve", path)) for title, path in entries
    ]


def footer_cache_clear() -> None:
    """Forget the cached footer links; the next page view reads them anew."""
    memo.forget(FOOTER_CACHE_KEY)


def _footer_entries() -> list[tuple[str, str]]:
    """(title, path below the site root) per footer role, in footer order.
    Where two live pages claim a role, the first in the page tree wins."""
    # Imported here because the page models import this module.
    from ikone.knowledge.models import FooterRole, StandardPage

    rows = (
        StandardPage.objects.live()
        .filter(footer_role__in=FooterRole.values)
        .order_by("path")
        .values_list("footer_role", "title", "url_path")
    )
    root_paths = [root.root_path for root in Site.get_site_root_paths()]
    by_role: dict[str, tuple[str, str]] = {}
    for role, title, url_path in rows:
        root_path = next((root for root in root_paths if url_path.startswith(root)), None)
        if root_path is not None:
            by_role.setdefault(role, (title, url_path[len(root_path) :]))
    return [by_role[role] for role in FooterRole.values if role in by_role]


def home_actions(*, authenticated: bool) -> list[PageLink]:
    """The start page's main actions: the municipality directory, and signing
    up (or the own account when signed in). Areas not installed are left out."""
    candidates = [(_("Kommunen im Verzeichnis finden"), "municipalities:list")]
    if authenticated:
        candidates.append((_("Zu meinem Konto"), "accounts:profile"))
    else:
        candidates.append((_("Kostenlos registrieren"), "account_signup"))
    candidates.append((_("Kontakt aufnehmen"), "support:contact"))
    links = []
    for title, url_name in candidates:
        url = reverse_or_none(url_name)
        if url is not None:
            links.append(PageLink(title=title, url=url))
    return links


def page_breadcrumbs(*, page: Page, request: HttpRequest | None = None) -> list[PageLink]:
    """The routable ancestors of a page, from the start page down (one query)."""
    crumbs = []
    for ancestor in page.get_ancestors().filter(depth__gt=1):
        url = ancestor.get_url(request=request)
        if url is not None:
            crumbs.append(PageLink(title=ancestor.title, url=url))
    return crumbs


def network_figures() -> NetworkFigures:
    """Gemeinden in the municipality directory and current members of the
    installation's primary network, as the accounts app defines them (two
    count queries)."""
    return NetworkFigures(
        municipalities=Municipality.objects.filter(level=Level.MUNICIPALITY).count(),
        members=NetworkMembership.objects.in_primary_network().current().count(),
    )


def legal_page_url(role: str) -> str | None:
    """The address of the live page holding a footer role (e.g. the privacy
    page the contact form links to), or None (one query)."""
    from ikone.knowledge.models import StandardPage

    page = StandardPage.objects.live().filter(footer_role=role).order_by("path").first()
    return page.get_url() if page is not None else None


def public_totals() -> list[tuple[str, int]]:
    """The public aggregates other apps register in `core.figures` (workshops
    held, administrations reached, questions answered, …) since the network
    began, as (label, number); members are already among `network_figures`.
    Counted at most every few minutes (`core.figures.public_values`)."""
    from ikone.core import figures

    values = figures.public_values()
    shown = []
    for total in figures.totals(public_only=True):
        value = values.get(total.key)
        if total.key != "accounts.members" and isinstance(value, int):
            shown.append((str(total.label), value))
    return shown


def accessibility_settings(*, request: HttpRequest) -> object:
    """The operator's CMS settings for the accessibility statement (the
    enforcement body), for the site serving `request`."""
    from ikone.knowledge.accessibility import AccessibilitySettings

    return AccessibilitySettings.for_request(request)


def accessibility_statement() -> Page | None:
    """The live page holding the accessibility statement's footer role."""
    from ikone.knowledge.models import FooterRole, StandardPage

    return StandardPage.objects.live().filter(footer_role=FooterRole.ACCESSIBILITY).first()
