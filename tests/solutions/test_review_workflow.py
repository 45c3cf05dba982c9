"""The review of a profile: every state × action × role, history, audit, mail."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from ikone.core.audit import Actor
from ikone.core.models import AuditEntry
from ikone.solutions import workflow
from ikone.solutions.exceptions import SolutionError
from ikone.solutions.models import ReviewEntry, ReviewState
from ikone.solutions.services.solutions import solution_comment, solution_transition
from tests.solutions.factories import SolutionFactory

ROLES = ("staff_a", "contact_a", "staff_b", "mentor", "coordinator")
PROPOSING = {"staff_a", "contact_a"}
REVIEWING = {"coordinator"}


@pytest.fixture
def draft_of_a(organization, contact_person):
    return SolutionFactory(
        organizations=[organization],
        review_state=ReviewState.DRAFT,
        proposed_by=contact_person,
    )


def _allowed(role: str, who: str) -> bool:
    if who == workflow.COORDINATOR:
        return role in REVIEWING
    return role in PROPOSING | REVIEWING


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("state", "action"), list(workflow.TRANSITIONS))
def test_every_transition_for_every_role(state, action, role, draft_of_a, user_for_role):
    draft_of_a.review_state = state
    draft_of_a.save()
    _new, who = workflow.TRANSITIONS[(state, action)]
    actor = Actor(user=user_for_role(role))
    if not _allowed(role, who):
        with pytest.raises(PermissionDenied):
            solution_transition(solution=draft_of_a, action=action, comment="Bitte", actor=actor)
        return
    moved = solution_transition(solution=draft_of_a, action=action, comment="Bitte", actor=actor)
    assert moved.review_state == workflow.TRANSITIONS[(state, action)][0]


@pytest.mark.parametrize("state", ReviewState.values)
@pytest.mark.parametrize("action", [workflow.SUBMIT, workflow.PUBLISH, workflow.RETURN])
def test_moves_outside_the_table_are_refused(state, action, draft_of_a, coordinator):
    if (state, action) in workflow.TRANSITIONS:
        return
    draft_of_a.review_state = state
    draft_of_a.save()
    with pytest.raises(SolutionError):
        solution_transition(
            solution=draft_of_a, action=action, comment="x", actor=Actor(user=coordinator)
        )


def test_returning_needs_a_comment(draft_of_a, coordinator):
    draft_of_a.review_state = ReviewState.SUBMITTED
    draft_of_a.save()
    with pytest.raises(SolutionError, match="was geändert werden soll"):
        solution_transition(
            solution=draft_of_a, action=workflow.RETURN, actor=Actor(user=coordinator)
        )


def test_the_whole_review_leaves_history_audit_and_mail(
    draft_of_a, staff_member, coordinator, contact_person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _walk_the_review(draft_of_a, staff_member, coordinator)
    assert mail.outbox[0].to == [coordinator.email]
    decided = [m for m in mail.outbox if contact_person.email in m.to]
    assert len(decided) == 2  # returned, then published
    entries = list(ReviewEntry.objects.filter(solution=draft_of_a).order_by("pk"))
    assert [(e.action, e.to_state) for e in entries] == [
        ("submit", "submitted"),
        ("return", "returned"),
        ("comment", "returned"),
        ("submit", "submitted"),
        ("publish", "published"),
    ]
    assert entries[1].comment == "Bitte Kosten ergänzen"
    actions = set(
        AuditEntry.objects.filter(target_type="solutions.solution").values_list(
            "action", flat=True
        )
    )
    assert {
        "solutions.solution.submitted",
        "solutions.solution.returned",
        "solutions.solution.commented",
        "solutions.solution.published",
    } <= actions


def _walk_the_review(draft_of_a, staff_member, coordinator):
    solution_transition(solution=draft_of_a, action="submit", actor=Actor(user=staff_member))
    solution_transition(
        solution=draft_of_a,
        action="return",
        comment="Bitte Kosten ergänzen",
        actor=Actor(user=coordinator),
    )
    solution_comment(solution=draft_of_a, text="Ergänzt.", actor=Actor(user=staff_member))
    solution_transition(solution=draft_of_a, action="submit", actor=Actor(user=staff_member))
    published = solution_transition(
        solution=draft_of_a, action="publish", actor=Actor(user=coordinator)
    )
    assert published.review_state == ReviewState.PUBLISHED
    assert published.published_at is not None


def test_others_may_not_comment(draft_of_a, other_staff, mentor):
    for user in (other_staff, mentor):
        with pytest.raises(PermissionDenied):
            solution_comment(solution=draft_of_a, text="Hallo", actor=Actor(user=user))
