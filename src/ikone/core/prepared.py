"""Queries compiled once per process (issue 15).

Building a queryset and compiling it to SQL costs Django's ORM more than
running a small query: the section of a history page (a join over draft and
organisation with the person's role as a subquery) took 1.3 of its 1.9 ms to
build and compile, the database answered in the rest. A query a hot page
runs on every request with only its values changing is therefore built and
compiled once per process and database, and afterwards only run:

    section_for_history = PreparedQuery(
        lambda pk, key: DraftSection.objects.filter(draft_id=pk, key=key),
        pk=int,
        key=str,
    )
    section = section_for_history.first(pk=5, key="ausgangslage")

The queryset is compiled twice, with two different sets of stand-in values.
The SQL must come out the same (a query whose shape depends on its values,
such as `pk__in=[...]` or a slice, cannot be prepared), and the positions in
the parameter list where the two differ are where each value goes; a value
that does not arrive unchanged in the parameters (`__icontains` wraps it in
`%`) is refused when the query is prepared, so a test that runs the query
once finds the mistake. Results are model instances or rows exactly as the
queryset would give (the same iterables turn rows into objects).

Only for queries whose SQL does not depend on the active language or time
zone, and whose `build` uses nothing but its values: a day, a setting or
anything else read inside `build` is compiled in once and kept for the life
of the process (the clock's `now()` differs between the two compilations
and is refused; today's date would not be). A query without values is
fine: it is compiled once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql.query import Query

_Row = TypeVar("_Row", covariant=True)

# Two sets of stand-in values no real row has: within the 32-bit integer
# range (Django turns an out-of-range integer lookup into an empty result
# without SQL) and distinct per parameter and set.
_PROBE_INTEGERS = (2_146_000_001, 2_147_000_001)
_PROBE_TEXT = ("\x1eprobe-a-", "\x1eprobe-b-")


class PreparationError(Exception):
    """The queryset cannot be prepared (its SQL depends on its values)."""


@dataclass(frozen=True)
class _Compiled:
    queryset: QuerySet[Any, Any]
    sql: str
    params: tuple[Any, ...]
    # (position in params, name of the value) for every value.
    slots: tuple[tuple[int, str], ...]
    select: Any
    klass_info: Any
    annotation_col_map: Any
    col_count: int
    has_extra_select: bool


class PreparedQuery(Generic[_Row]):
    def __init__(self, build: Callable[..., QuerySet[Any, _Row]], **kinds: type) -> None:
        """`build` makes the queryset from named values; `kinds` names each
        value's type (int or str)."""
        for name, kind in kinds.items():
            if kind not in (int, str):
                raise PreparationError(f"{name}: only int and str values can be prepared")
        self._build = build
        self._kinds = kinds
        self._compiled: dict[tuple[str, str, bool], _Compiled] = {}

    def all(self, *, using: str = "default", **values: Any) -> list[_Row]:
        """Every row, as `list(queryset)` would give them."""
        return list(self._queryset(using, values, first=False))

    def first(self, *, using: str = "default", **values: Any) -> _Row | None:
        """The first row (ordered as the queryset is, else by primary key), or None."""
        for row in self._queryset(using, values, first=True):
            return row
        return None

    def _queryset(self, using: str, values: dict[str, Any], *, first: bool) -> QuerySet[Any, _Row]:
        if values.keys() != self._kinds.keys():
            raise TypeError(f"expected the values {sorted(self._kinds)}, got {sorted(values)}")
        # A test database replaces the alias's database under the same name:
        # the vendor keeps compiled SQL of one backend away from another.
        key = (using, connections[using].vendor, first)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(using, first=first)
        params = list(compiled.params)
        for position, name in compiled.slots:
            params[position] = self._kinds[name](values[name])
        queryset = compiled.queryset._chain()  # type: ignore[attr-defined]
        # Query.clone() itself makes its copies this way.
        queryset.query.__class__ = _PreparedSQL
        queryset.query.compiled = compiled
        queryset.query.values = tuple(params)
        return queryset  # type: ignore[no-any-return]

    def _probes(self, probe_set: int) -> dict[str, Any]:
        probes: dict[str, Any] = {}
        for number, (name, kind) in enumerate(self._kinds.items()):
            if kind is int:
                probes[name] = _PROBE_INTEGERS[probe_set] + number
            else:
                probes[name] = f"{_PROBE_TEXT[probe_set]}{number}"
        return probes

    def _compile(self, using: str, *, first: bool) -> _Compiled:
        compiled = []
        for probe_set in (0, 1):
            queryset = self._build(**self._probes(probe_set)).using(using)
            if first:
                if not queryset.ordered:
                    queryset = queryset.order_by("pk")
                queryset = queryset[:1]
            compiler = queryset.query.get_compiler(using=using)
            sql, params = compiler.as_sql()
            compiled.append((queryset, compiler, sql, tuple(params)))
        (queryset, compiler, sql, params), (_queryset, _compiler, other_sql, other_params) = (
            compiled
        )
        if sql != other_sql or len(params) != len(other_params):
            raise PreparationError("the SQL depends on the values")
        slots = self._slots(params, other_params)
        for name in self._kinds:
            for probe_set in (0, 1):
                if str(self._probes(probe_set)[name]) in sql:
                    raise PreparationError(f"{name} is written into the SQL itself")
        return _Compiled(
            queryset=queryset,
            sql=sql,
            params=params,
            slots=slots,
            select=compiler.select,
            klass_info=compiler.klass_info,
            annotation_col_map=compiler.annotation_col_map,
            col_count=compiler.col_count,
            has_extra_select=compiler.has_extra_select,
        )

    def _slots(
        self, params: tuple[Any, ...], other_params: tuple[Any, ...]
    ) -> tuple[tuple[int, str], ...]:
        by_probe = {
            (first, second): name
            for name, first, second in zip(
                self._kinds, self._probes(0).values(), self._probes(1).values(), strict=True
            )
        }
        slots = []
        for position, pair in enumerate(zip(params, other_params, strict=True)):
            if pair[0] == pair[1]:
                continue
            if pair not in by_probe:
                raise PreparationError(f"parameter {position} is a changed value: {pair[0]!r}")
            slots.append((position, by_probe[pair]))
        missing = set(self._kinds) - {name for _position, name in slots}
        if missing:
            raise PreparationError(f"not among the parameters: {', '.join(sorted(missing))}")
        return tuple(slots)


