"""Who may open which address: every URL pattern of the project, requested
as each role, compared with the rows the apps contribute.

Each app lists its URL patterns in `tests/<app>/access.py` (the vocabulary
is in tests/access.py); this module discovers them. The patterns come from
Django's resolver (all of them, recursively, also the included apps and the
German paths of `i18n_patterns`). A pattern without a row fails
`test_every_url_pattern_has_a_row`; a row without a pattern fails too, and
so does a row two modules claim, so the table never lies about what exists.

Left out, by one explicit rule (`is_skipped`): everything *below* /cms/
(Wagtail's admin, which checks its own permissions per view) and below
/admin/ (Django's admin, staff only by construction). Their roots stay in
the table, so who reaches either admin at all is checked. Static and media
files are not URL patterns.

Every role requests the same objects of organisation A (its slug, a staff
membership, an open invitation, a pending join request, …, created by the
modules' `objects()`); staff of organisation B must never see A's non-public
pages (`PRIVATE_TO_A`). Each request runs in a transaction that is rolled
back, so a POST of one role does not change what the next role sees.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.access import LOGIN, ROLES, Base, Expected, Row
from tests.accounts.fixtures import *  # noqa: F403

LOGIN_PATHS = ("/konto/login/", "/cms/login/", "/admin/login/")
TESTS = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------
# Enumerating the patterns


@dataclass(frozen=True)
class Pattern:
    key: str
    route: str
    name: str | None
    params: tuple[str, ...]
    positional: int


def _walk(
    patterns: list[Any], prefix: str = "", namespace: str = "", params: tuple[str, ...] = ()
) -> Iterator[Pattern]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        regex = entry.pattern.regex
        names = params + tuple(regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, route, inner, names)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            key = (name or route) + (" [format]" if "format" in names else "")
            positional = 0 if regex.groupindex else regex.groups
            yield Pattern(key=key, route=route, name=name, params=names, positional=positional)


SKIPPED_PREFIXES = ("cms/", "admin/")


def is_skipped(pattern: Pattern) -> bool:
    """Everything below /cms/ and /admin/, but not their roots."""
    return pattern.route.startswith(SKIPPED_PREFIXES) and pattern.route not in SKIPPED_PREFIXES


def project_patterns() -> list[Pattern]:
    return [pattern for pattern in _walk(get_resolver().url_patterns) if not is_skipped(pattern)]


# ---------------------------------------------------------------------------
# The table, from the apps' modules


def access_modules() -> list[ModuleType]:
    """Every `tests/<app>/access.py`, by app name."""
    return [
        importlib.import_module(f"tests.{path.parent.name}.access")
        for path in sorted(TESTS.glob("*/access.py"))
    ]


def _merged(attribute: str) -> dict[str, Any]:
    """One dict from every module's `attribute`; a key in two modules fails."""
    merged: dict[str, Any] = {}
    owner: dict[str, str] = {}
    for module in access_modules():
        for key, value in getattr(module, attribute, {}).items():
            assert key not in merged, (
                f"{attribute}[{key!r}] is in both {owner[key]} and {module.__name__}"
            )
            merged[key] = value
            owner[key] = module.__name__
    return merged


MATRIX: dict[str, Row] = _merged("ROWS")
PRIVATE_TO_A: set[str] = set().union(
    *(getattr(module, "PRIVATE_TO_A", set()) for module in access_modules())
)
Values = dict[str, Any]
PARAMETERS: dict[str, Callable[[Values], Any]] = _merged("PARAMETERS")
# `slug` means another object's slug below these prefixes.
SLUG_BY_PREFIX: dict[str, Callable[[Values], str]] = _merged("SLUG_BY_PREFIX")
# `pk` depends on the path segment before it.
PK_BY_SEGMENT: dict[str, Callable[[Values], int]] = _merged("PK_BY_SEGMENT")
POSITIONAL: dict[str, Callable[[Values], list[Any]]] = _merged("POSITIONAL")


@dataclass
class Objects:
    """The values the modules' `objects()` returned, and the strings only
    organisation A's people (and coordinators) may read."""

    values: Values
    secrets_of_a: tuple[str, ...]


# ---------------------------------------------------------------------------
# Running it


def _parameter(pattern: Pattern, name: str, objects: Objects) -> Any:
    values = objects.values
    if name == "pk":
        # Django paths say <int:pk>, DRF's router regexes (?P<pk>…).
        before = re.split(r"<int:pk>|\(\?P<pk>", pattern.route)[0].replace("^", "")
        for segment, value in PK_BY_SEGMENT.items():
            # Whole segments only: "anfragen/" must not match "fragen/".
            if before == segment or before.endswith("/" + segment):
                return value(values)
    if name == "slug":
        for prefix, value in SLUG_BY_PREFIX.items():
            if pattern.route.startswith(prefix):
                return value(values)
    if name in PARAMETERS:
        return PARAMETERS[name](values)
    raise AssertionError(
        f"No value for URL parameter {name!r} of {pattern.route!r}: add it to the "
        "PARAMETERS (or SLUG_BY_PREFIX, PK_BY_SEGMENT) of the app's tests/<app>/access.py"
    )


def _url(pattern: Pattern, objects: Objects) -> str:
    assert pattern.name, f"Unnamed pattern {pattern.route!r}: give it a name to test it"
    kwargs = {name: _parameter(pattern, name, objects) for name in pattern.params}
    args = POSITIONAL[pattern.name](objects.values) if pattern.positional else None
    return reverse(pattern.name, args=args, kwargs=kwargs or None)


