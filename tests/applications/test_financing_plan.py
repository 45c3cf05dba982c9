"""The financing plan of a draft: services (locking, checks), pages per role."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ikone.applications import selectors_plan
from ikone.applications.models import CostCategory, CostItem, FinancingPlan
from ikone.applications.services import financing as services
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from tests.applications.plan_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in

D = Decimal


def add(draft, user, *, phase, year=2027, amount="1000.00", measure="Plattform"):
    return services.cost_item_create(
        draft=draft,
        actor=Actor(user=user),
        category=CostCategory.PERSONNEL,
        measure=measure,
        phase=phase,
        year=year,
        amount=D(amount),
    )


# ---------------------------------------------------------------------------
# Services


def test_create_update_delete_with_audit(draft, phases, staff_member):
    item = add(draft, staff_member, phase=phases[0])
    assert item.version == 1
    item = services.cost_item_update(
        item=item,
        based_on=1,
        actor=Actor(user=staff_member),
        category=CostCategory.SERVICES,
        measure="Beratung",
        phase=phases[1],
        year=2028,
        amount=D("12500.50"),
    )
    assert (item.version, item.amount, item.phase) == (2, D("12500.50"), phases[1])
    services.cost_item_delete(item=item, based_on=2, actor=Actor(user=staff_member))
    assert not CostItem.objects.exists()
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "applications.cost_item.created",
        "applications.cost_item.updated",
        "applications.cost_item.deleted",
    ]


def test_a_colleagues_change_is_not_overwritten(draft, phases, staff_member, contact_person):
    item = add(draft, staff_member, phase=phases[0])
    fields = {
        "category": CostCategory.PERSONNEL,
        "measure": "Erste",
        "phase": phases[0],
        "year": 2027,
        "amount": D(1),
    }
    services.cost_item_update(item=item, based_on=1, actor=Actor(user=contact_person), **fields)
    with pytest.raises(services.StaleEditError):
        services.cost_item_update(
            item=item,
            based_on=1,
            actor=Actor(user=staff_member),
            **{**fields, "measure": "Zweite"},
        )
    with pytest.raises(services.StaleEditError):
        services.cost_item_delete(item=item, based_on=1, actor=Actor(user=staff_member))
    assert CostItem.objects.get().measure == "Erste"


def test_phase_of_another_call_is_refused(draft, other_draft, phases, staff_member):
    from ikone.calls.models import Call, CallPhase

    foreign = CallPhase.objects.create(
        call=Call.objects.create(slug="x", programme="p", funder="f", title="Anderer"), name="X"
    )
    with pytest.raises(ValidationError):
        add(draft, staff_member, phase=foreign)


@pytest.mark.parametrize("who", ["other_staff", "mentor", "coordinator"])
def test_only_the_organisation_may_change_the_plan(who, shared_with_mentor, phases, request):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        add(shared_with_mentor, user, phase=phases[0])


def test_budget_emergency_raises_the_federal_share(draft, phases, staff_member):
    add(draft, staff_member, phase=phases[0], amount="100000.00")
    assert selectors_plan.financing_overview(draft=draft).summary.federal == D("65000.00")
    services.financing_plan_update(
        draft=draft, based_on=1, actor=Actor(user=staff_member), budget_emergency=True
    )
    overview = selectors_plan.financing_overview(draft=draft)
    assert (overview.summary.federal, overview.summary.own) == (D("90000.00"), D("10000.00"))
    with pytest.raises(services.StaleEditError):
        services.financing_plan_update(
            draft=draft, based_on=1, actor=Actor(user=staff_member), budget_emergency=False
        )
    assert FinancingPlan.objects.get().budget_emergency


def test_phase_cap_and_max_grant_make_the_plan_inconsistent(draft, phases, staff_member):
    draft.call.max_grant = D(1000000)
    draft.call.save()
    add(draft, staff_member, phase=phases[0], amount="2600000.00")
    summary = selectors_plan.financing_overview(draft=draft).summary
    assert [issue.code for issue in summary.issues] == ["federal_cap", "phase_cap"]
    assert not summary.is_consistent


# ---------------------------------------------------------------------------
# Pages


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("staff_a", 200),
        ("staff_b", 404),
        ("contact_a", 200),
        ("mentor", 404),
        ("coordinator", 404),
        ("admin", 404),
    ],
)
def test_plan_page_per_role(role, status, draft, client_for):
    response = client_for(role).get(reverse("applications:financing", args=[draft.pk]))
    assert response.status_code == status


@pytest.mark.parametrize("role", ["mentor", "coordinator"])
def test_shared_reviewers_read_but_do_not_edit(role, shared_with_mentor, client_for):
    draft = shared_with_mentor
    draft.shared_with_network = True
    draft.save()
    client = client_for(role)
    page = client.get(reverse("applications:financing", args=[draft.pk]))
    assert page.status_code == 200
    assert "Kostenposition hinzufügen" not in page.content.decode()
    response = client.post(
        reverse("applications:cost_item_create", args=[draft.pk]),
        {"measure": "x", "category": "personnel", "year": 2027, "amount": "1"},
    )
    assert response.status_code == 403


def test_add_item_with_german_amount_and_see_totals(draft, phases, client, staff_member):
    sign_in(client, staff_member)
    url = reverse("applications:cost_item_create", args=[draft.pk])
    data = {
        "measure": "Dorf-App",
        "category": "investment",
        "phase": phases[0].pk,
        "year": "2027",
        "amount": "12.500,50",
    }
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert CostItem.objects.get().amount == D("12500.50")
    content = response.content.decode()
    assert "12.500,50\u00a0€" in content
    assert "8.125,33\u00a0€" in content  # 65 % of 12.500,50 = 8.125,325 → half up
    assert "4.375,17\u00a0€" in content


def test_bad_amount_keeps_the_input_and_explains(draft, phases, client, staff_member):
    sign_in(client, staff_member)
    url = reverse("applications:cost_item_create", args=[draft.pk])
    data = {
        "measure": "Dorf-App",
        "category": "investment",
        "phase": phases[0].pk,
        "year": "2027",
        "amount": "12,505",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "höchstens zwei Nachkommastellen" in content
    assert 'value="12,505"' in content
    assert 'value="Dorf-App"' in content
    assert not CostItem.objects.exists()


def test_edit_conflict_shows_the_colleagues_state(draft, phases, client, staff_member):
    item = add(draft, staff_member, phase=phases[0], measure="Alt")
    sign_in(client, staff_member)
    url = reverse("applications:cost_item_edit", args=[draft.pk, item.pk])
    assert 'value="1.000,00"' in client.get(url).content.decode()
    CostItem.objects.filter(pk=item.pk).update(measure="Kollegin", version=2)
    data = {
        "measure": "Meins",
        "category": "personnel",
        "phase": phases[0].pk,
        "year": "2027",
        "amount": "5,00",
        "version": "1",
    }
    response = client.post(url, data)
    assert response.status_code == 409
    content = response.content.decode()
    assert "Kollegin" in content and 'value="Meins"' in content
    assert 'name="version" value="2"' in content
    assert CostItem.objects.get().measure == "Kollegin"
    response = client.post(url, {**data, "version": "2"})
    assert response.status_code == 302
    assert CostItem.objects.get().measure == "Meins"


def test_delete_and_settings(draft, phases, client, staff_member):
    item = add(draft, staff_member, phase=phases[0])
    sign_in(client, staff_member)
    delete = reverse("applications:cost_item_delete", args=[draft.pk, item.pk])
    assert client.get(delete).status_code == 200
    assert client.post(delete, {"version": "1"}).status_code == 302
    assert not CostItem.objects.exists()
    settings_url = reverse("applications:financing_settings", args=[draft.pk])
    response = client.post(settings_url, {"budget_emergency": "on", "version": "1"}, follow=True)
    assert "90\u00a0%" in response.content.decode()


def test_item_of_another_draft_is_not_found(
    draft, other_draft, phases, client, staff_member, other_staff
):
    foreign = add(other_draft, other_staff, phase=phases[0])
    sign_in(client, staff_member)
    url = reverse("applications:cost_item_edit", args=[draft.pk, foreign.pk])
    assert client.get(url).status_code == 404


def test_plan_page_queries_do_not_grow_with_items(
    draft, phases, client, staff_member, django_assert_max_num_queries
):
    for index in range(12):
        add(draft, staff_member, phase=phases[index % 2], year=2026 + index % 3)
    sign_in(client, staff_member)
    with django_assert_max_num_queries(14):
        response = client.get(reverse("applications:financing", args=[draft.pk]))
    assert response.status_code == 200


def test_years_show_without_thousands_separator(draft, phases, client, staff_member):
    """Issue 11.14: the tables showed "2.027"."""
    from ikone.applications.export.content import build_export
    from ikone.applications.export.pdf import render_html

    item = add(draft, staff_member, phase=phases[0], year=2027)
    sign_in(client, staff_member)
    pages = [
        client.get(reverse("applications:financing", args=[draft.pk])),
        client.get(reverse("applications:cost_item_edit", args=[draft.pk, item.pk])),
        client.get(reverse("applications:cost_item_delete", args=[draft.pk, item.pk])),
    ]
    texts = [page.content.decode() for page in pages] + [render_html(build_export(draft))]
    for text in texts:
        assert "2027" in text
        assert "2.027" not in text
