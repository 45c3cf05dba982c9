"""The directory's tables of units as one string (issue 15): the include of
`municipalities/includes/unit_table.html` rendered a `url` tag, a
`default` filter and a translated badge per row, two thirds of the
directory's time. Written here, each label is translated once per table and
the addresses come from one `reverse`. The output is what the include wrote,
up to whitespace (compared in tests/municipalities/test_unit_rows.py);
names and labels are escaped."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.core.urlmemo import EACH, row_address
from ikone.municipalities.models import Level, Municipality


def _header(label: str, *, numeric: bool = False) -> str:
    extra = " kern-table__header--numeric" if numeric else ""
    return f'<th scope="col" class="kern-table__header{extra}">{escape(label)}</th>'


def unit_table(units: Iterable[Municipality], caption: str, *, show_region: bool) -> SafeString:
    """A table of `units` (annotated with `is_member`; with `district_name`
    and `state_name` when `show_region`, as
    `selectors.municipality_table_list` gives them), as the include wrote it."""
    return table_of_rows(
        unit_rows(units, show_region=show_region), caption, show_region=show_region
    )


def table_of_rows(rows: SafeString, caption: str, *, show_region: bool) -> SafeString:
    """The table around `rows` (from `unit_rows` with the same `show_region`):
    the directory keeps its rows in a memo and adds caption and headers."""
    headers = [_header(_("Name")), _header(_("Art"))]
    if show_region:
        headers += [_header(_("Kreis")), _header(_("Land"))]
    headers += [_header(_("Einwohner"), numeric=True), _header(_("Netzwerk"))]
    # Safe: caption and labels go through escape, the rows are safe.
    return mark_safe(  # noqa: S308
        '<div class="kern-table-responsive"><table class="kern-table kern-table--striped">'
        f'<caption class="kern-title">{conditional_escape(caption)}</caption>'
        '<thead class="kern-table__head"><tr class="kern-table__row">'
        f"{''.join(headers)}</tr></thead>"
        f'<tbody class="kern-table__body">{rows}</tbody></table></div>'
    )


def unit_rows(units: Iterable[Municipality], *, show_region: bool) -> SafeString:
    """The rows of `unit_table` (the body of the table)."""
    member = (
        '<span class="kern-badge kern-badge--success kern-badge--small">'
        f'<span class="kern-label kern-label--small">{escape(_("Mitglied"))}</span></span>'
    )
    no_member = f'<span class="kern-sr-only">{escape(_("kein Mitglied"))}</span>'
    levels = {value: escape(str(label)) for value, label in Level.choices}
    detail_url = row_address("municipalities:detail", EACH)
    rows = []
    for unit in units:
        url = escape(detail_url(unit.ags))
        kind = escape(unit.type_label) if unit.type_label else levels.get(unit.level, unit.level)
        region = ""
        if show_region:
            district = unit.district_name  # type: ignore[attr-defined]
            state = unit.state_name  # type: ignore[attr-defined]
            region = (
                f'<td class="kern-table__cell">{escape(district) if district else "–"}</td>'
                f'<td class="kern-table__cell">{escape(state) if state else "–"}</td>'
            )
        population = (
            "–" if unit.population is None else conditional_escape(localize(unit.population))
        )
        rows.append(
            '<tr class="kern-table__row">'
            f'<th scope="row" class="kern-table__cell"><a class="kern-link" href="{url}">'
            f"{escape(unit.name)}</a></th>"
            f'<td class="kern-table__cell">{kind}</td>'
            f"{region}"
            f'<td class="kern-table__cell kern-table__cell--numeric">{population}</td>'
            f'<td class="kern-table__cell">{member if getattr(unit, "is_member", False) else no_member}</td>'
            "</tr>"
        )
    # Safe: names, labels and addresses go through escape.
    return mark_safe("".join(rows))  # noqa: S308
