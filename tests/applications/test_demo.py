"""Demo drafts: idempotent, marked as examples, partly and fully finished."""

import pytest

from ikone.accounts import demo as accounts_demo
from ikone.applications import demo
from ikone.applications.models import (
    CriterionAssessment,
    DocumentStatus,
    Draft,
    DraftStatus,
    MentorAssessment,
    SectionComment,
    SectionRevision,
)
from ikone.applications.readiness import readiness_for
from ikone.calls import demo as calls_demo
from ikone.core.models import AuditEntry
from ikone.municipalities.models import Level
from tests.accounts.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    for organization in accounts_demo.demo_organizations():
        level = {5: Level.DISTRICT, 9: Level.ASSOCIATION}.get(
            len(organization.ags), Level.MUNICIPALITY
        )
        MunicipalityFactory(ags=organization.ags, name=organization.name, level=level)
    accounts_demo.seed_demo_accounts()
    calls_demo.seed_demo_calls()
    demo.seed_demo_applications()


def _counts():
    return (
        Draft.objects.count(),
        SectionRevision.objects.count(),
        SectionComment.objects.count(),
        CriterionAssessment.objects.count(),
    )


def test_seeding_twice_changes_nothing(seeded):
    first = _counts()
    demo.seed_demo_applications()
    assert _counts() == first
    assert first[0] == 3  # Mainz, Linz and the reopened draft; one more in the trash
    assert Draft.all_objects.count() == 4


def test_both_drafts_are_marked_as_examples(seeded):
    for draft in Draft.objects.all():
        assert draft.is_example
        assert "Beispiel" in draft.title
        assert all(
            section.text == "" or "Beispiel" in section.text for section in draft.sections.all()
        )


def test_the_example_call_draft_is_partly_finished_and_reviewed(seeded):
    draft = Draft.objects.get(title=demo.MAINZ_TITLE)
    assert draft.call.slug == demo.EXAMPLE_CALL_SLUG
    assert draft.organization.municipality.ags.startswith("07")  # Rheinland-Pfalz
    assert draft.status == DraftStatus.DRAFT
    check = readiness_for(draft)
    assert 0 < check.score < 100
    assert not check.ready
    assert draft.sections.get(key="ausgangslage").version == 2
    assert draft.mentor_shares.exclude(recommendation="").count() == 1
    assert draft.mentor_shares.count() == 2
    assert SectionComment.objects.filter(section__draft=draft).count() == 3
    assert draft.documents.filter(status=DocumentStatus.AVAILABLE).exclude(file="").exists()


def test_the_2021_draft_is_funded(seeded):
    draft = Draft.objects.get(title=demo.LINZ_TITLE)
    assert draft.call.slug == demo.ROUND_2021_SLUG
    assert draft.status == DraftStatus.FUNDED
    assert draft.funded_amount == demo.demo_drafts().linz.funded_amount
    assert draft.lessons_learned
    assert all(section.is_long_enough for section in draft.sections.all())


def test_two_mentors_scored_the_example_draft(seeded):
    draft = Draft.objects.get(title=demo.MAINZ_TITLE)
    given = MentorAssessment.objects.filter(draft=draft)
    assert given.values("mentor").distinct().count() == 2
    assert given.values("criterion").distinct().count() == 3


def test_a_draft_lies_in_the_trash_and_one_was_reopened(seeded):
    lifecycle = demo.demo_drafts()
    trashed = Draft.all_objects.get(title=lifecycle.trashed.title)
    assert trashed.deleted_at is not None and trashed.deleted_by is not None
    assert not Draft.objects.filter(pk=trashed.pk).exists()
    reopened = Draft.objects.get(title=lifecycle.reopened.title)
    assert reopened.status == DraftStatus.DRAFT
    assert AuditEntry.objects.filter(
        action="applications.draft.reopened", target_id=str(reopened.pk)
    ).exists()
