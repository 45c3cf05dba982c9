"""The support app's figures for the network overview (`core.figures`):
requests per organisation, requests received, the median times to a first
answer and to a solution, and the support volume per month for members and
non-members. Registered in `SupportConfig.ready()`.

A request is an organisation's private data and may belong to a draft
(docs/visibility.md): the list behind a figure therefore names only the
topic, the status and the date, and links to the request, whose page
checks who may open it.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ikone.core.figures import (
    Chart,
    ChartData,
    Engagement,
    Items,
    Period,
    Total,
    per_month,
)
from ikone.support.models import SupportRequest, Topic
from ikone.support.workflow import Status


def _received(period: Period) -> QuerySet[SupportRequest]:
    return SupportRequest.objects.filter(period.q("created_at")).order_by()


# Requests each organisation made in the period (one query) and the list
# behind it: newest first, topic, status and date, never the content.
REQUESTS = Items(
    _received,
    title="topic",
    title_labels=dict(Topic.choices),
    url_name="support:detail",
    detail_labels=dict(Status.choices),
)
requests_per_organization = REQUESTS.per_organization
request_records = REQUESTS.records


def requests_received(period: Period) -> int:
    """Requests received in the period, from members and non-members."""
    return _received(period).count()


def _median(waits: list[dt.timedelta]) -> dt.timedelta | None:
    if not waits:
        return None
    return dt.timedelta(seconds=statistics.median(wait.total_seconds() for wait in waits))


def median_first_response(period: Period) -> dt.timedelta | None:
    """The median time to the first answer over the period's answered
    requests (one query reading two timestamps per request)."""
    waits = (
        _received(period)
        .filter(first_response_at__isnull=False)
        .values_list(F("first_response_at") - F("created_at"), flat=True)
    )
    return _median([wait for wait in waits if wait is not None])


def median_resolution(period: Period) -> dt.timedelta | None:
    """The median time to the solution over the period's solved requests."""
    waits = (
        _received(period)
        .filter(resolved_at__isnull=False)
        .values_list(F("resolved_at") - F("created_at"), flat=True)
    )
    return _median([wait for wait in waits if wait is not None])


def volume_per_month(period: Period, organization_ids: Sequence[int] | None = None) -> ChartData:
    """Per month of receipt (Europe/Berlin): requests of members and of
    non-members (one query)."""
    return per_month(
        _received(period),
        "created_at",
        [
            (_("von Mitgliedern"), Count("pk", filter=Q(is_member=True))),
            (_("von Nichtmitgliedern"), Count("pk", filter=Q(is_member=False))),
        ],
        organization_ids,
        row_label=_("Monat"),
    )


_HERE = "ikone.support.figures"
FIGURES = (
    Engagement(
        "support.requests",
        gettext_lazy("Unterstützungsanfragen"),
        f"{_HERE}.requests_per_organization",
        f"{_HERE}.request_records",
        position=40,
    ),
    Total(
        "support.received",
        gettext_lazy("Unterstützungsanfragen eingegangen"),
        f"{_HERE}.requests_received",
        position=60,
        url_name="support:queue",
        description=gettext_lazy("Von Mitgliedern und Nichtmitgliedern, auch über /kontakt/."),
    ),
    Total(
        "support.median_first_response",
        gettext_lazy("Zeit bis zur ersten Antwort auf eine Anfrage (Median)"),
        f"{_HERE}.median_first_response",
        position=61,
        url_name="support:figures",
    ),
    Total(
        "support.median_resolution",
        gettext_lazy("Zeit bis zur Lösung einer Anfrage (Median)"),
        f"{_HERE}.median_resolution",
        position=62,
        url_name="support:figures",
    ),
    Chart(
        "support.volume",
        gettext_lazy("Unterstützungsanfragen je Monat"),
        f"{_HERE}.volume_per_month",
        position=40,
    ),
)
