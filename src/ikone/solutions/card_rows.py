"""The catalogue's cards as one string (issue 15): the include of
`solutions/includes/solution_card.html` per profile (a `reverse`, the
status's translation, two loops and a plural) was most of /loesungen/ for
signed-in people. Written here, each label is translated once per page and
the addresses come from one `reverse`. The output is what the include wrote,
up to whitespace (compared in tests/solutions/test_card_rows.py); titles,
summaries and names are escaped."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ikone.solutions.models import Solution, SolutionStatus
from ikone.solutions.recommendation_rows import _solution_url


def solution_cards(solutions: Iterable[Solution]) -> SafeString:
    """The <li> of each profile (with `owner_list`, `field_list` and
    `adopter_count`, as `selectors.solution_list_published` gives them)."""
    statuses: dict[str, str] = {
        value: escape(str(label)) for value, label in SolutionStatus.choices
    }
    open_licence = f" · {escape(_('offene Lizenz'))}"
    example = f" · <strong>{escape(_('Beispiel-Steckbrief'))}</strong>"
    url_of = _solution_url()
    cards = []
    for solution in solutions:
        facts: list[str] = [statuses.get(solution.status, escape(solution.status))]
        owners = solution.owner_list  # type: ignore[attr-defined]
        if owners:
            facts.append(" · " + ", ".join(escape(owner.name) for owner in owners))
        fields = solution.field_list  # type: ignore[attr-defined]
        if fields:
            facts.append(" · " + ", ".join(escape(field.label) for field in fields))
        if solution.has_open_licence:
            facts.append(open_licence)
        count = solution.adopter_count  # type: ignore[attr-defined]
        adoptions = ngettext("%(counter)s Übernahme", "%(counter)s Übernahmen", count) % {
            "counter": escape(localize(count))
        }
        facts.append(f" · {adoptions}")
        if solution.is_example:
            facts.append(example)
        cards.append(
            '<li class="ikone-stack">'
            f'<h2 class="kern-heading-small"><a class="kern-link" href="{url_of(solution)}">'
            f"{escape(solution.title)}</a></h2>"
            f'<p class="kern-body">{escape(solution.summary)}</p>'
            f'<p class="kern-body kern-body--small">{" ".join(facts)}</p>'
            "</li>"
        )
    return mark_safe("".join(cards))  # noqa: S308 - titles, names and labels escaped
