"""The financing plan's items in the readiness check."""

from decimal import Decimal

from ikone.applications.models import CostCategory
from ikone.applications.readiness import readiness_for
from ikone.applications.services import financing as services
from ikone.core.audit import Actor
from tests.applications.plan_fixtures import *  # noqa: F403


def items(draft):
    return {item.key: item for item in readiness_for(draft).items}


def test_empty_plan_is_missing(draft):
    found = items(draft)
    assert not found["financing.costs"].met
    assert "financing.consistent" not in found


def test_cap_exceeded_is_unstimmig_and_mandatory(draft, phases, staff_member):
    services.cost_item_create(
        draft=draft,
        actor=Actor(user=staff_member),
        category=CostCategory.INVESTMENT,
        measure="Glasfaser",
        phase=phases[0],
        year=2027,
        amount=Decimal("2500000.01"),
    )
    consistent = items(draft)["financing.consistent"]
    assert not consistent.met and consistent.mandatory
    assert str(consistent.label) == "Finanzierung unstimmig"
    assert "2.500.000,01" in consistent.detail
    assert not readiness_for(draft).ready
