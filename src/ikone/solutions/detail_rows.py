"""The facts and the adopters on a profile's page as one string each
(issue 15): a profile has dozens of adoptions, and the template's loop cost
each one a `reverse` for the organisation's address, the status's
translation and a translated "seit …" with a formatted month; the facts
were fifteen includes of `solutions/includes/fact.html`. Written here, the
labels are translated once per page and the addresses come from one
`reverse`. The output is what the template wrote, up to whitespace
(compared in tests/solutions/test_detail_rows.py); names and values are
escaped, the experience is cleaned rich text as before."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.template.defaultfilters import linebreaksbr
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.core.datetimes import format_date
from ikone.core.urlmemo import EACH, row_address
from ikone.solutions.models import Adoption, AdoptionStatus, Solution
from ikone.solutions.text import clean_rich_text


def adoption_items(adoptions: Iterable[Adoption]) -> SafeString:
    """The <li> of each adoption (with `organization` loaded)."""
    return mark_safe("".join(adoption_item_list(adoptions)))  # noqa: S308 - see adoption_item_list


def adoption_item_list(adoptions: Iterable[Adoption]) -> list[str]:
    """`adoption_items`, one string per adoption (the page keeps them in a
    memo and shows each person the ones they may see). Names are escaped,
    the experience is cleaned by nh3."""
    organization_url = row_address("organizations:detail", slug=EACH)
    statuses = {value: escape(str(label)) for value, label in AdoptionStatus.choices}
    # Translators: an adoption's start, e.g. "seit Januar 2021".
    since_wording = _("seit %(since)s")
    items = []
    for adoption in adoptions:
        organization = adoption.organization
        line = (
            f'<a class="kern-link" href="{escape(organization_url(organization.slug))}">'
            f"{escape(organization.name)}</a> – "
            f"{statuses.get(adoption.status, escape(adoption.status))}"
        )
        if adoption.since:
            line += " " + since_wording % {"since": escape(format_date(adoption.since, "month"))}
        experience = (
            f'<div class="ikone-richtext">{clean_rich_text(adoption.experience)}</div>'
            if adoption.experience
            else ""
        )
        items.append(f'<li class="ikone-stack"><p class="kern-body">{line}</p>{experience}</li>')
    return items


def _fact(key: str, value: Any, link: str = "", note: str = "") -> str:
    """One row as `solutions/includes/fact.html` wrote it."""
    if value or value == 0:
        shown = (
            f'<a class="kern-link" href="{escape(link)}" rel="noopener noreferrer">'
            f"{conditional_escape(value)}</a>"
            if link
            else linebreaksbr(value)
        )
        if note:
            shown += f" ({escape(note)})"
    else:
        shown = escape(_("nicht bekannt"))
    return (
        '<div class="kern-description-list-item">'
        f'<dt class="kern-description-list-item__key">{escape(key)}</dt>'
        f'<dd class="kern-description-list-item__value">{shown}</dd></div>'
    )


def solution_facts(solution: Solution) -> SafeString:
    """The rows of the profile's fact list (organisations, fields of action
    and documents prefetched)."""
    # The catalogue's display filters; imported here, their module imports this one.
    from ikone.solutions.templatetags.solutions_tags import euro, mailto, size_labels

    def names(items: Iterable[Any]) -> SafeString:
        """`{{ items|join:", " }}`."""
        return mark_safe(", ".join(conditional_escape(item) for item in items))  # noqa: S308 - escaped

    rows = [
        _fact(_("Organisationen"), names(solution.organizations.all())),
        _fact(_("Handlungsfelder"), names(solution.fields_of_action.all())),
        _fact(_("Stand"), solution.get_status_display()),
        _fact(_("Startjahr"), solution.start_year),
        _fact(_("Kosten"), euro(solution.costs_eur), note=solution.costs_note),
        _fact(_("Förderprogramm"), solution.funding_programme),
        _fact(_("Fördersumme"), euro(solution.funding_eur), link=solution.funding_source_url),
        _fact(_("Lizenz"), solution.get_licence_display()),
        _fact(_("Code-Repository"), solution.code_repository, link=solution.code_repository),
        _fact(_("Datenstandards"), solution.data_standards),
        _fact(_("Schnittstellen"), solution.interfaces),
        _fact(_("Passt zu"), size_labels(solution)),
        _fact(_("Aufwand der Übernahme"), solution.get_adoption_effort_display()),
        _fact(_("Kontakt"), solution.contact_name, link=mailto(solution.contact_email)),
    ]
    model_project = solution.model_project
    if model_project:
        rows.append(
            _fact(
                _("Modellprojekt Smart Cities"),
                model_project,
                link=model_project.organization.get_absolute_url(),
            )
        )
    return mark_safe("".join(rows))  # noqa: S308 - keys and values escaped in _fact
