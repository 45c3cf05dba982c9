"""Every demo content file (`src/ikone/<app>/demo/`) is read by its app's
loader and holds what the seeders expect; a file no loader reads fails."""

from pathlib import Path

import pytest

import ikone
from ikone.accounts.demo import demo_network, demo_organizations
from ikone.applications.demo import demo_drafts
from ikone.calls.demo import EXAMPLE_AMENDED_NUMBERS, demo_amendment
from ikone.core import demo_data
from ikone.core.taxonomy import read_fields_of_action
from ikone.events.demo import demo_events
from ikone.events.demo_followup import demo_followup
from ikone.knowledge.demo import demo_accessibility
from ikone.knowledge.demo.articles import demo_articles
from ikone.knowledge.demo.pages import Cards, demo_home, demo_standard_pages
from ikone.knowledge.links import platform_area_choices
from ikone.knowledge.models import FooterRole
from ikone.notifications.demo import demo_notifications
from ikone.qa.demo import demo_questions
from ikone.solutions.demo import demo_content as demo_solution_content
from ikone.support.demo import demo_requests

SOURCE = Path(ikone.__file__).resolve().parent
PEOPLE = {"mentorin", "mentor", "koordination"}


def demo_files() -> set[Path]:
    return {
        path for pattern in ("*/demo/**/*.yaml", "*/demo/**/*.md") for path in SOURCE.glob(pattern)
    }


LOADERS = [
    demo_network,
    demo_organizations,
    demo_questions,
    demo_events,
    demo_followup,
    demo_drafts,
    demo_amendment,
    demo_home,
    demo_standard_pages,
    demo_notifications,
    demo_solution_content,
    demo_articles,
    demo_requests,
    demo_accessibility,
]


@pytest.fixture
def files_read(monkeypatch):
    """The files the loaders open, read afresh (the loaders cache)."""
    read: set[Path] = set()
    original = demo_data._read

    def recording(path):
        read.add(Path(path).resolve())
        return original(path)

    monkeypatch.setattr(demo_data, "_read", recording)
    for loader in LOADERS:
        loader.cache_clear()
    yield read
    for loader in LOADERS:
        loader.cache_clear()


def test_every_demo_file_is_read_by_a_loader(files_read):
    for loader in LOADERS:
        assert loader(), f"{loader.__qualname__} found nothing"
    assert files_read == demo_files()


FIELDS = {entry["key"] for entry in read_fields_of_action()}


def test_questions_refer_to_known_people_and_fields():
    organizations = {
        organization.key for organization in demo_organizations() if organization.people
    }
    fields = FIELDS
    for question in demo_questions():
        assert question.asker.rstrip("+") in organizations, question.title
        assert set(question.fields) <= fields, question.title
        for answer in question.answers:
            assert answer.author.rstrip("+") in organizations | PEOPLE, question.title
        assert question.call in {"mpsc-2021", "beispielaufruf-smarte-region"}


def test_organizations_are_unique_with_valid_keys():
    organizations = demo_organizations()
    assert len({organization.key for organization in organizations}) == len(organizations)
    assert len({organization.ags for organization in organizations}) == len(organizations)
    for organization in organizations:
        assert organization.ags.isdigit() and len(organization.ags) in (5, 8, 9), organization.key
        assert organization.key == organization.key.lower().replace(" ", "-"), organization.key


def test_events_have_times_and_known_fields():
    content = demo_events()
    for event in content.past_events:
        assert event.starts_at is not None and event.ends_at is not None, event.slug
        assert event.starts_at < event.ends_at, event.slug
    for event in content.examples:
        assert event.starts_at is None and event.weeks_ahead > 0, event.slug
    for event in content.past_events + content.examples:
        assert set(event.fields_of_action) <= FIELDS, event.slug
    assert all(1 <= feedback.rating <= 5 for feedback in demo_followup().past_example.feedback)