def _outcome(response: Any) -> Expected:
    if response.status_code in (301, 302) and response["Location"].split("?")[0].endswith(
        LOGIN_PATHS
    ):
        return LOGIN
    return int(response.status_code)


def _request(client: Client, method: str, url: str) -> Any:
    with transaction.atomic():
        response = client.generic(method, url)
        transaction.set_rollback(True)
    return response


def _leaked(response: Any, secrets: tuple[str, ...]) -> list[str]:
    if response.status_code != 200 or response.streaming:
        return []
    content = response.content.decode(errors="replace")
    return [secret for secret in secrets if secret in content]


@pytest.fixture
def objects(
    organization, other_organization, contact_person, staff_member, other_staff, primary_network
) -> Objects:
    base = Base(
        organization=organization,
        other_organization=other_organization,
        contact_person=contact_person,
        staff_member=staff_member,
        other_staff=other_staff,
        primary_network=primary_network,
    )
    values: Values = {}
    secrets: list[str] = []
    for module in access_modules():
        if not hasattr(module, "objects"):
            continue
        created = dict(module.objects(base))
        secrets.extend(created.pop("secrets", ()))
        taken = values.keys() & created.keys()
        assert not taken, f"{module.__name__}.objects() reuses the names {sorted(taken)}"
        values.update(created)
    return Objects(values=values, secrets_of_a=tuple(secrets))


def test_every_url_pattern_has_a_row():
    keys = {pattern.key for pattern in project_patterns()}
    missing = sorted(keys - MATRIX.keys())
    stale = sorted(MATRIX.keys() - keys)
    assert not missing, (
        "URL patterns without a row (add one per pattern to ROWS in the app's "
        "tests/<app>/access.py, with the status each role should get):\n  " + "\n  ".join(missing)
    )
    assert not stale, "Rows for URL patterns that no longer exist:\n  " + "\n  ".join(stale)


def test_private_pages_of_a_are_closed_to_b():
    for key in PRIVATE_TO_A:
        assert MATRIX[key].expected["staff_b"] in (403, 404), key


def test_only_admin_internals_are_left_out():
    skipped = [pattern for pattern in _walk(get_resolver().url_patterns) if is_skipped(pattern)]
    assert skipped, "the skip rule should leave out the admins' inner pages"
    assert all(pattern.route.startswith(("cms/", "admin/")) for pattern in skipped)
    assert {"wagtailadmin_home", "admin:index"} <= MATRIX.keys()


@pytest.mark.parametrize("pattern", project_patterns(), ids=lambda pattern: pattern.key)
def test_access(pattern: Pattern, objects: Objects, client_for) -> None:
    spec = MATRIX.get(pattern.key, Row(expected={}))
    url = _url(pattern, objects)
    responses = {role: _request(client_for(role), spec.method, url) for role in ROLES}
    actual = {role: _outcome(response) for role, response in responses.items()}
    for role in () if spec.capability else ("anonymous", "staff_b", "mentor"):
        leaked = _leaked(responses[role], objects.secrets_of_a)
        assert not leaked, f"{url} shows {role} what only organisation A may read: {leaked}"
    if os.environ.get("ACCESS_MATRIX_PRINT"):
        statuses = ", ".join(repr(actual[role]) for role in ROLES)
        print(f'\n    "{pattern.key}": row({statuses}),  # {spec.method} {url}')
        return
    assert actual == spec.expected, (
        f"{spec.method} {url} ({pattern.key}): roles {ROLES}\n"
        f"  expected {[spec.expected.get(role) for role in ROLES]}\n"
        f"  actual   {[actual[role] for role in ROLES]}"
    )


GET_PATTERNS = [
    pattern
    for pattern in project_patterns()
    if MATRIX.get(pattern.key, Row(expected={})).method == "GET"
]
# Anonymous before and after everyone else, and everyone else before and
# after the anonymous visitor: a page stored for one must never reach another.
WARM_ORDERS = (
    ("anonymous", *ROLES[1:], "anonymous"),
    (*ROLES[1:], "anonymous", *ROLES[1:]),
)


@pytest.mark.parametrize("pattern", GET_PATTERNS, ids=lambda pattern: pattern.key)
def test_access_with_the_page_cache_warm(
    pattern: Pattern, objects: Objects, client_for, settings
) -> None:
    """The same table with the page cache on (docs/adr/0006-page-cache.md)."""
    settings.PAGE_CACHE_ENABLED = True
    spec = MATRIX[pattern.key]
    url = _url(pattern, objects)
    clients = {role: client_for(role) for role in ROLES}
    for order in WARM_ORDERS:
        cache.clear()
        for role in order:
            response = _request(clients[role], "GET", url)
            assert _outcome(response) == spec.expected[role], (
                f"{url} as {role} after {order[: order.index(role)]} with the page cache on: "
                f"{_outcome(response)!r}, expected {spec.expected[role]!r}"
            )
            if role != "anonymous":
                assert response.get("X-Page-Cache") != "hit", f"{url}: {role} got a shared page"
            if not spec.capability and role in ("anonymous", "staff_b", "mentor"):
                leaked = _leaked(response, objects.secrets_of_a)
                assert not leaked, f"{url} shows {role} with the cache warm: {leaked}"


def test_the_secrets_checked_above_are_shown_to_organisation_a(objects, client_for):
    """Otherwise the leak check would pass for the wrong reason."""
    url = reverse("organizations:members", kwargs={"slug": objects.values["org_slug"]})
    content = client_for("contact_a").get(url).content.decode()
    for secret in objects.values["members_page_secrets"]:
        assert secret in content
        assert secret in objects.secrets_of_a
