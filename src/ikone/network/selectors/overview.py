"""The coordinators' overview: engagement per organisation and per Kreis in
a period, members and non-members served, and the registered totals.

Every number is counted in the database through the registry
`core.figures` (each app registers what it counts), so this module knows no
app but accounts and municipalities. Queries: two for the organisations'
places and membership, one per engagement figure, one or two per total,
however many organisations and records there are — on a miss: the numbers
are memos (`ikone.core.pagecache.memo`), reused while no counted table
changed, so a repeated view costs no counting query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ikone.core import figures
from ikone.core.figures import Engagement, Measure, Period, Total
from ikone.core.pagecache import memo
from ikone.network.selectors.places import NO_DISTRICT, Place, organization_places

# The Kreis filter's value for organisations without one (cooperations).
WITHOUT_DISTRICT = "ohne"


@dataclass(frozen=True)
class Scope:
    """Which organisations a table covers: a Land (2 digits), a Kreis
    (5 digits) or both empty for all, and whether only members count."""

    state: str = ""
    district: str = ""

    @property
    def is_everything(self) -> bool:
        return not self.state and not self.district

    def covers(self, place: Place) -> bool:
        if self.district == WITHOUT_DISTRICT:
            return place.district_ags == NO_DISTRICT
        if self.district:
            return place.district_ags == self.district
        if self.state:
            return place.state_ags == self.state
        return True


@dataclass
class Line:
    """One row of a table: an organisation or a Kreis, with one value per
    engagement figure in registry order."""

    key: str  # slug of the organisation, AGS of the Kreis ("" = without Kreis)
    label: str
    values: list[int]
    organizations: int = 1
    engaged: int = 0
    members: int = 0
    place: Place | None = None
    url: str = ""  # the list behind the row's figures
    urls: list[str] = field(default_factory=list)  # one per figure

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class Served:
    members: int
    non_members: int
    current_members: int


@dataclass(frozen=True)
class TotalValue:
    total: Total
    value: Measure


@dataclass
class Engagements:
    columns: list[Engagement]
    organizations: list[Line] = field(default_factory=list)
    districts: list[Line] = field(default_factory=list)
    served: Served = Served(0, 0, 0)


def _organization_lines(
    places: Sequence[Place], columns: Sequence[Engagement], counts: dict[str, dict[int, int]]
) -> list[Line]:
    lines = []
    for place in places:
        values = [counts[column.key].get(place.organization_id, 0) for column in columns]
        engaged = int(any(values))
        lines.append(
            Line(
                key=place.slug,
                label=place.name,
                values=values,
                engaged=engaged,
                members=int(place.is_member),
                place=place,
            )
        )
    return lines


def _district_lines(lines: Sequence[Line], width: int) -> list[Line]:
    by_district: dict[str, Line] = {}
    for line in lines:
        place = line.place
        ags = place.district_ags if place else NO_DISTRICT
        district = by_district.get(ags)
        if district is None:
            label = place.district_name if place else ""
            district = by_district[ags] = Line(
                key=ags, label=label, values=[0] * width, organizations=0
            )
        district.values = [a + b for a, b in zip(district.values, line.values, strict=True)]
        district.organizations += 1
        district.engaged += line.engaged
        district.members += line.members
    return sorted(
        by_district.values(), key=lambda line: (line.key == NO_DISTRICT, line.label, line.key)
    )


def engagement_overview(*, period: Period, scope: Scope) -> Engagements:
    """Engagement per organisation and per Kreis within `scope`, and how many
    members and non-members were served (had any engagement) in `period`."""
    columns = figures.engagement()
    counts = memo.get_or_compute(
        f"network:engagement-counts:{_period_key(period)}:{','.join(c.key for c in columns)}",
        lambda: {column.key: column.count_for(period) for column in columns},
    )
    places = [place for place in cached_organization_places() if scope.covers(place)]
    lines = _organization_lines(places, columns, counts)
    served = Served(
        members=sum(1 for line in lines if line.engaged and line.members),
        non_members=sum(1 for line in lines if line.engaged and not line.members),
        current_members=sum(line.members for line in lines),
    )
    return Engagements(
        columns=columns,
        organizations=sorted(lines, key=lambda line: (-line.total, line.label)),
        districts=_district_lines(lines, len(columns)),
        served=served,
    )


def scope_organization_ids(
    scope: Scope, places: Sequence[Place] | None = None
) -> list[int] | None:
    """The organisations a chart counts for the scope: None for the whole
    network (then also what belongs to no organisation counts)."""
    if scope.is_everything:
        return None
    places = cached_organization_places() if places is None else places
    return [place.organization_id for place in places if scope.covers(place)]


def public_total_values() -> list[TotalValue]:
    """The public totals since the beginning (cached for a few minutes)."""
    values = figures.public_values()
    return [TotalValue(total, values.get(total.key)) for total in figures.totals(public_only=True)]


def total_values(*, period: Period, public_only: bool = False) -> list[TotalValue]:
    """Every registered total for the period (one or two queries each on a
    miss; a memo valid while the counted tables are unchanged)."""
    shown = figures.totals(public_only=public_only)
    values = memo.get_or_compute(
        f"network:totals:{_period_key(period)}:{','.join(total.key for total in shown)}",
        lambda: {total.key: total.value_for(period) for total in shown},
    )
    return [TotalValue(total, values[total.key]) for total in shown]


def cached_organization_places() -> list[Place]:
    """`organization_places()` as a memo (one query for ~2,000 organisations
    on a miss, none while organisations and memberships are unchanged)."""
    return memo.get_or_compute("network:organization-places", organization_places)


def _period_key(period: Period) -> str:
    return f"{period.since}:{period.until}"
