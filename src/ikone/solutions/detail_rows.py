"""The adopters on a profile's page as one string (issue 15): a profile
has dozens of adoptions, and the template's loop cost each one a `reverse`
for the organisation's address, the status's translation and a translated
"seit …" with a formatted month. Written here, the labels are translated
once per page and the addresses come from one `reverse`. The output is what
the loop in `solutions/solution_detail.html` wrote, up to whitespace
(compared in tests/solutions/test_detail_rows.py); names are escaped, the
experience is cleaned rich text as before."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.core.datetimes import format_date
from ikone.core.urlmemo import EACH, row_address
from ikone.solutions.models import Adoption, AdoptionStatus
from ikone.solutions.text import clean_rich_text


def adoption_items(adoptions: Iterable[Adoption]) -> SafeString:
    """The <li> of each adoption (with `organization` loaded)."""
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
    return mark_safe("".join(items))  # noqa: S308 - names escaped, experience cleaned by nh3
