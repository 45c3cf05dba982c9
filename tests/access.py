"""The vocabulary of the access matrix (tests/test_access_matrix.py), which
every app's `tests/<app>/access.py` uses to contribute its rows.

A contribution module holds:

- `ROWS`: URL name (or route, plus " [format]" for DRF's suffix patterns)
  → `Row` of the status each role gets. Required; every pattern of the
  project needs exactly one row in exactly one module.
- `PRIVATE_TO_A`: rows showing organisation A's non-public data, which
  staff of B must never open (optional).
- `objects(base)`: creates the app's objects of organisation A and returns
  named values (ids, slugs); a value "secrets" is a tuple of strings only
  A's people may read (optional).
- `PARAMETERS` (URL parameter → value), `SLUG_BY_PREFIX` (route prefix →
  the slug below it), `PK_BY_SEGMENT` (path segment before `<pk>` → pk),
  `POSITIONAL` (URL name → positional arguments): callables over the
  values of all modules (optional).

Expected values: a status code, or LOGIN for a redirect to a login page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ROLES = ("anonymous", "staff_a", "staff_b", "contact_a", "mentor", "coordinator", "admin")
LOGIN = "login"
Expected = int | str


@dataclass(frozen=True)
class Row:
    """Expected results per role; `method` is POST for action endpoints
    (an empty form is enough to see whether the role gets in)."""

    expected: dict[str, Expected]
    method: str = "GET"
    # The address carries a secret (an invitation token): whoever holds it
    # may read what it opens.
    capability: bool = False


@dataclass(frozen=True)
class Base:
    """The people and organisations every module's `objects()` may use."""

    organization: Any
    other_organization: Any
    contact_person: Any
    staff_member: Any
    other_staff: Any
    primary_network: Any


def row(*statuses: Expected, method: str = "GET", capability: bool = False) -> Row:
    assert len(statuses) == len(ROLES), statuses
    return Row(dict(zip(ROLES, statuses, strict=True)), method=method, capability=capability)


def post(*statuses: Expected) -> Row:
    return row(*statuses, method="POST")


def everyone(status: Expected, **options: Any) -> Row:
    return row(*[status] * len(ROLES), **options)


PUBLIC = everyone(200)
SIGNED_IN = row(LOGIN, 200, 200, 200, 200, 200, 200)
# Organisation A's own management pages: its Ansprechperson, coordinators, admins.
MANAGED_BY_CONTACT = row(LOGIN, 403, 403, 200, 403, 200, 200)
# The same as POST actions, which redirect back after doing their work.
ACTION_BY_CONTACT = post(LOGIN, 403, 403, 302, 403, 302, 302)
COORDINATION = row(LOGIN, 403, 403, 403, 403, 200, 200)
ADMIN_ROOT = row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200, 200)
# allauth pages that need a pending step (a code, a set password) and send
# everyone else on.
STEP_PENDING = row(LOGIN, 302, 302, 302, 302, 302, 302)
# A draft of organisation A that is not shared: its people only.
DRAFT_OF_A = row(LOGIN, 200, 404, 200, 404, 404, 404)
