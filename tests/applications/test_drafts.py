"""Starting drafts (also as copies), the outcome workflow, the coordinators'
figures, and query budgets of list and detail."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ikone.applications import workflow
from ikone.applications.exceptions import DraftError
from ikone.applications.models import (
    Draft,
    DraftMentor,
    DraftStatus,
    SectionTemplate,
    SectionTemplateItem,
)
from ikone.applications.section_templates import DEFAULT_TEMPLATE
from ikone.applications.services.drafts import draft_create, draft_record_lessons, draft_transition
from ikone.applications.services.sections import section_save
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403


def test_new_draft_gets_the_default_smart_city_sections(workshop_draft):
    sections = list(workshop_draft.sections.order_by("position"))
    assert [s.key for s in sections] == [spec.key for spec in DEFAULT_TEMPLATE]
    assert [s.title for s in sections][:3] == [
        "Ausgangslage",
        "Vision und Ziele",
        "Handlungsfelder und Maßnahmen",
    ]
    assert all(s.guiding_question_list and s.min_length > 0 for s in sections)


def test_a_call_template_replaces_the_default(organization, staff_member, workshop_call):
    template = SectionTemplate.objects.create(call=workshop_call, name="Eigene Gliederung")
    SectionTemplateItem.objects.create(template=template, key="idee", title="Idee", min_length=10)
    draft = draft_create(
        organization=organization, call=workshop_call, title="T", actor=Actor(user=staff_member)
    )
    assert list(draft.sections.values_list("key", flat=True)) == ["idee"]


def test_create_in_the_browser(organization, staff_member, workshop_call, as_user):
    response = as_user(staff_member).post(
        reverse("applications:create"),
        {"organization": organization.pk, "call": workshop_call.pk, "title": "Neuer Anlauf"},
    )
    draft = Draft.objects.get(title="Neuer Anlauf")
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url()
    assert draft.created_by == staff_member


def test_create_without_title_keeps_the_input(organization, staff_member, workshop_call, as_user):
    response = as_user(staff_member).post(
        reverse("applications:create"), {"organization": organization.pk, "call": workshop_call.pk}
    )
    assert response.status_code == 400
    assert "Bitte geben Sie einen Arbeitstitel an." in response.content.decode()


def test_staff_of_b_cannot_start_a_draft_for_a(organization, other_staff, workshop_call):
    with pytest.raises(PermissionDenied):
        draft_create(
            organization=organization, call=workshop_call, title="x", actor=Actor(user=other_staff)
        )


def test_copy_takes_over_texts_of_matching_sections(
    workshop_draft, organization, staff_member, workshop_call
):
    section = workshop_draft.sections.get(key="ausgangslage")
    section.draft = workshop_draft
    section_save(
        section=section, text="Bewährter Text", based_on=0, actor=Actor(user=staff_member)
    )
    copy = draft_create(
        organization=organization,
        call=workshop_call,
        title="Zweiter Anlauf",
        copy_from=workshop_draft,
        actor=Actor(user=staff_member),
    )
    copied = copy.sections.get(key="ausgangslage")
    assert (copied.text, copied.version) == ("Bewährter Text", 1)
    assert copied.revisions.get().text == "Bewährter Text"
    assert copy.copied_from == workshop_draft


def test_copy_of_another_organisations_draft_is_refused(
    workshop_draft_b, organization, staff_member, workshop_call
):
    with pytest.raises(DraftError):
        draft_create(
            organization=organization,
            call=workshop_call,
            title="x",
            copy_from=workshop_draft_b,
            actor=Actor(user=staff_member),
        )


ACTIONS = [workflow.REVIEW, workflow.REOPEN, workflow.SUBMIT, workflow.FUNDED, workflow.NOT_FUNDED]


@pytest.mark.parametrize("status", DraftStatus.values)
@pytest.mark.parametrize("action", ACTIONS)
def test_the_workflow_table(status, action, workshop_draft, staff_member):
    Draft.objects.filter(pk=workshop_draft.pk).update(status=status)
    workshop_draft.refresh_from_db()
    options = {"submitted_on": "2099-12-01", "funded_amount": Decimal("1000.00")}
    expected = workflow.next_status(status, action)
    if expected is None:
        with pytest.raises(DraftError):
            draft_transition(
                draft=workshop_draft, action=action, actor=Actor(user=staff_member), **options
            )
        return
    moved = draft_transition(
        draft=workshop_draft, action=action, actor=Actor(user=staff_member), **options
    )
    assert moved.status == expected


def test_mentor_cannot_move_the_status(workshop_draft, mentor, mentor_share):
    with pytest.raises(PermissionDenied):
        draft_transition(draft=workshop_draft, action=workflow.REVIEW, actor=Actor(user=mentor))


def test_outcome_in_the_browser(workshop_draft, staff_member, as_user):
    client = as_user(staff_member)
    url = reverse("applications:transition", kwargs={"pk": workshop_draft.pk})
    client.post(url, {"action": "submit", "submitted_on": "2099-12-10"})
    response = client.post(
        url, {"action": "funded", "funded_amount": "1.250.000,00", "feedback": "Gut"}
    )
    assert response.status_code == 302
    workshop_draft.refresh_from_db()
    assert workshop_draft.status == DraftStatus.FUNDED
    assert workshop_draft.funded_amount == Decimal("1250000.00")
    assert str(workshop_draft.submitted_on) == "2099-12-10"


def test_submit_without_date_says_why(workshop_draft, staff_member, as_user):
    client = as_user(staff_member)
    url = reverse("applications:transition", kwargs={"pk": workshop_draft.pk})
    response = client.post(url, {"action": "submit"}, follow=True)
    assert "Bitte geben Sie das Datum der Einreichung an." in response.content.decode()
    workshop_draft.refresh_from_db()
    assert workshop_draft.status == DraftStatus.DRAFT


def test_submitted_text_is_read_only(workshop_draft, staff_member, as_user):
    Draft.objects.filter(pk=workshop_draft.pk).update(status=DraftStatus.SUBMITTED)
    url = reverse(
        "applications:section", kwargs={"pk": workshop_draft.pk, "section_key": "ausgangslage"}
    )
    assert as_user(staff_member).post(url, {"text": "neu", "based_on": 0}).status_code == 403


def test_figures_are_anonymous(
    workshop_draft, workshop_draft_b, staff_member, other_staff, coordinator, as_user
):
    submitted = [
        draft_transition(
            draft=draft, action="submit", submitted_on="2099-12-01", actor=Actor(user=user)
        )
        for draft, user in ((workshop_draft, staff_member), (workshop_draft_b, other_staff))
    ]
    draft_record_lessons(
        draft=submitted[0],
        lessons="Die Stadt Astadt hat den Ratsbeschluss zu spät eingeholt.",
        feedback="",
        actor=Actor(user=staff_member),
    )
    content = as_user(coordinator).get(reverse("applications:figures")).content.decode()
    assert "Ratsbeschluss zu spät" in content
    assert "Astadt" not in content and "Bedorf" not in content
    assert workshop_draft.call.title in content
    assert ">2<" in content  # two submitted drafts of the call


def _many_drafts(count, organization, call, mentor=None):
    for number in range(count):
        draft = Draft.objects.create(
            organization=organization, call=call, title=f"Entwurf {number}"
        )
        if mentor is not None:
            DraftMentor.objects.create(draft=draft, mentor=mentor)


def test_list_query_count(
    workshop_draft,
    organization,
    workshop_call,
    staff_member,
    as_user,
    django_assert_max_num_queries,
):
    _many_drafts(20, organization, workshop_call)
    client = as_user(staff_member)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("applications:list"))
    assert response.content.decode().count("Entwurf ") >= 20


def test_detail_query_count(
    workshop_draft, mentor_share, staff_member, as_user, django_assert_max_num_queries
):
    client = as_user(staff_member)
    with django_assert_max_num_queries(8):
        response = client.get(workshop_draft.get_absolute_url())
    assert response.status_code == 200
    summary = client.get(
        reverse("applications:readiness", kwargs={"pk": workshop_draft.pk}),
        headers={"HX-Request": "true"},
    )
    assert "<html" not in summary.content.decode()
    assert "noch nicht bereit" in summary.content.decode()


def test_criteria_page_query_count(
    workshop_draft, criteria, staff_member, as_user, django_assert_max_num_queries
):
    from ikone.applications.services.checklist import self_assessment_save

    for criterion in criteria:
        self_assessment_save(
            draft=workshop_draft,
            criterion=criterion,
            sections=list(workshop_draft.sections.all()[:3]),
            score=2,
            note="",
            actor=Actor(user=staff_member),
        )
    client = as_user(staff_member)
    url = reverse("applications:criteria", kwargs={"pk": workshop_draft.pk})
    # 11: one query more since every mentor's assessment is its own row.
    with django_assert_max_num_queries(11):
        assert client.get(url).status_code == 200


def test_section_page_query_count(
    workshop_draft, mentor, mentor_share, staff_member, as_user, django_assert_max_num_queries
):
    from ikone.applications.services.review import comment_add

    section = workshop_draft.sections.get(key="ausgangslage")
    section.draft = workshop_draft
    for number in range(5):
        thread = comment_add(section=section, text=f"Frage {number}", actor=Actor(user=mentor))
        comment_add(section=section, text="Antwort", parent=thread, actor=Actor(user=staff_member))
    client = as_user(staff_member)
    url = reverse(
        "applications:section", kwargs={"pk": workshop_draft.pk, "section_key": section.key}
    )
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
