"""The readiness check: itemised, weighted score, mandatory items, days
left, and the registry other modules add checks to."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from ikone.applications import readiness
from ikone.applications.models import DocumentStatus
from ikone.applications.readiness import Readiness, ReadinessItem, readiness_for
from ikone.applications.services.checklist import document_update, self_assessment_save
from ikone.applications.services.sections import section_save
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403

CORE_CHECKS = ("sections", "criteria", "documents")


@pytest.fixture(autouse=True)
def core_checks_only(monkeypatch):
    """Financing and schedule register checks of their own (tested with
    them); these tests look at the core checks."""
    core = {name: entry for name, entry in readiness._REGISTRY.items() if name in CORE_CHECKS}
    monkeypatch.setattr(readiness, "_REGISTRY", core)


def _complete(draft, criteria, required_documents, user):
    actor = Actor(user=user)
    for section in draft.sections.all():
        section.draft = draft
        section_save(section=section, text="x" * section.min_length, based_on=0, actor=actor)
    first = draft.sections.first()
    for criterion in criteria:
        self_assessment_save(
            draft=draft, criterion=criterion, sections=[first], score=2, note="", actor=actor
        )
    for required in required_documents:
        if required.mandatory and required.stage == "application":
            document_update(
                draft=draft,
                required=required,
                status=DocumentStatus.OPEN,
                note="",
                file=SimpleUploadedFile("a.pdf", b"%PDF-1.7\n%%EOF\n"),
                actor=actor,
            )


def test_a_new_draft_lists_what_is_missing(workshop_draft):
    check = readiness_for(workshop_draft, today=date(2099, 12, 1))
    keys = {item.key for item in check.missing}
    assert "section.ausgangslage" in keys
    assert {key for key in keys if key.startswith("criterion.")}.__len__() == 3
    # The grant-stage document is not part of the application check.
    assert sum(1 for key in keys if key.startswith("document.")) == 3
    assert check.score == 0
    assert not check.ready
    assert check.days_left == 14


def test_complete_draft_is_ready_even_with_optional_items_missing(
    workshop_draft, criteria, required_documents, staff_member
):
    _complete(workshop_draft, criteria, required_documents, staff_member)
    check = readiness_for(workshop_draft, today=date(2099, 12, 1))
    assert check.ready
    assert [item.label for item in check.missing] == ["Pressespiegel"]
    assert 90 <= check.score < 100


def test_too_short_section_is_named_with_its_length(workshop_draft, staff_member):
    section = workshop_draft.sections.get(key="risiken")
    section.draft = workshop_draft
    section_save(section=section, text="kurz", based_on=0, actor=Actor(user=staff_member))
    item = next(i for i in readiness_for(workshop_draft).items if i.key == "section.risiken")
    assert not item.met
    assert "4 von mindestens 400 Zeichen" in str(item.detail)


def test_passed_deadline_is_never_ready(
    workshop_draft, criteria, required_documents, staff_member
):
    _complete(workshop_draft, criteria, required_documents, staff_member)
    check = readiness_for(workshop_draft, today=date(2100, 1, 1))
    assert check.deadline_passed
    assert not check.ready


def test_registered_checks_join_the_list(workshop_draft):
    @readiness.register("test-extra", order=99)
    def extra(context):
        yield ReadinessItem(key="extra", label="Zusatz", met=False, mandatory=True)

    check = readiness_for(workshop_draft)
    assert check.items[-1].key == "extra"
    assert "test-extra" in readiness.registered_checks()


def test_readiness_page_shows_score_and_days(workshop_draft, staff_member, as_user):
    url = reverse("applications:readiness", kwargs={"pk": workshop_draft.pk})
    content = as_user(staff_member).get(url).content.decode()
    assert "noch nicht bereit" in content
    assert "Tage bis zur Einreichungsfrist" in content
    assert "Ratsbeschluss" in content


@given(st.lists(st.tuples(st.booleans(), st.booleans(), st.integers(1, 5)), max_size=30))
def test_score_is_between_0_and_100_and_ready_iff_mandatory_met(specs):
    items = [
        ReadinessItem(key=str(n), label="x", met=met, mandatory=mandatory, weight=weight)
        for n, (met, mandatory, weight) in enumerate(specs)
    ]
    check = Readiness(items=items, days_left=10, deadline_passed=False)
    assert 0 <= check.score <= 100
    assert check.ready == all(item.met for item in items if item.mandatory)
    if items and all(item.met for item in items):
        assert check.score == 100
    if items and not any(item.met for item in items):
        assert check.score == 0
