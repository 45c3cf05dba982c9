"""Reads of the municipality directory, for the HTML pages and the API.

Every function returns its rows in a fixed number of queries, however many
units match: related units come through select_related, network status
through subqueries.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from ikone.core.pagecache import memo
from ikone.core.text import fold
from ikone.core.widgets import options_html
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


# What the directory's table shows (municipalities.unit_rows): its rows
# read nothing else; Kreis and Land only by name (`municipality_table_list`).
TABLE_FIELDS = (
    "ags",
    "name",
    "level",
    "type_label",
    "population",
)


def _column_of(column: str, field: str) -> Subquery:
    """`field` of the unit the foreign key `column` points to (None without
    one): a subquery PostgreSQL evaluates for the rows of a page only, after
    sorting and cutting, where a join came before sorting every match."""
    units = Municipality.objects.filter(pk=OuterRef(column)).order_by()
    return Subquery(units.values(field)[:1])


def municipality_table_list(*, filters: DirectoryFilter) -> QuerySet[Municipality]:
    """`municipality_list` with only the columns the directory's table
    shows, the names of Kreis and Land as `district_name` and `state_name`."""
    return (
        municipality_list(filters=filters)
        .select_related(None)
        .only(*TABLE_FIELDS)
        .annotate(
            district_name=_column_of("district_id", "name"),
            state_name=_column_of("state_id", "name"),
        )
    )


# What the API's list shows of each unit (api.serializers.municipalities);
# Land, Kreis and parent only by their keys (`municipality_key_list`).
LIST_API_FIELDS = (
    "ags",
    "name",
    "name_short",
    "level",
    "type_code",
    "type_label",
    "population",
    "area_km2",
)


def municipality_key_list(*, filters: DirectoryFilter) -> QuerySet[Municipality]:
    """`municipality_list` with only the columns the API's list shows, and
    the keys of Land, Kreis and parent as `state_key`, `district_key` and
    `parent_key`: subqueries that PostgreSQL evaluates for the 50 rows of a
    page only (see `_column_of`; a search for "bach" joined 751 rows three
    times before)."""
    return (
        municipality_list(filters=filters)
        .select_related(None)
        .only(*LIST_API_FIELDS)
        .annotate(
            state_key=_column_of("state_id", "ags"),
            district_key=_column_of("district_id", "ags"),
            parent_key=_column_of("parent_id", "ags"),
        )
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


Choices = list[tuple[str, str]]


@dataclass(frozen=True)
class DirectoryChoices:
    """The Land and Kreis choices of the directory's filter form: Länder as
    (key, name) by key, Kreise as (key, label) grouped by Land name, each
    with their <option>s (`core.widgets.options_html`), and the keys of
    those Kreise."""

    states: Choices
    states_html: str
    district_groups: list[tuple[str, Choices]]
    districts_html: str
    district_keys: frozenset[str]


def directory_choices(*, land: str = "") -> DirectoryChoices:
    """The filter choices with the Kreise of Land `land` (of all where it is
    no Land's key). Länder and Kreise are memos until the directory's table
    changes: hundreds of Kreise, the same for everyone, read and grouped on
    every directory page before."""
    states = memo.get_or_compute("municipalities:directory-states", _state_units)
    state_key = land if land in {state.ags for state in states} else ""
    return memo.get_or_compute(
        f"municipalities:directory-choices:{state_key}",
        lambda: _directory_choices(states, state_key),
    )


@dataclass(frozen=True)
class _Unit:
    ags: str
    name: str
    type_label: str


def _state_units() -> list[_Unit]:
    return [_Unit(state.ags, state.name, state.type_label) for state in state_list()]


def _directory_choices(states: Sequence[_Unit], state_key: str) -> DirectoryChoices:
    districts = list(district_list(state_key=state_key))
    state_choices = [(state.ags, state.name) for state in states]
    district_groups = district_choices(states, districts)
    return DirectoryChoices(
        states=state_choices,
        states_html=options_html(state_choices),
        district_groups=district_groups,
        districts_html=options_html(district_groups),
        district_keys=frozenset(district.ags for district in districts),
    )


def district_choices(
    states: Sequence[Municipality | _Unit], districts: Sequence[Municipality]
) -> list[tuple[str, Choices]]:
    """Kreise grouped by Land (in key order). Names that occur twice in a
    Land, like Bavaria's "Ansbach" (Stadt and Landkreis), get their type."""
    names = Counter((district.ags[:2], district.name) for district in districts)
    groups: dict[str, Choices] = {state.ags: [] for state in states}
    for district in districts:
        label = district.name
        if names[(district.ags[:2], district.name)] > 1:
            label = f"{district.name} ({district.type_label})"
        groups.setdefault(district.ags[:2], []).append((district.ags, label))
    state_names = {state.ags: state.name for state in states}
    return [
        (state_names.get(key, key), choices) for key, choices in sorted(groups.items()) if choices
    ]


def state_list() -> QuerySet[Municipality]:
    """All Länder, by key (only the columns the filter choices show)."""
    return Municipality.objects.filter(level=Level.STATE).only(*CHOICE_FIELDS).order_by("ags")


def district_list(*, state_key: str = "") -> QuerySet[Municipality]:
    """Kreise and kreisfreie Städte by name, optionally of one Land only."""
    queryset = Municipality.objects.filter(level=Level.DISTRICT).only(*CHOICE_FIELDS)
    if state_key:
        queryset = queryset.filter(state__ags=state_key)
    return queryset.order_by("search_name", "ags")
