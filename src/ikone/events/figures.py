"""The events app's figures for the network overview (`core.figures`):
workshops attended per organisation, workshops held, administrations
reached, participation per month. Registered in `EventsConfig.ready()`.

"Attended" means a confirmed registration (or a check-in) for a published
event that has started: the network reports who took part, not who only
signed up for something still ahead.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ikone.core.datetimes import berlin_date
from ikone.core.figures import (
    Chart,
    ChartData,
    Engagement,
    Period,
    Record,
    Total,
    count_per_organization,
    of_organizations,
    per_month,
)
from ikone.events.models import EventStatus, Registration, RegistrationStatus


def _attended(period: Period) -> QuerySet[Registration]:
    return Registration.objects.filter(
        Q(status=RegistrationStatus.CONFIRMED) | Q(attended_at__isnull=False),
        period.q("event__starts_at"),
        event__status=EventStatus.PUBLISHED,
        event__starts_at__lte=timezone.now(),
    ).order_by()


def attended_per_organization(period: Period) -> dict[int, int]:
    """Events attended by someone of each organisation (one query)."""
    return count_per_organization(_attended(period), Count("event_id", distinct=True))


def attended_records(period: Period, organization_ids: Sequence[int] | None) -> list[Record]:
    """Per event and organisation: how many of its people took part."""
    rows = _attended(period).filter(of_organizations(organization_ids), organization__isnull=False)
    grouped = (
        rows.values("organization_id", "event__title", "event__slug", "event__starts_at")
        .annotate(n=Count("pk"))
        .order_by("-event__starts_at", "event__title", "organization_id")
    )
    return [
        Record(
            title=row["event__title"],
            organization_id=row["organization_id"],
            when=berlin_date(row["event__starts_at"]),
            detail=_("Teilnehmende"),
            url=reverse("events:detail", kwargs={"slug": row["event__slug"]}),
            count=row["n"],
        )
        for row in grouped
    ]


def events_held(period: Period) -> int:
    """Published events that have started within the period."""
    from ikone.events.models import Event

    return Event.objects.filter(
        period.q("starts_at"), status=EventStatus.PUBLISHED, starts_at__lte=timezone.now()
    ).count()


def administrations_reached(period: Period) -> int:
    """Organisations of which someone took part in an event of the period."""
    return (
        _attended(period)
        .filter(organization__isnull=False)
        .values("organization_id")
        .distinct()
        .count()
    )


def participation_per_month(
    period: Period, organization_ids: Sequence[int] | None = None
) -> ChartData:
    """Per month of the event (Europe/Berlin): people and administrations
    (of these organisations, when given)."""
    return per_month(
        _attended(period),
        "event__starts_at",
        [
            (_("Teilnehmende"), Count("pk")),
            (_("Verwaltungen"), Count("organization_id", distinct=True)),
        ],
        organization_ids,
        row_label=_("Monat"),
    )


_HERE = "ikone.events.figures"
FIGURES = (
    Engagement(
        "events.attended",
        gettext_lazy("Veranstaltungen besucht"),
        f"{_HERE}.attended_per_organization",
        f"{_HERE}.attended_records",
        position=10,
        description=gettext_lazy(
            "Veranstaltungen, an denen jemand der Organisation teilgenommen hat."
        ),
    ),
    Total(
        "events.held",
        gettext_lazy("Veranstaltungen durchgeführt"),
        f"{_HERE}.events_held",
        position=20,
        public=True,
        url_name="events:list",
    ),
    Total(
        "events.administrations_reached",
        gettext_lazy("Verwaltungen erreicht"),
        f"{_HERE}.administrations_reached",
        position=30,
        public=True,
        url_name="network:organizations",
        description=gettext_lazy("Organisationen, von denen jemand an Veranstaltungen teilnahm."),
    ),
    Chart(
        "events.participation",
        gettext_lazy("Teilnahme an Veranstaltungen je Monat"),
        f"{_HERE}.participation_per_month",
        position=10,
    ),
)
