"""Demo questions and answers on the 2021 round and the example call.

`seed_demo_questions()` runs after the accounts and calls seeders and is
idempotent: a question that exists (same call and title) is left alone with
its answers. The texts are in `demo/questions.yaml` (see docs/demo.md).
Everything is written
through the services (so audit entries and FAQ revisions exist as they
would), without notification e-mails, then dated back to plausible times
so the figures page has something to show.

The example call was amended (version 2) by the calls seeder before this
runs. One answer is written "against version 1": it cites version 1's
section, and the seeder then calls the flag service for the numbers that
changed, exactly as the `call_amended` receiver would have.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.db import transaction
from django.utils import timezone

from ikone.accounts.demo import COORDINATOR, MENTORS, contact_email, staff_email
from ikone.accounts.models import Membership, User
from ikone.calls.models import Call, CallSection
from ikone.core.audit import Actor
from ikone.core.demo_data import Prose, load_records
from ikone.core.models import FieldOfAction
from ikone.qa import services
from ikone.qa.models import Answer, Question, Visibility
from ikone.qa.services import moderation

QUESTIONS_FILE = Path(__file__).resolve().parent / "demo" / "questions.yaml"
EXAMPLE = "beispielaufruf-smarte-region"
EXAMPLE_AMENDED_NUMBERS = ("3.3", "5.2")  # as published by ikone.calls.demo


@dataclass(frozen=True)
class DemoAnswer:
    author: str
    text: Prose
    sections: tuple[str, ...] = ()
    hours_after: float = 24
    official: bool = False


@dataclass(frozen=True)
class DemoFAQ:
    title: str
    answer: Prose
    section: str | None
    question_text: Prose = ""


@dataclass(frozen=True)
class DemoQuestion:
    call: str
    asker: str
    title: str
    text: Prose
    sections: tuple[str, ...] = ()
    visibility: Visibility = Visibility.PUBLIC
    show_organization: bool = False
    fields: tuple[str, ...] = ()
    days_before_deadline: int = 30
    answers: tuple[DemoAnswer, ...] = ()
    faq: DemoFAQ | None = None
    # The answer was written against version 1 of the call and cites the
    # sections of that version; the demo flags it for the amendment.
    against_version_1: bool = False
    # Moderation: the asker asked for removal; the coordination hid it.
    removal_requested: bool = False
    hidden_reason: str = ""


@functools.cache
def demo_questions() -> tuple[DemoQuestion, ...]:
    """The questions of `demo/questions.yaml`; raises DemoDataError."""
    return load_records(QUESTIONS_FILE, DemoQuestion)


class Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


class _Silent:
    def write(self, msg: str, /) -> object:
        return None


class _People:
    """Demo users by the short names used in demo/questions.yaml."""

    def __init__(self) -> None:
        emails = [COORDINATOR.email, *(person.email for person in MENTORS)]
        self.by_email = {user.email: user for user in User.objects.filter(email__in=emails)}
        self.memberships = {
            membership.user.email: membership
            for membership in Membership.objects.select_related("user", "organization").filter(
                user__email__endswith="@ikone.example"
            )
        }

    def get(self, key: str) -> tuple[User | None, Membership | None]:
        if key in ("mentorin", "mentor", "koordination"):
            return self.by_email.get(f"{key}@ikone.example"), None
        org_key, contact = key.rstrip("+"), key.endswith("+")
        email = contact_email(org_key) if contact else staff_email(org_key)
        membership = self.memberships.get(email)
        return (membership.user if membership else None), membership


def _asked_at(call: Call, demo: DemoQuestion, now: dt.datetime) -> dt.datetime:
    if call.slug == EXAMPLE or call.deadline is None:
        return now - dt.timedelta(days=min(demo.days_before_deadline / 2, 13), hours=3)
    moment = call.deadline - dt.timedelta(days=demo.days_before_deadline)
    return moment.replace(hour=9, minute=30, second=0, microsecond=0)


def _sections(call: Call, numbers: tuple[str, ...], *, version_number: int | None = None):
    queryset = CallSection.objects.filter(version__call=call, number__in=numbers)
    if version_number is None:
        queryset = queryset.filter(version_id=call.current_version_id)
    else:
        queryset = queryset.filter(version__number=version_number)
    return list(queryset.order_by("position"))


def _answer(
    question: Question,
    call: Call,
    demo: DemoQuestion,
    answer: DemoAnswer,
    people: _People,
    asked: dt.datetime,
) -> Answer | None:
    author, membership = people.get(answer.author)
    if author is None:
        return None
    answered = asked + dt.timedelta(hours=answer.hours_after)
    created = services.answer_create(
        actor=Actor(user=author),
        question=question,
        text=answer.text,
        sections=_sections(call, answer.sections),
        organization=membership.organization if membership else None,
        notify=False,
    )
    if demo.against_version_1:
        # Written before the amendment: cite the sections as version 1 worded them.
        created.cited_sections.set(_sections(call, answer.sections, version_number=1))
    Answer.objects.filter(pk=created.pk).update(created_at=answered, updated_at=answered)
    return created


def _publish(question: Question, call: Call, demo: DemoQuestion, coordinator: User) -> None:
    if demo.faq is None:
        return
    section = _sections(call, (demo.faq.section,)) if demo.faq.section else []
    services.faq_publish(
        actor=Actor(user=coordinator),
        question=question,
        title=demo.faq.title,
        question_text=demo.faq.question_text,
        answer_text=demo.faq.answer,
        section=section[0] if section else None,
        note="Erste veröffentlichte Fassung (Demo).",
    )


def _question(call: Call, demo: DemoQuestion, people: _People, now: dt.datetime) -> bool:
    asker, membership = people.get(demo.asker)
    coordinator = people.by_email.get(COORDINATOR.email)
    if asker is None or membership is None or coordinator is None:
        return False
    question = services.question_create(
        actor=Actor(user=asker),
        call=call,
        title=demo.title,
        text=demo.text or demo.title,
        visibility=demo.visibility,
        show_organization=demo.show_organization,
        organization=membership.organization,
        sections=_sections(call, demo.sections),
        fields_of_action=list(FieldOfAction.objects.filter(key__in=demo.fields)),
    )
    asked = _asked_at(call, demo, now)
    answers = [_answer(question, call, demo, answer, people, asked) for answer in demo.answers]
    for answer, content in zip(answers, demo.answers, strict=True):
        if answer is not None and content.official:
            services.answer_mark_official(actor=Actor(user=coordinator), answer=answer)
    first = min(
        (
            asked + dt.timedelta(hours=a.hours_after)
            for a, made in zip(demo.answers, answers, strict=True)
            if made
        ),
        default=None,
    )
    Question.objects.filter(pk=question.pk).update(
        created_at=asked,
        updated_at=asked,
        first_answer_at=first,
        first_answer_seconds=int((first - asked).total_seconds()) if first else None,
    )
    question.refresh_from_db()
    _publish(question, call, demo, coordinator)
    if demo.removal_requested:
        moderation.question_request_removal(actor=Actor(user=asker), question=question)
    if demo.hidden_reason:
        moderation.question_hide(
            actor=Actor(user=coordinator), question=question, reason=demo.hidden_reason
        )
    if demo.against_version_1:
        cited = {number for a in demo.answers for number in a.sections}
        services.flag_for_amendment(
            call=call, changed_numbers=sorted(cited & set(EXAMPLE_AMENDED_NUMBERS))
        )
    return True


@transaction.atomic
def seed_demo_questions(*, stdout: Writer | None = None) -> None:
    """Create the demo questions that do not exist yet (see module docstring)."""
    out = stdout or _Silent()
    questions = demo_questions()
    calls = {
        call.slug: call
        for call in Call.objects.select_related("current_version").filter(
            slug__in={demo.call for demo in questions}
        )
    }
    existing = set(
        Question.objects.filter(call__in=calls.values()).values_list("call_id", "title")
    )
    people = _People()
    now = timezone.now()
    created = skipped = 0
    for demo in questions:
        call = calls.get(demo.call)
        if call is None or call.current_version_id is None:
            skipped += 1
            continue
        if (call.pk, demo.title) in existing:
            continue
        if _question(call, demo, people, now):
            created += 1
        else:
            skipped += 1
    out.write(f"Demo-Fragen: {created} angelegt, {skipped} übersprungen.\n")
