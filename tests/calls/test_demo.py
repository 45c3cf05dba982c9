"""The demo calls: real figures from calls.yaml, the example, idempotence."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
import yaml
from django.utils import timezone

from ikone.calls.demo import EXAMPLE_AMENDED_NUMBERS, EXAMPLE_SLUG, seed_demo_calls
from ikone.calls.models import Call, CallSection, CallStatus, CallVersion
from ikone.calls.smartcities import DATA

pytestmark = pytest.mark.django_db


@pytest.fixture
def facts():
    with DATA.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _counts():
    return {
        "calls": Call.objects.count(),
        "versions": CallVersion.objects.count(),
        "sections": CallSection.objects.count(),
        "revisions": sorted(Call.objects.values_list("revision", flat=True)),
    }


def test_demo_loads_three_closed_rounds_with_the_real_figures(facts):
    seed_demo_calls()
    rate = facts["common"]["funding_rate"]
    for data in facts["calls"]:
        call = Call.objects.get(slug=data["id"])
        assert call.status == CallStatus.CLOSED
        assert not call.is_example
        assert call.published_on == data["published"]
        assert timezone.localtime(call.deadline).date() == data["deadline"]
        assert call.total_budget == Decimal(data["budget_eur"])
        assert call.federal_share == Decimal(rate["federal_share_percent"])
        assert call.federal_share_budget_emergency == Decimal(
            rate["federal_share_percent_budget_emergency"]
        )
        assert call.theme == (data.get("theme_de") or "")
        assert call.phases.count() == 2
        assert call.required_documents.filter(stage="application").count() == len(
            data["required_documents"]
        )
        readable = [
            c
            for c in data["evaluation_criteria"]
            if c.get("label_de") and not c["label_de"].startswith("(")
        ]
        assert [c.title for c in call.criteria.all()] == [c["label_de"] for c in readable]
        text = " ".join(
            s.plain_text for s in CallSection.objects.filter(version=call.current_version)
        )
        assert f"{data['projects_selected']} Modellprojekte" in text


def test_round_2021_has_the_documented_durations_and_kfw_documents(facts):
    seed_demo_calls()
    call = Call.objects.get(slug="mpsc-2021")
    a, b = call.phases.all()
    assert (a.duration_months, b.duration_months) == (12, 48)
    assert a.max_eligible_costs == Decimal(2_500_000)
    assert b.max_eligible_costs == Decimal(15_000_000)
    assert call.required_documents.filter(stage="grant").count() == len(
        facts["common"]["kfw_application_documents"]
    )
    assert not call.criteria.exists()  # not in the data: left out
    # 2019 said "about 2 years": no invented month count.
    assert Call.objects.get(slug="mpsc-2019").phases.get(key="A").duration_months is None


def test_example_call_is_labelled_open_six_weeks_out_and_amended_once():
    seed_demo_calls()
    call = Call.objects.get(slug=EXAMPLE_SLUG)
    assert call.is_example
    assert call.status == CallStatus.OPEN
    days = (timezone.localtime(call.deadline).date() - timezone.localdate()).days
    assert days == 42
    assert call.current_version.number == 2
    assert call.current_version.changed_numbers == EXAMPLE_AMENDED_NUMBERS
    sections = CallSection.objects.filter(version=call.current_version)
    assert sections.count() >= 30
    titles = " ".join(sections.values_list("title", flat=True))
    for topic in (
        "Förderfähige Ausgaben",
        "Eigenanteil",
        "Haushaltsnotlage",
        "Ratsbeschluss",
        "Kooperationen",
        "Open Source",
        "Bewertungskriterien",
    ):
        assert topic in titles
    assert sections.filter(number__contains=".").count() > 20


def test_demo_is_idempotent():
    out = StringIO()
    seed_demo_calls(stdout=out)
    before = _counts()
    again = StringIO()
    seed_demo_calls(stdout=again)
    assert _counts() == before
    assert again.getvalue() == ""


def test_demo_keeps_the_example_deadline_on_later_days(monkeypatch):
    seed_demo_calls()
    deadline = Call.objects.get(slug=EXAMPLE_SLUG).deadline
    later = timezone.now() + dt.timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    seed_demo_calls()
    assert Call.objects.get(slug=EXAMPLE_SLUG).deadline == deadline
