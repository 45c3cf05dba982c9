"""Wagtail's pages (start page, text pages, knowledge articles) served with
their route as a memo (issue 15).

Wagtail finds a page anew on every request: the site by host, then per
level of the path the child by its slug and its specific object (two
queries a level), and before serving, the view restrictions of the page
and its ancestors (two more): seven queries for /wissen/<slug>/ before
the article does anything. Signed-out visitors get such pages from the
page cache; signed-in people paid the routing on every visit.

`serve` is Wagtail's `wagtail.views.serve` with the route taken from a memo
(ADR 0006) keyed by host, port and path: the site, the specific page with
its arguments, and the view restrictions that apply to it. All of it is
read inside the memo's recording, so a change to any site, page (the tree,
a slug, publishing), page type table or view restriction computes it anew.
The hooks run as before on every request: `check_view_restrictions` checks
the remembered restrictions (`ContentPage.get_view_restrictions`) against
the request, and a page's own `serve` checks the person (an article's
visibility). A path that leads nowhere is not remembered (404 as before).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.url_routing import RouteResult

from ikone.core.pagecache import memo

MEMO_PREFIX = "knowledge:route:v1"


@dataclass
class Route:
    site: Site
    page: Page
    args: list[Any] = field(default_factory=list)
    kwargs: dict[str, Any] = field(default_factory=dict)
    view_restrictions: list[PageViewRestriction] = field(default_factory=list)


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's serve view (wagtail.views.serve) with a remembered route."""
    route = page_route(request, path)
    page, args, kwargs = route.page, route.args, route.kwargs
    page.routed_view_restrictions = route.view_restrictions
    # What Wagtail's own lookups would have cached on the request.
    request._wagtail_site = route.site  # type: ignore[attr-defined]
    request._wagtail_route_for_request = RouteResult(page, args, kwargs)  # type: ignore[attr-defined]

    def serve_chain(page: Page, request: HttpRequest, args: Any, kwargs: Any) -> HttpResponse:
        return page.serve(request, *args, **kwargs)  # type: ignore[no-any-return]

    on_serve_chain = serve_chain
    for wrapper in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = wrapper(on_serve_chain)
    for before in hooks.get_hooks("before_serve_page"):
        result = before(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)


def page_route(request: HttpRequest, path: str) -> Route:
    """The route of `path` on the request's host; Http404 where Wagtail
    finds no live page (not remembered)."""
    hostname = split_domain_port(request.get_host())[0]
    port = request.get_port()
    key = memo.key(MEMO_PREFIX, hostname, port, path)
    return memo.get_or_compute(key, lambda: _route(request, hostname, port, path))


def _route(request: HttpRequest, hostname: str, port: str, path: str) -> Route:
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        raise Http404 from None
    components = [component for component in path.split("/") if component]
    # Page.route raises Http404 for an unknown or unpublished page.
    result = site.root_page.localized.specific.route(request, components)
    page, args, kwargs = result
    return Route(
        site=site,
        page=page,
        args=list(args),
        kwargs=dict(kwargs),
        view_restrictions=list(page.get_view_restrictions()),
    )
