"""Who may see what: the platform's one visibility rule.

Every decision whether a person may see something (a question and its
answers, the asking organisation, an FAQ entry, a search document, a
suggestion, a follower's mail, an API result) is made here or by a
predicate that calls this module. Views, selectors, search, suggestions,
mails and the API all ask the same functions, so that no surface shows
what another hides.

The rule has one shape (`core.search.audience.Audience`): a thing has a
scope, an organisation and an owner; a person sees it when they hold the
scope, belong to the organisation or own it. Coordinators and operators
hold every scope. The scopes a person holds:

| scope     | held by                                                        |
|-----------|----------------------------------------------------------------|
| public    | everyone, also without an account                              |
| network   | people of current member organisations of the primary network, |
|           | mentors, coordinators                                          |
| mentors   | mentors and coordinators                                       |
| private   | coordinators (everyone else only through organisation/owner)   |

An organisation's unshared work (drafts and what hangs off them: sections,
documents, comments, cost items, support requests about a draft) follows a
stricter rule, also here (`work_access` for one item, `work_filter` for
lists): its organisation's people, the mentors it chose, and coordinators
only while it is shared with the network - nobody else, whatever their role.

`viewer_for` reads what the rule needs about a person in one query; a view
asks `viewer_of_request` to read it once per request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from django.db.models import Exists, OuterRef, Q

from ikone.accounts.models import Membership, NetworkMembership, Role
from ikone.core.datetimes import berlin_date
from ikone.core.prepared import PreparedQuery
from ikone.core.search.audience import ANONYMOUS as ANONYMOUS_AUDIENCE
from ikone.core.search.audience import Audience
from ikone.core.search.models import Visibility

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.http import HttpRequest

    from ikone.accounts.permissions import AnyUser


@dataclass(frozen=True)
class Viewer:
    """What the visibility rule needs to know about a person, read once."""

    user: AnyUser | None
    signed_in: bool = False
    is_coordinator: bool = False
    is_mentor: bool = False
    organization_ids: frozenset[int] = field(default_factory=frozenset)
    in_network: bool = False

    @property
    def pk(self) -> int | None:
        return self.user.pk if self.signed_in and self.user is not None else None

    @property
    def is_expert(self) -> bool:
        """Coordinators, operators and mentors see every question."""
        return self.is_coordinator or self.is_mentor

    @cached_property
    def audience(self) -> Audience:
        """The scopes this person holds (see the table in the module docstring)."""
        if not self.signed_in:
            return ANONYMOUS_AUDIENCE
        if self.is_coordinator:
            return Audience(sees_all=True, user_id=self.pk, is_coordinator=True)
        scopes = {Visibility.PUBLIC.value}
        if self.is_mentor or self.in_network:
            scopes.add(Visibility.NETWORK.value)
        if self.is_mentor:
            scopes.add(Visibility.MENTORS.value)
        return Audience(
            scopes=frozenset(scopes), organization_ids=self.organization_ids, user_id=self.pk
        )


ANONYMOUS = Viewer(user=None)


def _signed_in(user: AnyUser | None) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def viewer_for(user: AnyUser | None) -> Viewer:
    """The Viewer for a person: one query for their organisations and whether
    each is a current member of the primary network; none for visitors."""
    if user is None or not _signed_in(user):
        return ANONYMOUS
    rows = _memberships_of(user.pk or 0)
    return Viewer(
        user=user,
        signed_in=True,
        is_coordinator=bool(user.is_superuser or getattr(user, "is_coordinator", False)),
        is_mentor=bool(getattr(user, "is_mentor", False)),
        organization_ids=frozenset(org_id for org_id, _member in rows),
        in_network=any(member for _org_id, member in rows),
    )


# Every signed-in page reads the person's memberships: the query is built
# and compiled once per process and Berlin day (core.prepared), the day it
# compares membership ends with being part of the compiled query.
_MEMBERSHIPS: dict[date, PreparedQuery[tuple[int, bool]]] = {}


def _memberships_query(day: date) -> PreparedQuery[tuple[int, bool]]:
    current = NetworkMembership.objects.in_primary_network().current(today=day)
    return PreparedQuery(
        lambda user_id: (
            Membership.objects.filter(user_id=user_id)
            .annotate(member=Exists(current.filter(organization_id=OuterRef("organization_id"))))
            .values_list("organization_id", "member")
        ),
        user_id=int,
    )


def _memberships_of(user_id: int) -> list[tuple[int, bool]]:
    """(organisation id, is a current member of the primary network) per
    membership of the person."""
    day = berlin_date()
    query = _MEMBERSHIPS.get(day)
    if query is None:
        _MEMBERSHIPS.clear()
        query = _MEMBERSHIPS[day] = _memberships_query(day)
    return query.all(user_id=user_id)


def viewer_of_request(request: HttpRequest) -> Viewer:
    """The Viewer of the request's person, read once per request."""
    cached = getattr(request, "_ikone_viewer", None)
    if cached is None:
        cached = viewer_for(getattr(request, "user", None))
        request._ikone_viewer = cached  # type: ignore[attr-defined]
    return cached


def audience_for(user: AnyUser | None) -> Audience:
    """The person's search Audience (registered with core's search); no
    query for visitors, coordinators and operators."""
    if (
        user is not None
        and _signed_in(user)
        and (user.is_superuser or getattr(user, "is_coordinator", False))
    ):
        return Viewer(user=user, signed_in=True, is_coordinator=True).audience
    return viewer_for(user).audience


def in_network(user: AnyUser | None) -> bool:
    """The person belongs to a current member organisation of the primary network."""
    return viewer_for(user).in_network


