"""Participant list, check-in and people to register."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Case, Prefetch, Q, QuerySet, Value, When
from django.http import Http404
from django.utils.translation import gettext as _

from ikone.accounts.models import Membership, Organization, User
from ikone.accounts.visibility import (
    PERSON_SEARCH_MIN_LENGTH,
    Viewer,
    person_directory_filter,
)
from ikone.core.prepared import PreparedQuery
from ikone.events.exports import Table
from ikone.events.models import Event, Registration, RegistrationStatus

PERSON_SEARCH_LIMIT = 20
ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


# --- Participants ----------------------------------------------------------------


def registration_list(
    *, event: Event, query: str = "", active_only: bool = False
) -> list[Registration]:
    """The event's registrations, confirmed first, then the waiting list in
    its order, then cancelled; optionally only those matching `query`
    (name, e-mail or organisation). Only the fields the lists, counts and
    exports show are loaded (with the person's name and e-mail and the
    organisation's name); without a query the list is a prepared query
    (issue 15: the participant list and check-in ask for it on every visit)."""
    if not query:
        prepared = _ACTIVE_REGISTRATIONS if active_only else _REGISTRATIONS
        return prepared.all(event_id=event.pk)
    queryset = _registrations(event.pk, active_only=active_only).filter(
        Q(person__name__icontains=query)
        | Q(person__email__icontains=query)
        | Q(organization__name__icontains=query)
    )
    return list(queryset)


# What registration_list's rows show: the lists, the counts and the exports.
_LISTED_FIELDS = (
    "event_id", "person", "organization", "status", "waitlisted_at", "note",
    "accessibility_needs", "attended_at", "created_at",
    "person__name", "person__email", "organization__name",
)  # fmt: skip


def _registrations(event_id: int, *, active_only: bool) -> QuerySet[Registration]:
    queryset = (
        Registration.objects.filter(event_id=event_id)
        .select_related("person", "organization")
        .only(*_LISTED_FIELDS)
    )
    if active_only:
        queryset = queryset.filter(status__in=ACTIVE)
    order = Case(
        When(status=RegistrationStatus.CONFIRMED, then=Value(0)),
        When(status=RegistrationStatus.WAITLISTED, then=Value(1)),
        default=Value(2),
    )
    return queryset.order_by(order, "waitlisted_at", "person__name", "person__email", "pk")


_REGISTRATIONS = PreparedQuery(
    lambda event_id: _registrations(event_id, active_only=False), event_id=int
)
_ACTIVE_REGISTRATIONS = PreparedQuery(
    lambda event_id: _registrations(event_id, active_only=True), event_id=int
)


def registration_get_for_check_in(*, event: Event, pk: int) -> Registration:
    """One registration of this event (Http404 for another event's)."""
    registration = (
        Registration.objects.select_related("person", "organization", "event")
        .filter(event=event, pk=pk)
        .first()
    )
    if registration is None:
        raise Http404
    return registration


def attended_count(*, event: Event) -> int:
    """How many people are checked in."""
    return Registration.objects.filter(event=event, attended_at__isnull=False).count()


@dataclass(frozen=True)
class ParticipantCounts:
    confirmed: int
    waitlisted: int
    cancelled: int
    attended: int


def participant_counts(registrations: list[Registration]) -> ParticipantCounts:
    """Counted from an already loaded list (no query)."""
    statuses = Counter(registration.status for registration in registrations)
    return ParticipantCounts(
        confirmed=statuses[RegistrationStatus.CONFIRMED],
        waitlisted=statuses[RegistrationStatus.WAITLISTED],
        cancelled=statuses[RegistrationStatus.CANCELLED],
        attended=sum(1 for registration in registrations if registration.attended_at),
    )


def participant_table(*, event: Event) -> Table:
    """The participant list as exported (CSV and XLSX): every registration
    with status, organisation, waiting-list position and check-in."""
    registrations = registration_list(event=event)
    rows = []
    waitlist_position = 0
    for registration in registrations:
        position: int | str = ""
        if registration.status == RegistrationStatus.WAITLISTED:
            waitlist_position += 1
            position = waitlist_position
        rows.append(
            [
                registration.person.name,
                registration.person.email,
                registration.organization.name if registration.organization else "",
                registration.get_status_display(),
                position,
                registration.created_at,
                registration.attended_at is not None,
                registration.note,
                registration.accessibility_needs,
            ]
        )
    headers = [
        _("Name"),
        _("E-Mail-Adresse"),
        _("Organisation"),
        _("Status"),
        _("Platz auf der Warteliste"),
        _("angemeldet am"),
        _("anwesend"),
        _("Anmerkung"),
        _("Barrierefreiheit / Unterstützungsbedarf"),
    ]
    return Table(title=_("Teilnehmende"), headers=headers, rows=rows)


def _findable(viewer: Viewer):
    """Active people the searching person may find (`accounts.visibility`)."""
    people = User.objects.filter(is_active=True)
    allowed = person_directory_filter(viewer)
    return people if allowed is None else people.filter(allowed).distinct()


def person_search(*, event: Event, query: str, viewer: Viewer) -> list[User]:
    """People matching name or e-mail who have no active registration for
    the event yet, with their organisations (`event_memberships`): only
    people the searching person may find, and nobody for a query shorter
    than PERSON_SEARCH_MIN_LENGTH, so the list cannot enumerate accounts."""
    query = query.strip()
    if len(query) < PERSON_SEARCH_MIN_LENGTH:
        return []
    registered = Registration.objects.filter(event=event, status__in=ACTIVE).values("person_id")
    return list(
        _findable(viewer)
        .filter(Q(name__icontains=query) | Q(email__icontains=query))
        .exclude(pk__in=registered)
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("organization").order_by(
                    "organization__name"
                ),
                to_attr="event_memberships",
            )
        )
        .order_by("name", "email")[:PERSON_SEARCH_LIMIT]
    )


def person_get_for_registration(*, pk: int, viewer: Viewer) -> tuple[User, Organization | None]:
    """An active person the registering person may find, and the
    organisation to register them for (their first one by name); Http404
    otherwise, so ids cannot be tried one by one."""
    person = _findable(viewer).filter(pk=pk).first()
    if person is None:
        raise Http404
    membership = (
        Membership.objects.filter(user=person)
        .select_related("organization")
        .order_by("organization__name")
        .first()
    )
    return person, membership.organization if membership else None