def test_drafts_refer_to_sections_and_date_their_milestones():
    drafts = demo_drafts()
    mainz_sections = set(drafts.mainz.sections)
    for assessment in drafts.mainz.assessments:
        assert set(assessment.sections) <= mainz_sections
    for comment in drafts.mainz.comments:
        assert comment.section in mainz_sections
        assert comment.author in {"mentor", "staff"}
        assert {reply.author for reply in comment.replies} <= {"mentor", "staff"}
    for milestone in drafts.mainz.milestones + drafts.linz.milestones:
        assert (milestone.date is None) != (milestone.days_before_deadline is None), milestone
    for cost in drafts.mainz.costs + drafts.linz.costs:
        assert cost.phase in {"A", "B"} and cost.amount > 0, cost


def test_the_amendment_replaces_the_sections_the_questions_cite():
    numbers = sorted(section.number for section in demo_amendment().sections)
    assert numbers == EXAMPLE_AMENDED_NUMBERS


def test_pages_link_to_demo_pages_and_platform_areas():
    pages = demo_standard_pages()
    slugs = {page.meta.slug for page in pages}
    assert len(slugs) == len(pages)
    roles = [page.meta.footer_role for page in pages if page.meta.footer_role]
    assert sorted(roles) == sorted(FooterRole.values)
    areas = {name for name, _label in platform_area_choices()}
    for page in (demo_home(), *pages):
        assert page.blocks, page.meta.title
        for kind, value in page.blocks:
            if kind != "cards":
                continue
            assert isinstance(value, Cards)
            for card in value.cards:
                targets = [target for target in (card.page, card.area, card.url) if target]
                assert len(targets) == 1, card
                assert not card.page or card.page in slugs, card
                assert not card.area or card.area in areas, card


def test_a_broken_page_is_reported_with_file_and_line(tmp_path, monkeypatch):
    from ikone.knowledge.demo import pages as pages_module

    for path in pages_module.PAGES_DIR.glob("*.md"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), "utf-8")
    broken = tmp_path / "30-impressum.md"
    lines = broken.read_text(encoding="utf-8").splitlines()
    index = lines.index("heading: Anbieter nach § 5 DDG")
    lines[index] = "titel: Anbieter nach § 5 DDG"
    broken.write_text("\n".join(lines), "utf-8")
    monkeypatch.setattr(pages_module, "PAGES_DIR", tmp_path)
    demo_standard_pages.cache_clear()
    with pytest.raises(demo_data.DemoDataError) as raised:
        demo_standard_pages()
    demo_standard_pages.cache_clear()
    assert str(raised.value).startswith(f"{broken}:{index + 1}: unbekanntes Feld „titel“")


def test_a_broken_file_is_reported_with_file_and_line(tmp_path, monkeypatch):
    from ikone.qa import demo as qa_demo

    broken = tmp_path / "questions.yaml"
    text = qa_demo.QUESTIONS_FILE.read_text(encoding="utf-8")
    broken.write_text(text.replace("hours_after: 20", "hours_after: zwanzig", 1), "utf-8")
    line = broken.read_text(encoding="utf-8").splitlines().index("      hours_after: zwanzig")
    monkeypatch.setattr(qa_demo, "QUESTIONS_FILE", broken)
    demo_questions.cache_clear()
    with pytest.raises(demo_data.DemoDataError) as raised:
        demo_questions()
    demo_questions.cache_clear()
    assert str(raised.value).startswith(f"{broken}:{line + 1}: Feld „hours_after“")


def test_solutions_refer_to_known_organisations_fields_and_profiles():
    content = demo_solution_content()
    keys = {organization.key for organization in demo_organizations()}
    slugs = {solution.slug for solution in content.solutions}
    assert len(slugs) == len(content.solutions)
    for solution in content.solutions:
        assert set(solution.fields) <= FIELDS, solution.slug
        assert not solution.proposer or solution.proposer in keys, solution.slug
    for adoption in content.adoptions:
        assert adoption.organization in keys and adoption.solution in slugs, adoption
    for interest in content.interests:
        assert interest.organization in keys and set(interest.fields) <= FIELDS
