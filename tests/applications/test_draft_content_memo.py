"""The content of the criteria, section, financing and schedule pages is a
memo (views._helpers.content_html): it is reused, every change of a table
it shows appears on the next visit (also the versions the forms lock on),
viewers with other rights get their own, a form with errors is rendered
as typed, and the CSRF token stays per request."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ikone.accounts.models import Organization
from ikone.applications.models import CostCategory, Draft, DraftSection, SectionComment
from ikone.applications.services import financing, schedule
from ikone.applications.services.checklist import self_assessment_save
from ikone.applications.services.review import mentor_assessment_save
from ikone.applications.services.sections import section_save
from ikone.calls.models import Call, CallMilestone, EvaluationCriterion
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403

SECTION_KEY = "handlungsfelder-massnahmen"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ANY_TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")


def _urls(draft: Draft) -> dict[str, str]:
    return {
        "criteria": reverse("applications:criteria", kwargs={"pk": draft.pk}),
        "section": reverse(
            "applications:section", kwargs={"pk": draft.pk, "section_key": SECTION_KEY}
        ),
        "financing": reverse("applications:financing", kwargs={"pk": draft.pk}),
        "schedule": reverse("applications:schedule", kwargs={"pk": draft.pk}),
    }


def _visit(client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("page", ["criteria", "section", "financing", "schedule"])
def test_the_second_visit_reuses_the_content(workshop_draft, staff_member, as_user, page):
    client = as_user(staff_member)
    url = _urls(workshop_draft)[page]
    first, first_queries = _visit(client, url)
    second, second_queries = _visit(client, url)
    assert second_queries < first_queries
    assert ANY_TOKEN.sub("", first) == ANY_TOKEN.sub("", second)


def test_every_table_of_the_criteria_page_outdates_it(
    workshop_draft, criteria, staff_member, mentor, mentor_share, as_user
):
    client = as_user(staff_member)
    url = _urls(workshop_draft)["criteria"]
    _visit(client, url)
    actor = Actor(user=staff_member)

    Draft.objects.filter(pk=workshop_draft.pk).update(title="Neuer Entwurfstitel")
    assert "Neuer Entwurfstitel" in _visit(client, url)[0]
    Organization.objects.filter(pk=workshop_draft.organization_id).update(name="Neue Stadt")
    assert "Neue Stadt" in _visit(client, url)[0]
    Call.objects.filter(pk=workshop_draft.call_id).update(title="Neuer Aufruf")
    assert "Neuer Aufruf" in _visit(client, url)[0]
    EvaluationCriterion.objects.filter(pk=criteria[0].pk).update(title="Neues Kriterium")
    assert "Neues Kriterium" in _visit(client, url)[0]
    section = workshop_draft.sections.order_by("position").first()
    DraftSection.objects.filter(pk=section.pk).update(title="Neuer Abschnitt")
    assert "Neuer Abschnitt" in _visit(client, url)[0]
    self_assessment_save(
        draft=workshop_draft,
        criterion=criteria[1],
        sections=[section],
        score=2,
        note="Selbst notiert",
        actor=actor,
    )
    assert "Selbst notiert</textarea>" in _visit(client, url)[0]
    mentor_assessment_save(
        draft=workshop_draft,
        criterion=criteria[1],
        score=3,
        note="Von der Mentorin",
        actor=Actor(user=mentor),
    )
    assert "Von der Mentorin" in _visit(client, url)[0]


def test_viewers_with_other_rights_get_their_own_criteria(
    workshop_draft, criteria, staff_member, mentor, mentor_share, second_mentor, as_user
):
    from ikone.applications.models import DraftMentor

    DraftMentor.objects.create(draft=workshop_draft, mentor=second_mentor, shared_by=staff_member)
    mentor_assessment_save(
        draft=workshop_draft,
        criterion=criteria[0],
        score=1,
        note="Nur meine Notiz",
        actor=Actor(user=mentor),
    )
    url = _urls(workshop_draft)["criteria"]
    staff, _ = _visit(as_user(staff_member), url)
    own, _ = _visit(as_user(mentor), url)
    other, _ = _visit(as_user(second_mentor), url)
    assert "Speichern</span></button>" in staff and "Einschätzung speichern" not in staff
    assert "Nur meine Notiz</textarea>" in own
    # The other mentor sees the note in the list, never in their own form.
    assert "Nur meine Notiz</textarea>" not in other
    assert "Einschätzung speichern" in other


def test_a_coordinator_reads_without_forms(
    workshop_draft, criteria, staff_member, coordinator, network_share, as_user
):
    for page, url in _urls(workshop_draft).items():
        staff, _ = _visit(as_user(staff_member), url)
        read_only, _ = _visit(as_user(coordinator), url)
        assert '<form method="post"' in staff, page
        assert 'class="ikone-form" novalidate>' not in read_only, page
        assert "Hinzufügen</span>" not in read_only
        assert 'id="id_text"' not in read_only


def test_the_plan_and_schedule_show_each_change_and_the_current_version(
    workshop_draft, staff_member, as_user
):
    client = as_user(staff_member)
    urls = _urls(workshop_draft)
    actor = Actor(user=staff_member)
    assert 'name="version" value="1"' in _visit(client, urls["financing"])[0]
    financing.cost_item_create(
        draft=workshop_draft,
        actor=actor,
        category=CostCategory.PERSONNEL,
        measure="Neue Plattform",
        phase=None,
        year=2027,
        amount=Decimal("1000.00"),
    )
    assert "Neue Plattform" in _visit(client, urls["financing"])[0]
    financing.financing_plan_update(
        draft=workshop_draft, based_on=1, actor=actor, budget_emergency=True
    )
    content = _visit(client, urls["financing"])[0]
    assert 'name="version" value="2"' in content

    _visit(client, urls["schedule"])
    schedule.milestone_create(
        draft=workshop_draft,
        actor=actor,
        title="Ratsbeschluss einholen",
        kind="council_resolution",
        date=date(2099, 10, 1),
    )
    assert "Ratsbeschluss einholen" in _visit(client, urls["schedule"])[0]
    CallMilestone.objects.create(
        call=workshop_draft.call, label="Informationsabend", date=date(2099, 9, 1)
    )
    assert "Informationsabend" in _visit(client, urls["schedule"])[0]


def test_the_schedule_is_computed_anew_on_the_next_berlin_day(
    workshop_draft, staff_member, as_user
):
    client = as_user(staff_member)
    url = _urls(workshop_draft)["schedule"]
    where = "ikone.applications.views.schedule.berlin_date"
    with mock.patch(where, return_value=date(2099, 1, 1)):
        _visit(client, url)
        _, same_day = _visit(client, url)
    with mock.patch(where, return_value=date(2099, 1, 2)):
        _, next_day = _visit(client, url)
    assert next_day > same_day


def test_the_section_shows_each_change_and_the_current_version(
    workshop_draft, staff_member, as_user
):
    client = as_user(staff_member)
    url = _urls(workshop_draft)["section"]
    section = workshop_draft.sections.get(key=SECTION_KEY)
    content, _ = _visit(client, url)
    assert f'name="based_on" value="{section.version}"' in content
    saved = section_save(
        section=section,
        text="Ein neuer Text",
        based_on=section.version,
        actor=Actor(user=staff_member),
    )
    content, _ = _visit(client, url)
    assert f'name="based_on" value="{saved.version}"' in content
    assert "Ein neuer Text</textarea>" in content
    SectionComment.objects.create(section=section, author=staff_member, text="Ein Kommentar")
    assert "Ein Kommentar" in _visit(client, url)[0]
    Draft.objects.filter(pk=workshop_draft.pk).update(title="Neuer Entwurfstitel")
    assert "Neuer Entwurfstitel" in _visit(client, url)[0]


def test_a_refused_form_is_rendered_as_typed_not_from_the_memo(
    workshop_draft, criteria, staff_member, as_user
):
    client = as_user(staff_member)
    urls = _urls(workshop_draft)
    _visit(client, urls["criteria"])
    criterion = criteria[0]
    refused = client.post(
        urls["criteria"],
        {"kriterium": criterion.pk, f"k{criterion.pk}-score": "7", f"k{criterion.pk}-note": "x"},
    )
    assert refused.status_code == 400
    assert 'aria-invalid="true"' in refused.content.decode()
    assert 'aria-invalid="true"' not in _visit(client, urls["criteria"])[0]

    _visit(client, urls["financing"])
    refused = client.post(
        reverse("applications:cost_item_create", kwargs={"pk": workshop_draft.pk}),
        {"measure": "Getippt und abgelehnt", "amount": "keine Zahl"},
    )
    assert refused.status_code == 400
    assert 'value="Getippt und abgelehnt"' in refused.content.decode()
    assert "Getippt und abgelehnt" not in _visit(client, urls["financing"])[0]


def test_each_request_has_its_own_csrf_token(workshop_draft, criteria, staff_member, as_user):
    for page, url in _urls(workshop_draft).items():
        first = TOKEN.findall(_visit(as_user(staff_member), url)[0])
        second = TOKEN.findall(_visit(as_user(staff_member), url)[0])
        assert first and second, page
        assert set(first).isdisjoint(second), page
