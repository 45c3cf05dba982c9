"""Reads for the coordinators' side of events: the events one runs, the
participant list, people to register, check-in, figures, materials and
feedback. Selectors never write; the `*_get_for_*` ones fetch and check in
one step (Http404 where the person may not see the event, PermissionDenied
where they see it but may not act).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from django.utils.translation import gettext as _

from ikone.accounts.models import Membership, NetworkMembership, Organization, User
from ikone.accounts.permissions import (
    is_network_coordinator,
    is_signed_in,
)
from ikone.events import permissions
from ikone.events.exports import Table
from ikone.events.models import (
    Event,
    EventStatus,
    FeedbackResponse,
    Material,
    Registration,
    RegistrationStatus,
)
from ikone.municipalities.models import Level

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser

PERSON_SEARCH_LIMIT = 20
ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


# --- Events ------------------------------------------------------------------


def event_get_for_manage(
    *, user: AnyUser, slug: str, check: Callable[[AnyUser, Event], bool]
) -> Event:
    """The event if `check(user, event)` allows the action.

    Http404 when it does not exist, or is a draft the person may not edit;
    PermissionDenied when they see it but may not act."""
    event = Event.objects.select_related("series").filter(slug=slug).first()
    if event is None:
        raise Http404
    if event.status == EventStatus.DRAFT and not permissions.can_add_material(user, event):
        raise Http404
    if not check(user, event):
        raise PermissionDenied
    return event


def event_list_for_manage(*, user: AnyUser) -> QuerySet[Event]:
    """Events the person helps run, newest first. Add the registration
    counts to the page shown with `with_registration_counts`."""
    queryset = Event.objects.select_related("series")
    if not is_network_coordinator(user):
        if not is_signed_in(user):
            return queryset.none()
        allowed = Q(editors=user)
        if user.is_mentor:
            allowed |= Q(allow_mentors_to_edit=True)
        queryset = queryset.filter(pk__in=Event.objects.filter(allowed).values("pk"))
    return queryset.order_by("-starts_at", "-pk")


def with_registration_counts(events: list[Event]) -> list[Event]:
    """Sets `confirmed_count`, `waitlisted_count` and `attended_count` on
    each event, counted for just these events in one query."""
    rows = (
        Registration.objects.filter(event_id__in=[event.pk for event in events])
        .values("event_id")
        .annotate(
            confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
            waitlisted=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
            attended=Count("pk", filter=Q(attended_at__isnull=False)),
        )
        .order_by()
    )
    counts: dict[int, dict[str, Any]] = {row["event_id"]: {**row} for row in rows}
    for event in events:
        row = counts.get(event.pk, {})
        event.confirmed_count = row.get("confirmed", 0)  # type: ignore[attr-defined]
        event.waitlisted_count = row.get("waitlisted", 0)  # type: ignore[attr-defined]
        event.attended_count = row.get("attended", 0)  # type: ignore[attr-defined]
    return events


def event_get_for_edit(*, event: Event) -> Event:
    """The event with what the edit form shows (speakers, agenda, fields of action)."""
    return (
        Event.objects.select_related("series")
        .prefetch_related(
            "fields_of_action",
            Prefetch("speakers", queryset=_speakers()),
            "agenda__speakers",
        )
        .get(pk=event.pk)
    )


def _speakers() -> QuerySet[Any]:
    from ikone.events.models import Speaker

    return Speaker.objects.select_related("user").order_by("position", "pk")


# --- Participants ----------------------------------------------------------------


def registration_list(
    *, event: Event, query: str = "", active_only: bool = False
) -> list[Registration]:
    """The event's registrations, confirmed first, then the waiting list in
    its order, then cancelled; optionally only those matching `query`
    (name, e-mail or organisation)."""
    queryset = Registration.objects.filter(event=event).select_related("person", "organization")
    if active_only:
        queryset = queryset.filter(status__in=ACTIVE)
    if query:
        queryset = queryset.filter(
            Q(person__name__icontains=query)
            | Q(person__email__icontains=query)
            | Q(organization__name__icontains=query)
        )
    order = Case(
        When(status=RegistrationStatus.CONFIRMED, then=Value(0)),
        When(status=RegistrationStatus.WAITLISTED, then=Value(1)),
        default=Value(2),
    )
    return list(queryset.order_by(order, "waitlisted_at", "person__name", "person__email", "pk"))


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


def person_search(*, event: Event, query: str) -> list[User]:
    """People matching name or e-mail who have no active registration for
    the event yet, with their organisations (`event_memberships`)."""
    registered = Registration.objects.filter(event=event, status__in=ACTIVE).values("person_id")
    return list(
        User.objects.filter(is_active=True)
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


def person_get_for_registration(*, pk: int) -> tuple[User, Organization | None]:
    """An active person and the organisation to register them for (their
    first one by name), Http404 if unknown."""
    person = User.objects.filter(pk=pk, is_active=True).first()
    if person is None:
        raise Http404
    membership = (
        Membership.objects.filter(user=person)
        .select_related("organization")
        .order_by("organization__name")
        .first()
    )
    return person, membership.organization if membership else None


# --- Figures ---------------------------------------------------------------------

NO_KREIS = "–"


@dataclass
class Breakdown:
    """People and distinct organisations in one group (a Kreis, or members
    / non-members), registered and attended."""

    label: str
    registered_people: int = 0
    attended_people: int = 0
    registered_organizations: set[int] = field(default_factory=set)
    attended_organizations: set[int] = field(default_factory=set)

    @property
    def registered_organization_count(self) -> int:
        return len(self.registered_organizations)

    @property
    def attended_organization_count(self) -> int:
        return len(self.attended_organizations)


@dataclass
class EventFigures:
    total: Breakdown
    waitlisted: int
    by_kreis: list[Breakdown]
    by_network_status: list[Breakdown]
    without_organization: int


def _kreis_label() -> Case:
    """The Kreis of the registration's organisation: its municipality's
    Kreis, the municipality itself when it is a Kreis or kreisfreie Stadt."""
    return Case(
        When(
            organization__municipality__level=Level.DISTRICT,
            then="organization__municipality__name",
        ),
        default="organization__municipality__district__name",
        output_field=CharField(),
    )


def event_figures(*, event: Event) -> EventFigures:
    """How many people and distinct organisations registered (confirmed)
    and attended, in total, by Kreis and by membership in the primary
    network. One query, whatever the number of registrations."""
    current_members = NetworkMembership.objects.in_primary_network().current()
    rows = (
        Registration.objects.filter(event=event)
        .filter(Q(status=RegistrationStatus.CONFIRMED) | Q(attended_at__isnull=False))
        .exclude(status=RegistrationStatus.CANCELLED)
        .annotate(
            kreis=_kreis_label(),
            is_member=Exists(current_members.filter(organization_id=OuterRef("organization_id"))),
        )
        .values_list("organization_id", "kreis", "is_member", "attended_at")
    )
    waitlisted = 0
    total = Breakdown(label=_("Insgesamt"))
    kreise: dict[str, Breakdown] = {}
    member_label, other_label = _("Netzwerkmitglieder"), _("keine Netzwerkmitglieder")
    network = {member_label: Breakdown(member_label), other_label: Breakdown(other_label)}
    without_organization = 0
    for organization_id, kreis, is_member, attended_at in rows:
        kreis_label = kreis or NO_KREIS
        groups = [
            total,
            kreise.setdefault(kreis_label, Breakdown(kreis_label)),
            network[member_label if is_member else other_label],
        ]
        if organization_id is None:
            without_organization += 1
        for group in groups:
            group.registered_people += 1
            if organization_id is not None:
                group.registered_organizations.add(organization_id)
            if attended_at is not None:
                group.attended_people += 1
                if organization_id is not None:
                    group.attended_organizations.add(organization_id)
    waitlisted = Registration.objects.filter(
        event=event, status=RegistrationStatus.WAITLISTED
    ).count()
    by_kreis = sorted(
        kreise.values(),
        key=lambda group: (group.label == NO_KREIS, -group.registered_people, group.label),
    )
    return EventFigures(
        total=total,
        waitlisted=waitlisted,
        by_kreis=by_kreis,
        by_network_status=list(network.values()),
        without_organization=without_organization,
    )


# --- Materials and feedback -------------------------------------------------------


def material_list(*, event: Event) -> list[Material]:
    """All of the event's materials, for those who manage them."""
    return list(Material.objects.filter(event=event).select_related("uploaded_by"))


