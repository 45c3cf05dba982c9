"""The catalogue's lists of recommended and cited solutions as one string
each (issue 15): on the recommendations page and in the panel of a draft
section, each entry cost the template engine a `reverse` for the solution's
address, a `url` tag and a CSRF field for its form and two translations.
Written here, each label is translated once per list, the addresses are
derived from one `reverse` each and the CSRF field is rendered once. The
output is what `solutions/recommendations.html` and
`solutions/includes/section_panel.html` rendered in their loops before, up
to whitespace (compared in tests/solutions/test_recommendation_rows.py);
titles, summaries, reasons and slugs are escaped."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.urls import reverse
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.core.urlmemo import EACH, row_address


def _solution_url() -> Callable[[Any], str]:
    url = row_address("solutions:detail", slug=EACH)

    def of(solution: Any) -> str:
        return escape(url(solution.slug))

    return of


def _reasons(reasons: Iterable[Any]) -> str:
    """`{{ reasons|join:"; " }}`."""
    return "; ".join(conditional_escape(reason) for reason in reasons)


def recommendation_items(results: Iterable[Any]) -> SafeString:
    """The recommendations page's list items (Recommendation: solution, reasons)."""
    url_of = _solution_url()
    why = escape(_("Warum:"))
    items = [
        '<li class="ikone-stack"><h2 class="kern-heading-small">'
        f'<a class="kern-link" href="{url_of(result.solution)}">'
        f"{escape(result.solution.title)}</a></h2>"
        f'<p class="kern-body">{escape(result.solution.summary)}</p>'
        f'<p class="kern-body kern-body--small">{why} {_reasons(result.reasons)}</p></li>'
        for result in results
    ]
    return mark_safe("\n".join(items))  # noqa: S308 - titles, summaries and reasons escaped


def _cite_form(action: str, css: str, slug: str, label: str, csrf_field: str) -> str:
    return (
        f'<form method="post" action="{action}" class="ikone-inline-form">{csrf_field}'
        f'<input type="hidden" name="loesung" value="{escape(slug)}">'
        f'<button type="submit" class="kern-btn {css}"><span class="kern-label">{label}'
        "</span></button></form>"
    )


def panel_cited_items(
    citations: Iterable[Any], *, section_pk: int, can_cite: bool, csrf_field: str
) -> SafeString:
    """The panel's cited solutions (citations with `solution`), each with
    its "no longer cite" form for those who may cite."""
    url_of = _solution_url()
    action = escape(reverse("solutions:citation_remove", args=[section_pk])) if can_cite else ""
    wording = _("„%(title)s“ nicht mehr zitieren")
    items = []
    for citation in citations:
        solution = citation.solution
        title = escape(solution.title)
        form = (
            _cite_form(
                action,
                "kern-btn--tertiary",
                solution.slug,
                wording % {"title": title},
                csrf_field,
            )
            if can_cite
            else ""
        )
        items.append(f'<li><a class="kern-link" href="{url_of(solution)}">{title}</a>{form}</li>')
    return mark_safe("\n".join(items))  # noqa: S308 - titles and slugs escaped


def panel_recommended_items(
    results: Iterable[Any], *, section_pk: int, can_cite: bool, csrf_field: str
) -> SafeString:
    """The panel's recommended solutions with their reasons, each with its
    "cite" form for those who may cite."""
    url_of = _solution_url()
    action = escape(reverse("solutions:citation_add", args=[section_pk])) if can_cite else ""
    why = escape(_("Warum:"))
    wording = _("„%(title)s“ zitieren")
    items = []
    for result in results:
        solution = result.solution
        title = escape(solution.title)
        form = (
            _cite_form(
                action,
                "kern-btn--secondary",
                solution.slug,
                wording % {"title": title},
                csrf_field,
            )
            if can_cite
            else ""
        )
        items.append(
            f'<li><a class="kern-link" href="{url_of(solution)}">{title}</a>'
            f'<span class="kern-body kern-body--small">{why} {_reasons(result.reasons)}</span>'
            f"{form}</li>"
        )
    return mark_safe("\n".join(items))  # noqa: S308 - titles, reasons and slugs escaped
