"""Fixtures for the financing plan, schedule, export and API tests.

A call with phases A and B (caps 2.5 and 15 million euro), 65 % federal
share and 90 % in a budget emergency, a deadline on 15 December 2026, and a
draft of organisation A (tests.accounts.fixtures) with two sections.
Import with `from tests.applications.plan_fixtures import *  # noqa: F403`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from ikone.applications.models import Draft, DraftMentor, DraftSection
from ikone.calls.models import Call, CallPhase, CallStatus
from tests.accounts.fixtures import *  # noqa: F403


@pytest.fixture
def call(db) -> Call:
    return Call.objects.create(
        slug="beispielaufruf",
        programme="Modellprojekte Smart Cities",
        funder="Bund",
        title="Beispielaufruf Smart Cities",
        status=CallStatus.OPEN,
        deadline=datetime(2026, 12, 15, 11, 0, tzinfo=UTC),
        federal_share=Decimal("65.00"),
        federal_share_budget_emergency=Decimal("90.00"),
    )


@pytest.fixture
def phases(call) -> tuple[CallPhase, CallPhase]:
    return (
        CallPhase.objects.create(
            call=call, key="A", name="Phase A", max_eligible_costs=Decimal(2500000), position=1
        ),
        CallPhase.objects.create(
            call=call, key="B", name="Phase B", max_eligible_costs=Decimal(15000000), position=2
        ),
    )


def _draft(organization, call, title: str) -> Draft:
    draft = Draft.objects.create(organization=organization, call=call, title=title)
    for position, (key, heading, text) in enumerate(
        [
            ("ausgangslage", "Ausgangslage", "Die Verbandsgemeinde liegt im ländlichen Raum."),
            ("vision", "Vision und Ziele", "- Daseinsvorsorge sichern\n- Ehrenamt stärken"),
        ]
    ):
        DraftSection.objects.create(
            draft=draft, position=position, key=key, title=heading, text=text
        )
    return draft


@pytest.fixture
def draft(organization, call, phases) -> Draft:
    return _draft(organization, call, "Smarte Dörfer (Beispiel)")


@pytest.fixture
def other_draft(other_organization, call, phases) -> Draft:
    return _draft(other_organization, call, "Bedorf digital (Beispiel)")


@pytest.fixture
def shared_with_mentor(draft, mentor) -> Draft:
    DraftMentor.objects.create(draft=draft, mentor=mentor)
    return draft


@pytest.fixture
def shared_with_network(draft) -> Draft:
    draft.shared_with_network = True
    draft.save(update_fields=["shared_with_network"])
    return draft


PLAN_SECRET = "Geheime Kostenposition der Astadt: Sensorik am Wasserwerk"


def plan_objects(draft: Draft, actor) -> dict:
    """A cost item and a milestone on `draft` for tests/test_access_matrix.py;
    the cost item's measure is one of A's secrets."""
    from datetime import date

    from ikone.applications.models import CostCategory, MilestoneKind
    from ikone.applications.services import financing, schedule

    item = financing.cost_item_create(
        draft=draft,
        actor=actor,
        category=CostCategory.INVESTMENT,
        measure=PLAN_SECRET,
        phase=None,
        year=2027,
        amount=Decimal("1234.56"),
    )
    milestone = schedule.milestone_create(
        draft=draft,
        actor=actor,
        title="Ratsbeschluss",
        kind=MilestoneKind.COUNCIL_RESOLUTION,
        date=date(2026, 12, 1),
    )
    return {"cost_item": item.pk, "milestone": milestone.pk, "plan_secrets": (PLAN_SECRET,)}
