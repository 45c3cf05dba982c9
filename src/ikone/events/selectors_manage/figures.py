"""An event's figures: registrations by organisation level and Kreis."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, CharField, Exists, OuterRef, Q, When
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ikone.accounts.models import NetworkMembership
from ikone.core.datetimes import berlin_date, iso
from ikone.core.pagecache import memo
from ikone.events.models import Event, Registration, RegistrationStatus
from ikone.municipalities.models import Level

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
    network: a memo per event, language and Berlin day (membership ends
    with a day, without a write), counted anew after any write to a table
    the counting read (registrations, memberships, organisations, places)."""
    key = f"events:figures:{event.pk}:{get_language()}:{iso(berlin_date())}"
    return memo.get_or_compute(key, lambda: _count_figures(event))


def _count_figures(event: Event) -> EventFigures:
    """Two queries, whatever the number of registrations."""
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