def own_registration(*, user: AnyUser, event: Event) -> Registration | None:
    """The viewer's active registration for the event, if any."""
    if not is_signed_in(user):
        return None
    return (
        Registration.objects.filter(event=event, person_id=user.pk)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )


def material_get_for_download(*, user: AnyUser, slug: str, pk: int) -> Material:
    """A material the viewer may open; Http404 otherwise (so nobody learns
    what exists)."""
    material = Material.objects.select_related("event").filter(event__slug=slug, pk=pk).first()
    if material is None:
        raise Http404
    registration = own_registration(user=user, event=material.event)
    if not permissions.can_view_material(user, material, registration=registration):
        raise Http404
    return material


def feedback_get_own(*, user: User, event: Event) -> FeedbackResponse | None:
    return FeedbackResponse.objects.filter(event=event, person=user).first()


@dataclass(frozen=True)
class FeedbackResults:
    count: int
    average: float | None
    # (rating, count, share in percent) from 5 down to 1.
    distribution: list[tuple[int, int, int]]
    comments: list[FeedbackResponse]


def feedback_results(*, event: Event) -> FeedbackResults:
    """Average, distribution and comments of the event's feedback."""
    responses = list(
        FeedbackResponse.objects.filter(event=event)
        .select_related("person")
        .order_by("-updated_at")
    )
    ratings = Counter(response.rating for response in responses)
    count = len(responses)
    average = round(sum(response.rating for response in responses) / count, 1) if count else None
    distribution = [
        (rating, ratings[rating], round(100 * ratings[rating] / count) if count else 0)
        for rating in range(5, 0, -1)
    ]
    comments = [response for response in responses if response.comment.strip()]
    return FeedbackResults(
        count=count, average=average, distribution=distribution, comments=comments
    )


# --- Organisation page -------------------------------------------------------------


@dataclass(frozen=True)
class AttendedEvent:
    event: Event
    people: int


def event_list_attended_by(*, organization: Organization) -> list[AttendedEvent]:
    """Published (or later cancelled) events that people of the
    organisation attended, newest first, with how many of them came."""
    events = (
        Event.objects.exclude(status=EventStatus.DRAFT)
        .filter(
            registrations__organization=organization,
            registrations__attended_at__isnull=False,
        )
        .annotate(attended_people=Count("registrations", distinct=True))
        .order_by("-starts_at")
    )
    return [AttendedEvent(event=event, people=event.attended_people) for event in events]
