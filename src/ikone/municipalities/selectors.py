"""Reads of the municipality directory, for the HTML pages and the API.

Every function returns its rows in a fixed number of queries, however many
units match: related units come through select_related, network status
through subqueries.
"""

from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from ikone.core.text import fold
from ikone.municipalities import membership
from ikone.municipalities.kinds import kind_filter
from ikone.municipalities.models import Level, Municipality

RELATED = ("parent", "state", "district")


@dataclass(frozen=True)
class DirectoryFilter:
    """What the directory is narrowed to. Empty values do not filter.

    `kind` is a value of `kinds.KIND_VALUES`; `members_only` keeps units
    whose organisation is a member of the primary network.
    """

    q: str = ""
    state_key: str = ""
    district_key: str = ""
    kind: str = ""
    members_only: bool = False


@dataclass(frozen=True)
class Subdivisions:
    """The units directly below one unit, as its detail page lists them."""

    districts: list[Municipality] = field(default_factory=list)
    associations: list[Municipality] = field(default_factory=list)
    municipalities: list[Municipality] = field(default_factory=list)


def _primary_memberships() -> QuerySet:
    """Current memberships in the primary network (the accounts app's rule,
    see `membership`) of the organisation of the outer unit."""
    return membership.source().memberships()


def _with_membership(queryset: QuerySet[Municipality]) -> QuerySet[Municipality]:
    return queryset.annotate(is_member=Exists(_primary_memberships()))


def municipality_list(*, filters: DirectoryFilter) -> QuerySet[Municipality]:
    """Units matching `filters`, each annotated with `is_member`.

    A search `q` is folded like `search_name` (umlauts, ß, case) and matched
    anywhere in the name; names equal to the query come first, then names
    starting with it, then the rest, each alphabetically.
    """
    queryset = _with_membership(Municipality.objects.select_related(*RELATED))
    if filters.state_key:
        queryset = queryset.filter(state__ags=filters.state_key)
    if filters.district_key:
        queryset = queryset.filter(district__ags=filters.district_key)
    if filters.kind:
        queryset = queryset.filter(kind_filter(filters.kind))
    if filters.members_only:
        queryset = queryset.filter(Exists(_primary_memberships()))
    query = fold(filters.q)
    if not query:
        return queryset.order_by("search_name", "ags")
    return (
        queryset.filter(search_name__contains=query)
        .annotate(
            rank=Case(
                When(Q(search_name=query) | Q(search_name__startswith=f"{query},"), then=Value(0)),
                When(search_name__startswith=query, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "search_name", "ags")
    )


def municipality_get(*, ags: str) -> Municipality:
    """One unit by its key, with parent, Land and Kreis, and annotated with
    `is_member`, `member_since` and `member_since_precision` (day, month or
    year; primary network), `network_name` and its
    organisation's `organization_slug` / `organization_name` (or None).

    Raises Municipality.DoesNotExist.
    """
    organizations = membership.source().organizations()
    return (
        _with_membership(Municipality.objects.select_related(*RELATED))
        .annotate(
            member_since=Subquery(_primary_memberships().values("member_since")[:1]),
            member_since_precision=Subquery(
                _primary_memberships().values("member_since_precision")[:1]
            ),
            network_name=Subquery(membership.source().primary_network().values("name")[:1]),
            organization_slug=Subquery(organizations.values("slug")[:1]),
            organization_name=Subquery(organizations.values("name")[:1]),
        )
        .get(ags=ags)
    )


def municipality_subdivisions(*, municipality: Municipality) -> Subdivisions:
    """What lies below `municipality` in one query: a Land's Kreise, a
    Kreis's Gemeindeverbände and all its Gemeinden, a Gemeindeverband's
    Gemeinden. Each unit is annotated with `is_member`."""
    level = municipality.level
    if level == Level.MUNICIPALITY:
        return Subdivisions()
    if level == Level.STATE:
        condition = Q(state=municipality, level=Level.DISTRICT)
    elif level == Level.DISTRICT:
        condition = Q(district=municipality, level__in=[Level.ASSOCIATION, Level.MUNICIPALITY])
    else:
        condition = Q(parent=municipality)
    units = list(
        _with_membership(Municipality.objects.filter(condition)).order_by("search_name", "ags")
    )
    return Subdivisions(
        districts=[unit for unit in units if unit.level == Level.DISTRICT],
        associations=[unit for unit in units if unit.level == Level.ASSOCIATION],
        municipalities=[unit for unit in units if unit.level == Level.MUNICIPALITY],
    )


# Filter choices list hundreds of Kreise on every directory page; loading
# only these columns keeps that cheap.
CHOICE_FIELDS = ("ags", "name", "type_label", "search_name")


def state_list() -> QuerySet[Municipality]:
    """All Länder, by key (only the columns the filter choices show)."""
    return Municipality.objects.filter(level=Level.STATE).only(*CHOICE_FIELDS).order_by("ags")


def district_list(*, state_key: str = "") -> QuerySet[Municipality]:
    """Kreise and kreisfreie Städte by name, optionally of one Land only."""
    queryset = Municipality.objects.filter(level=Level.DISTRICT).only(*CHOICE_FIELDS)
    if state_key:
        queryset = queryset.filter(state__ags=state_key)
    return queryset.order_by("search_name", "ags")
