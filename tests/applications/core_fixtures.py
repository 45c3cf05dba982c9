"""Fixtures for the workshop core tests (drafts, sections, criteria,
documents, review, readiness, outcome).

A call with three evaluation criteria and four required documents (two
mandatory for the application, one optional, one for the later grant
stage), and a draft of organisation A (tests.accounts.fixtures) started
through the service, so it has the ten default sections.
Import with `from tests.applications.core_fixtures import *  # noqa: F403`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.test import Client

from ikone.applications.models import Draft, DraftMentor
from ikone.applications.services.drafts import draft_create
from ikone.calls.models import (
    Call,
    CallStatus,
    DocumentStage,
    EvaluationCriterion,
    RequiredDocument,
)
from ikone.core.audit import Actor
from tests.accounts.fixtures import *  # noqa: F403
from tests.core.helpers import sign_in


def make_call(slug: str = "beispielaufruf-werkstatt", **fields) -> Call:
    defaults = {
        "programme": "Modellprojekte Smart Cities",
        "funder": "Bund",
        "title": "Beispielaufruf Smart Cities (Werkstatt)",
        "status": CallStatus.OPEN,
        "deadline": datetime(2099, 12, 15, 11, 0, tzinfo=UTC),
        "federal_share": Decimal("65.00"),
        "federal_share_budget_emergency": Decimal("90.00"),
        "is_example": True,
    }
    return Call.objects.create(slug=slug, **{**defaults, **fields})


@pytest.fixture
def workshop_call(db) -> Call:
    return make_call()


@pytest.fixture
def criteria(workshop_call) -> list[EvaluationCriterion]:
    titles = ["Strategischer Ansatz", "Beteiligung der Öffentlichkeit", "Übertragbarkeit"]
    return [
        EvaluationCriterion.objects.create(call=workshop_call, title=title, position=number)
        for number, title in enumerate(titles)
    ]


@pytest.fixture
def required_documents(workshop_call) -> list[RequiredDocument]:
    specs = [
        ("Ratsbeschluss", True, DocumentStage.APPLICATION),
        ("Absichtserklärungen der Partner", True, DocumentStage.APPLICATION),
        ("Pressespiegel", False, DocumentStage.APPLICATION),
        ("Finanzierungsplan für die KfW", True, DocumentStage.GRANT),
    ]
    return [
        RequiredDocument.objects.create(
            call=workshop_call, title=title, mandatory=mandatory, stage=stage, position=number
        )
        for number, (title, mandatory, stage) in enumerate(specs)
    ]


@pytest.fixture
def workshop_draft(
    organization, staff_member, workshop_call, criteria, required_documents
) -> Draft:
    return draft_create(
        organization=organization,
        call=workshop_call,
        title="Astadt vernetzt (Beispiel)",
        actor=Actor(user=staff_member),
    )


@pytest.fixture
def workshop_draft_b(other_organization, other_staff, workshop_call) -> Draft:
    return draft_create(
        organization=other_organization,
        call=workshop_call,
        title="Bedorf digital (Beispiel)",
        actor=Actor(user=other_staff),
    )


@pytest.fixture
def mentor_share(workshop_draft, mentor, staff_member) -> DraftMentor:
    return DraftMentor.objects.create(draft=workshop_draft, mentor=mentor, shared_by=staff_member)


@pytest.fixture
def second_mentor(db):
    from tests.accounts.factories import MentorFactory

    return MentorFactory(email="zweiter-mentor@example.org", name="Max Mentor")


@pytest.fixture
def network_share(workshop_draft) -> Draft:
    Draft.objects.filter(pk=workshop_draft.pk).update(shared_with_network=True)
    workshop_draft.refresh_from_db()
    return workshop_draft


@pytest.fixture
def as_user():
    """`as_user(user)` → a test client signed in as that person."""

    def make(user) -> Client:
        client = Client()
        sign_in(client, user)
        return client

    return make
