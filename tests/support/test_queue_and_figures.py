"""The coordinators' queue and the response figures: filters, query budgets, the
memo of the figures and its moving window (split from test_requests.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ikone.support import selectors
from ikone.support.models import Source, SupportRequest, Topic
from ikone.support.workflow import Status
from tests.accounts.factories import (
    CoordinatorFactory,
    MembershipFactory,
    NetworkMembershipFactory,
)
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db


def test_queue_filters_and_budget(
    client, coordinator, organization, primary_network, django_assert_max_num_queries
):
    NetworkMembershipFactory(organization=organization, network=primary_network)
    for number in range(15):
        SupportRequest.objects.create(
            topic=Topic.PARTNER if number % 2 else Topic.CALL,
            subject=f"Anfrage {number}",
            message="…",
            source=Source.CONTACT,
            requester_name="X",
            requester_email="x@example.org",
            is_member=number % 3 == 0,
        )
    sign_in(client, coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("support:queue"), {"thema": Topic.PARTNER})
    assert ">7 Anfragen</p>" in response.content.decode()
    assert (
        ">5 Anfragen</p>"
        in client.get(reverse("support:queue"), {"mitglied": "yes"}).content.decode()
    )
    detail = SupportRequest.objects.first()
    with django_assert_max_num_queries(14):
        assert client.get(detail.get_absolute_url()).status_code == 200


def test_queue_reads_only_the_listed_columns(
    client, coordinator, organization, django_assert_max_num_queries
):
    """A full page of 30 lines costs the same queries as one, and the list
    does not read what it does not show (the message: ~5 KB a line when
    the database sorted every open request)."""
    for number in range(35):
        SupportRequest.objects.create(
            topic=Topic.PARTNER,
            subject=f"Anfrage {number}",
            message="Geheimer Text",
            source=Source.PLATFORM,
            organization=organization,
            assignee=coordinator,
            status=Status.WAITING,
            priority="high",
            requester_name="X",
            requester_email="x@example.org",
        )
    sign_in(client, coordinator)
    client.get(reverse("support:queue"))  # the layout's memos and the count
    # Session, person, second factor, page (the count is a memo).
    with django_assert_max_num_queries(4) as queries:
        response = client.get(reverse("support:queue"))
    assert not any('"message"' in query["sql"] for query in queries.captured_queries)
    html = response.content.decode()
    assert html.count("kern-badge--warning") == 30
    assert html.count(str(Topic.PARTNER.label)) >= 30
    assert html.count(organization.name) >= 30
    assert html.count(coordinator.name or coordinator.email) >= 30
    assert html.count('<td class="kern-table__cell">hoch</td>') == 30


def test_queue_count_is_a_memo_per_person_counted_anew_after_a_write(
    coordinator, workshop_draft, staff_member, django_assert_num_queries
):
    """The queue's count is remembered per person, roles and filters: a new
    request, or a draft shared with the network, counts anew; a coordinator
    never gets the count of another person."""

    def create(**extra) -> SupportRequest:
        return SupportRequest.objects.create(
            topic=Topic.SKETCH,
            subject="Skizze",
            message="…",
            source=Source.PLATFORM,
            requester=staff_member,
            requester_name="A",
            requester_email=staff_member.email,
            organization=workshop_draft.organization,
            **extra,
        )

    def count(user) -> int:
        return selectors.queue_count(user=user, filters=selectors.QueueFilters())

    create()
    create(draft=workshop_draft)  # not shared: hidden from coordinators
    assert count(coordinator) == 1
    with django_assert_num_queries(0):
        assert count(coordinator) == 1
    # A coordinator in the draft's organisation sees it: their own count.
    colleague = CoordinatorFactory(email="koordination-kommune@example.org")
    MembershipFactory(user=colleague, organization=workshop_draft.organization)
    assert count(colleague) == 2
    assert count(coordinator) == 1
    create()
    assert count(coordinator) == 2
    workshop_draft.shared_with_network = True
    workshop_draft.save(update_fields=["shared_with_network"])
    assert count(coordinator) == 3
    assert (
        count(coordinator)
        == selectors.queue_for(user=coordinator, filters=selectors.QueueFilters()).count()
    )


def test_figures_per_month_for_members_and_non_members(coordinator):
    now = timezone.now()
    for hours, member in ((2, True), (4, True), (10, False)):
        _received_at(now, member=member, first_response_hours=hours)
    figures = {row.group: row for row in selectors.response_figures(user=coordinator)}
    assert figures["member"].received == 2
    assert figures["member"].median_first_response_hours == 3.0
    assert figures["non_member"].median_first_response_hours == 10.0


def _received_at(
    when: dt.datetime, *, member: bool = True, first_response_hours: float = 5
) -> SupportRequest:
    request = SupportRequest.objects.create(
        topic=Topic.OTHER,
        subject="x",
        message="y",
        source=Source.CONTACT,
        requester_name="X",
        requester_email="x@example.org",
        is_member=member,
    )
    SupportRequest.objects.filter(pk=request.pk).update(
        created_at=when, first_response_at=when + dt.timedelta(hours=first_response_hours)
    )
    return request


def test_figures_are_computed_once_per_change_and_cut_at_the_moving_window(
    coordinator, monkeypatch, django_assert_num_queries
):
    """The window starts 372 days ago, inside its oldest month (28 Nov 2025
    for 5 Dec 2026): that month counts only what came in since then, also
    when the figures come from the memo and the clock moved on."""
    utc = dt.UTC
    now = dt.datetime(2026, 12, 5, 12, 0, tzinfo=utc)
    monkeypatch.setattr(selectors.timezone, "now", lambda: now)
    _received_at(dt.datetime(2025, 11, 28, 11, 0, tzinfo=utc))  # before the window
    _received_at(dt.datetime(2025, 11, 28, 13, 0, tzinfo=utc))
    _received_at(dt.datetime(2025, 12, 1, 10, 0, tzinfo=utc), member=False)
    _received_at(dt.datetime(2026, 12, 4, 10, 0, tzinfo=utc))

    def received() -> list[tuple[str, str, int]]:
        return [
            (row.month, row.group, row.received)
            for row in selectors.response_figures(user=coordinator)
        ]

    assert received() == [
        ("2026-12", "member", 1),
        ("2025-12", "non_member", 1),
        ("2025-11", "member", 1),
    ]
    now = dt.datetime(2026, 12, 5, 14, 0, tzinfo=utc)  # the 13:00 request leaves the window
    with django_assert_num_queries(0):
        assert received() == [("2026-12", "member", 1), ("2025-12", "non_member", 1)]
    _received_at(dt.datetime(2026, 12, 5, 13, 0, tzinfo=utc))
    assert received() == [("2026-12", "member", 2), ("2025-12", "non_member", 1)]


def test_figures_page_budget(client, coordinator, django_assert_max_num_queries):
    for hours in range(20):
        _received_at(timezone.now() - dt.timedelta(days=hours * 7))
    sign_in(client, coordinator)
    first = client.get(reverse("support:figures"))
    assert first.status_code == 200
    # Session, person, second factor; the figures come from the memo.
    with django_assert_max_num_queries(3):
        again = client.get(reverse("support:figures"))

    def table(response) -> str:
        return response.content.decode().split("<table")[1].split("</table>")[0]

    assert table(first).count("<tr") > 4  # the head and one row per month
    assert table(again) == table(first)
