"""The financing plan's arithmetic (ikone.applications.financing): exact
Decimal, property-based where a rule holds for every input."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ikone.applications.financing import (
    AmountError,
    CostLine,
    Limits,
    Phase,
    Rates,
    allocate,
    format_eur,
    format_number,
    format_percent,
    matrix,
    parse_amount,
    round_cents,
    shares,
    summarize,
)

# No time limit per example: the test machine may be busy; speed is bench/'s job.
relaxed = settings(deadline=None)
D = Decimal
amounts = st.decimals(min_value=0, max_value=D("99999999.99"), places=2)
rates = st.decimals(min_value=0, max_value=100, places=2)
years = st.integers(min_value=2019, max_value=2030)
lines = st.lists(
    st.builds(
        CostLine,
        category=st.sampled_from(["personal", "sachmittel", "investitionen"]),
        phase=st.sampled_from(["A", "B"]),
        year=years,
        amount=amounts,
    ),
    max_size=30,
)
PHASES = (Phase("A", "Phase A"), Phase("B", "Phase B"))


# ---------------------------------------------------------------------------
# Properties


@relaxed
@given(total=amounts, rate=rates)
def test_shares_add_up_to_the_total_and_are_never_negative(total, rate):
    result = shares(total, rate)
    assert result.federal + result.own == total
    assert result.federal >= 0
    assert result.own >= 0
    assert result.federal == result.federal.quantize(D("0.01"))


@relaxed
@given(total=amounts, normal=rates, emergency=rates)
def test_budget_emergency_never_lowers_the_federal_share(total, normal, emergency):
    call = Rates(federal=normal, federal_budget_emergency=emergency)
    regular = shares(total, call.applicable(budget_emergency=False))
    in_emergency = shares(total, call.applicable(budget_emergency=True))
    assert in_emergency.federal >= regular.federal
    assert in_emergency.own <= regular.own


@relaxed
@given(total=amounts, low=rates, high=rates)
def test_federal_share_grows_with_the_rate(total, low, high):
    low, high = sorted((low, high))
    assert shares(total, low).federal <= shares(total, high).federal


@relaxed
@given(amount=amounts, weights=st.lists(amounts, min_size=1, max_size=8))
def test_allocate_adds_up_exactly(amount, weights):
    parts = allocate(amount, weights)
    assert len(parts) == len(weights)
    if sum(weights) == 0:
        assert all(part == 0 for part in parts)
        return
    assert sum(parts) == amount
    assert all(part >= 0 for part in parts)


@relaxed
@given(plan=lines, rate=rates, emergency=st.booleans())
def test_summary_rows_add_up_to_the_totals(plan, rate, emergency):
    summary = summarize(
        plan,
        rates=Rates(federal=rate, federal_budget_emergency=D(90)),
        budget_emergency=emergency,
        phases=PHASES,
    )
    expected = sum((line.amount for line in plan), D(0))
    assert summary.total == expected
    assert sum(summary.by_year.values(), D(0)) == expected
    assert sum(summary.by_category.values(), D(0)) == expected
    assert sum((row.total for row in summary.phases), D(0)) == expected
    assert sum((row.federal for row in summary.phases), D(0)) == summary.federal
    assert sum((row.own for row in summary.phases), D(0)) == summary.own
    assert summary.federal + summary.own == summary.total
    for row, cells in matrix(summary):
        assert sum(cells, D(0)) == row.total
        assert row.own >= 0


@relaxed
@given(value=amounts)
def test_formatting_and_parsing_round_trip(value):
    assert parse_amount(format_number(value)) == value
    assert parse_amount(format_eur(value)) == value


@relaxed
@given(value=st.decimals(min_value=-1000, max_value=1000, places=3))
def test_round_cents_is_half_up_and_at_most_half_a_cent_off(value):
    rounded = round_cents(value)
    assert abs(rounded - value) <= D("0.005")


# ---------------------------------------------------------------------------
# Examples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.500,50", D("12500.50")),
        ("12500,5", D("12500.50")),
        ("12500", D("12500.00")),
        ("1.234.567", D("1234567.00")),
        ("12 500,00 €", D("12500.00")),
        ("99.95", D("99.95")),
        ("0,01", D("0.01")),
        ("2.500.000,00 EUR", D("2500000.00")),
    ],
)
def test_parse_german_amounts(text, expected):
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Bitte einen Betrag angeben."),
        ("-5", "Beträge dürfen nicht negativ sein."),
        ("12,505", "höchstens zwei Nachkommastellen"),
        ("12.50.0", "ist kein Betrag"),
        ("zwölf", "ist kein Betrag"),
        ("1.2345", "ist kein Betrag"),
        ("1000000000", "zu groß"),
    ],
)
def test_parse_refuses_with_a_german_message(text, message):
    with pytest.raises(AmountError) as error:
        parse_amount(text)
    assert message in error.value.message


def test_formats():
    assert format_eur(D("12500.5")) == "12.500,50\u00a0€"
    assert format_number(D("-1234567.891")) == "-1.234.567,89"
    assert format_number(D("0")) == "0,00"
    assert format_percent(D("65.00")) == "65\u00a0%"
    assert format_percent(D("82.5")) == "82,5\u00a0%"


def test_half_up_rounding_of_the_federal_share():
    # 0.65 × 0.10 = 0.065 → 0.07 (half up), not 0.06 (banker's rounding)
    assert shares(D("0.10"), D(65)).federal == D("0.07")
    assert shares(D("17500000.00"), D(90)).federal == D("15750000.00")
    assert shares(D("17480000.00"), D(65)).federal == D("11362000.00")


def test_rate_out_of_range_is_a_programming_error():
    with pytest.raises(ValueError):
        shares(D(100), D("100.01"))


def test_emergency_rate_applies_only_when_flagged():
    call = Rates(federal=D(65), federal_budget_emergency=D(90))
    assert call.applicable(budget_emergency=False) == D(65)
    assert call.applicable(budget_emergency=True) == D(90)
    assert Rates(federal=D(65)).applicable(budget_emergency=True) == D(65)


def test_checks_against_the_call_limits():
    plan = [
        CostLine("personal", "A", 2021, D("2000000.00")),
        CostLine("sachmittel", "A", 2022, D("600000.00")),
        CostLine("investitionen", "B", 2031, D("100.00")),
        CostLine("personal", "X", 2022, D("1.00")),
    ]
    summary = summarize(
        plan,
        rates=Rates(federal=D(65)),
        budget_emergency=False,
        phases=(Phase("A", "Phase A", cap=D(2500000)), Phase("B", "Phase B", last_year=2027)),
        limits=Limits(
            total_cap=D(2500000), federal_cap=D(1000000), first_year=2021, last_year=2027
        ),
    )
    codes = [issue.code for issue in summary.issues]
    assert codes == [
        "total_cap",
        "federal_cap",
        "period",
        "phase_cap",
        "phase_years",
        "phase_unknown",
    ]
    assert not summary.is_consistent
    assert "2.600.101,00\u00a0€" in summary.issues[0].message


def test_empty_plan_is_reported():
    summary = summarize([], rates=Rates(federal=D(65)), budget_emergency=False)
    assert [issue.code for issue in summary.issues] == ["empty"]
    assert summary.total == 0


def test_consistent_plan_has_no_issues_and_keeps_the_call_order_of_phases():
    plan = [
        CostLine("personal", "B", 2023, D("1000.00")),
        CostLine("personal", "A", 2022, D("333.33")),
        CostLine("sachmittel", "A", 2023, D("0.01")),
    ]
    summary = summarize(plan, rates=Rates(D(65), D(90)), budget_emergency=True, phases=PHASES)
    assert summary.is_consistent
    assert [row.key for row in summary.phases] == ["A", "B"]
    assert summary.years == (2022, 2023)
    assert summary.rate == D(90)
    assert summary.federal == D("1200.01")  # 1333.34 × 0.9 = 1200.006
    assert matrix(summary)[0][1] == [D("333.33"), D("0.01")]