class _PreparedSQL(Query):
    """A query that hands out its compiled SQL instead of compiling."""

    compiled: _Compiled
    values: tuple[Any, ...]

    def get_compiler(
        self, using: str | None = None, connection: Any = None, elide_empty: bool = True
    ) -> Any:
        if connection is None:
            connection = connections[using or "default"]
        base = connection.ops.compiler(self.compiler)
        return _compiler_class(base)(self, connection, using, elide_empty)


class _PreparedCompiler:
    """Mixed into the backend's compiler: the compiling steps replaced by
    what the first compilation left."""

    query: _PreparedSQL

    def __init__(self, query: _PreparedSQL, *args: Any) -> None:
        super().__init__(query, *args)  # type: ignore[call-arg]
        compiled = query.compiled
        self.select = compiled.select
        self.klass_info = compiled.klass_info
        self.annotation_col_map = compiled.annotation_col_map
        self.col_count = compiled.col_count
        self.has_extra_select = compiled.has_extra_select

    def as_sql(self, *args: Any, **kwargs: Any) -> tuple[str, tuple[Any, ...]]:
        return self.query.compiled.sql, self.query.values


_compiler_classes: dict[type, type] = {}


def _compiler_class(base: type) -> type:
    if base not in _compiler_classes:
        _compiler_classes[base] = type(f"Prepared{base.__name__}", (_PreparedCompiler, base), {})
    return _compiler_classes[base]