# --- Questions, answers, FAQ -------------------------------------------------------


class ScopedQuestion(Protocol):
    """What the rule reads of a question (`qa.models.Question`)."""

    visibility: str
    organization_id: int | None
    author_id: int | None
    show_organization: bool
    hidden_at: datetime | None


def can_view_question(viewer: Viewer, question: ScopedQuestion) -> bool:
    """A question's visibility is its scope (`public`, `network`, `mentors`);
    the asking person and organisation always see it. Its answers are seen
    with it. A question hidden by the moderation is seen by coordinators
    only (and its FAQ entry, search document and suggestions go with it)."""
    if question.hidden_at is not None:
        return viewer.audience.sees_all
    return viewer.audience.sees(question.visibility, question.organization_id, question.author_id)


def question_filter(viewer: Viewer, prefix: str = "") -> Q | None:
    """`can_view_question` as a Q object (None: no restriction); `prefix`
    reaches the question through a relation, e.g. "question__"."""
    audience = viewer.audience
    if audience.sees_all:
        return None
    return Q(**{f"{prefix}hidden_at__isnull": True}) & audience.q(
        scope=f"{prefix}visibility",
        organization=f"{prefix}organization_id",
        owner=f"{prefix}author_id",
    )


def question_is_listed(question: ScopedQuestion) -> bool:
    """Whether the question may appear in the search index, suggestions and
    feeds at all (a hidden one does not, for anyone)."""
    return question.hidden_at is None


def can_see_asking_organization(viewer: Viewer, question: ScopedQuestion) -> bool:
    """Which organisation asked: everyone when the asker allowed it, else its
    own people, mentors and coordinators."""
    if question.show_organization:
        return True
    if viewer.is_expert:
        return True
    return viewer.signed_in and question.organization_id in viewer.organization_ids


# --- The people directory (finding a person to register or add) -------------------

# Shorter queries would list half the platform: "a" matches almost everyone.
PERSON_SEARCH_MIN_LENGTH = 3


def person_directory_filter(viewer: Viewer) -> Q | None:
    """Whom the person may find by name or address when adding someone (None:
    everyone). Coordinators and operators find everybody; everyone else only
    people who share an organisation with them, so the directory cannot be
    used to enumerate the platform's accounts."""
    if viewer.is_coordinator:
        return None
    if not viewer.signed_in or not viewer.organization_ids:
        return Q(pk__in=[])
    return Q(memberships__organization_id__in=viewer.organization_ids)


# --- Content with a scope only (knowledge articles, their attachments) ----------


def can_view_scope(viewer: Viewer, scope: str) -> bool:
    """Content that has a scope but no owning organisation or person (a
    knowledge article, an attachment): the scope decides alone."""
    return viewer.audience.sees(scope, None, None)


def scopes_of(viewer: Viewer) -> frozenset[str] | None:
    """The scopes the person holds (None: every scope), for list filters."""
    audience = viewer.audience
    return None if audience.sees_all else audience.scopes


# --- An organisation's unshared work (drafts and what hangs off them) -----------


@dataclass(frozen=True)
class WorkAccess:
    """How a person relates to a piece of an organisation's work."""

    member: bool = False  # staff or Ansprechperson of the organisation
    contact: bool = False  # Ansprechperson of the organisation
    mentor: bool = False  # a mentor the organisation shared the work with
    coordinator: bool = False  # coordinator/operator while shared with the network

    @property
    def any(self) -> bool:
        return self.member or self.mentor or self.coordinator


def _acts_for_network(user: AnyUser) -> bool:
    return bool(user.is_superuser or getattr(user, "is_coordinator", False))


def work_access(
    user: AnyUser | None,
    *,
    role: str | None,
    chosen_as_mentor: Callable[[], bool],
    shared_with_network: bool,
) -> WorkAccess:
    """The rule for one item: `role` is the person's role in the owning
    organisation (None: not a member); `chosen_as_mentor` is asked only for
    mentors (it may cost a query)."""
    if user is None or not _signed_in(user):
        return WorkAccess()
    return WorkAccess(
        member=role is not None,
        contact=role == Role.CONTACT,
        mentor=bool(getattr(user, "is_mentor", False) and chosen_as_mentor()),
        coordinator=shared_with_network and _acts_for_network(user),
    )


def own_organization_ids(user: AnyUser | None) -> list[int]:
    """The ids of the organisations the person belongs to (one small query)."""
    if user is None or not _signed_in(user):
        return []
    return list(
        Membership.objects.filter(user_id=int(user.pk or 0)).values_list(
            "organization_id", flat=True
        )
    )


def work_filter(
    user: AnyUser | None,
    *,
    organization_field: str,
    chosen_as_mentor: Q,
    network_flag: str,
    organization_ids: list[int] | None = None,
) -> Q:
    """The same rule as a list filter. The caller names its fields: the
    owning organisation's id, the condition "shared with this mentor" and
    the "shared with the network" flag. A caller that already read the
    person's organisations passes their ids (`own_organization_ids`): a
    list lets the database use the organisation index where a subquery
    inside an OR makes it read the whole table."""
    if user is None or not _signed_in(user):
        return Q(pk__in=[])
    own = (
        organization_ids
        if organization_ids is not None
        else Membership.objects.filter(user_id=int(user.pk or 0)).values("organization_id")
    )
    visible = Q(**{f"{organization_field}__in": own})
    if getattr(user, "is_mentor", False):
        visible |= chosen_as_mentor
    if _acts_for_network(user):
        visible |= Q(**{network_flag: True})
    return visible
