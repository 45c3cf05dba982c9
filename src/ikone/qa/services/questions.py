"""Asking and following questions."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from ikone.accounts.models import Organization
from ikone.calls.models import Call, CallSection
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.models import FieldOfAction
from ikone.core.services import require, require_user
from ikone.qa import permissions
from ikone.qa.exceptions import InvalidSectionsError
from ikone.qa.models import Question, QuestionFollow, Visibility


def current_sections_only(call: Call, sections: Iterable[CallSection]) -> list[CallSection]:
    """The sections, which must all belong to the call's current version;
    raises InvalidSectionsError otherwise."""
    chosen = list(sections)
    if any(section.version_id != call.current_version_id for section in chosen):
        raise InvalidSectionsError
    return chosen


@transaction.atomic
def question_create(
    *,
    actor: Actor,
    call: Call,
    title: str,
    text: str,
    visibility: str = Visibility.PUBLIC,
    show_organization: bool = False,
    organization: Organization | None = None,
    sections: Iterable[CallSection] = (),
    fields_of_action: Iterable[FieldOfAction] = (),
) -> Question:
    """Ask a question on a call; the asker follows it from then on.

    `organization` must be one of the asker's own (None for mentors and
    coordinators asking for themselves); cited sections must be of the
    call's current version (InvalidSectionsError otherwise)."""
    user = require_user(actor)
    viewer = permissions.viewer_for(user)
    require(permissions.can_ask_question(viewer))
    if organization is not None:
        require(organization.pk in viewer.organization_ids)
    elif not viewer.is_expert:
        require(len(viewer.organization_ids) == 1)
        organization = Organization.objects.get(pk=next(iter(viewer.organization_ids)))
    chosen = current_sections_only(call, sections)
    question = Question(
        call=call,
        author=user,
        organization=organization,
        title=title.strip(),
        text=text.strip(),
        visibility=visibility,
        show_organization=show_organization and organization is not None,
    )
    question.full_clean(exclude=["call", "author", "organization"])
    question.save()
    question.cited_sections.set(chosen)
    question.fields_of_action.set(list(fields_of_action))
    QuestionFollow.objects.create(question=question, user=user)
    audit.record(
        actor,
        "qa.question.created",
        target=question,
        data={"call": call.slug, "visibility": visibility},
    )
    return question


def question_follow(*, actor: Actor, question: Question) -> QuestionFollow:
    """Follow a question (idempotent)."""
    user = require_user(actor)
    viewer = permissions.viewer_for(user)
    require(permissions.can_follow_question(viewer, question))
    try:
        with transaction.atomic():
            follow, _created = QuestionFollow.objects.get_or_create(question=question, user=user)
    except IntegrityError:  # a double click raced us
        follow = QuestionFollow.objects.get(question=question, user=user)
    return follow


def question_unfollow(*, actor: Actor, question: Question) -> None:
    """Stop following a question (idempotent)."""
    user = require_user(actor)
    QuestionFollow.objects.filter(question=question, user=user).delete()
