"""Demo content of the catalogue: the 73 model projects (the real data), the
profiles, adoptions and interests of `demo/solutions.yaml` (see docs/demo.md),
then the similar municipalities."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from ikone.accounts.demo import contact_email, demo_organizations
from ikone.accounts.models import Organization, User
from ikone.core.audit import Actor
from ikone.core.demo_data import Prose, load_records
from ikone.core.models import FieldOfAction
from ikone.core.seeding import Writer
from ikone.municipalities.models import Municipality
from ikone.solutions import peers
from ikone.solutions.models import (
    Adoption,
    AdoptionStatus,
    InterestProfile,
    ModelProject,
    ReviewEntry,
    ReviewState,
    SectionCitation,
    Solution,
    SolutionStatus,
)
from ikone.solutions.services.model_projects import model_projects_import
from ikone.solutions.text import clean_rich_text, search_text

SOLUTIONS_FILE = Path(__file__).resolve().parent / "demo" / "solutions.yaml"


@dataclass(frozen=True)
class DemoOwner:
    name: str
    round: int


@dataclass(frozen=True)
class DemoSolution:
    slug: str
    title: str
    summary: str
    description: Prose
    owner: DemoOwner
    fields: list[str]
    sizes: list[str]
    status: SolutionStatus
    licence: str = ""
    code_repository: str = ""
    effort: str = ""
    data_standards: str = ""
    interfaces: str = ""
    preconditions_staff: str = ""
    preconditions_data: str = ""
    preconditions_infrastructure: str = ""
    lessons: Prose = ""
    review: ReviewState = ReviewState.PUBLISHED
    proposer: str = ""
    comment: Prose = ""


@dataclass(frozen=True)
class DemoAdoption:
    organization: str
    solution: str
    status: AdoptionStatus
    experience: str = ""


@dataclass(frozen=True)
class DemoInterest:
    organization: str
    fields: list[str]
    needs: Prose = ""


@dataclass(frozen=True)
class DemoCitation:
    draft: str
    section: str
    solution: str


@dataclass(frozen=True)
class DemoContent:
    solutions: tuple[DemoSolution, ...]
    adoptions: tuple[DemoAdoption, ...]
    interests: tuple[DemoInterest, ...]
    citations: tuple[DemoCitation, ...]


@functools.cache
def demo_content() -> DemoContent:
    """Everything of `demo/solutions.yaml`; raises DemoDataError."""
    return DemoContent(
        solutions=load_records(SOLUTIONS_FILE, DemoSolution, key="solutions"),
        adoptions=load_records(SOLUTIONS_FILE, DemoAdoption, key="adoptions"),
        interests=load_records(SOLUTIONS_FILE, DemoInterest, key="interests"),
        citations=load_records(SOLUTIONS_FILE, DemoCitation, key="citations"),
    )


def _organization_by_key() -> dict[str, Organization]:
    ags_by_key = {demo.key: demo.ags for demo in demo_organizations()}
    found = Organization.objects.filter(municipality__ags__in=ags_by_key.values())
    by_ags = {organization.municipality.ags: organization for organization in found}  # type: ignore[union-attr]
    return {key: by_ags[ags] for key, ags in ags_by_key.items() if ags in by_ags}


def _solution(demo: DemoSolution, organizations: dict[str, Organization], out: Writer) -> None:
    project = ModelProject.objects.filter(
        name=demo.owner.name, round_year=demo.owner.round
    ).first()
    if project is None:
        out.write(f"Demo-Lösung „{demo.title}“ übersprungen: Modellprojekt fehlt.\n")
        return
    if Solution.objects.filter(slug=demo.slug).exists():
        return
    proposer = User.objects.filter(email=contact_email(demo.proposer)).first()
    description = clean_rich_text(demo.description)
    solution = Solution.objects.create(
        slug=demo.slug,
        title=demo.title,
        summary=demo.summary,
        description=description,
        lessons_learned=clean_rich_text(demo.lessons),
        model_project=project,
        status=demo.status,
        licence=demo.licence,
        code_repository=demo.code_repository,
        adoption_effort=demo.effort,
        data_standards=demo.data_standards,
        interfaces=demo.interfaces,
        preconditions_staff=demo.preconditions_staff,
        preconditions_data=demo.preconditions_data,
        preconditions_infrastructure=demo.preconditions_infrastructure,
        suits_sizes=list(demo.sizes),
        funding_programme="Modellprojekte Smart Cities",
        is_example=True,
        review_state=demo.review,
        proposed_by=proposer,
        search_text=search_text(
            title=demo.title,
            summary=demo.summary,
            description=description,
            names=[project.organization.name],
        ),
    )
    solution.organizations.set([project.organization])
    solution.fields_of_action.set(FieldOfAction.objects.filter(key__in=demo.fields))
    if demo.review != ReviewState.PUBLISHED:
        ReviewEntry.objects.create(
            solution=solution,
            action="return" if demo.review == ReviewState.RETURNED else "submit",
            from_state=ReviewState.SUBMITTED
            if demo.review == ReviewState.RETURNED
            else ReviewState.DRAFT,
            to_state=demo.review,
            comment=demo.comment,
        )


def _cite(citations: tuple[DemoCitation, ...]) -> None:
    """Solutions a demo draft's section cites (skipped when the draft is missing)."""
    from ikone.applications.models import DraftSection

    for citation in citations:
        section = DraftSection.objects.filter(
            draft__title=citation.draft, key=citation.section
        ).first()
        solution = Solution.objects.filter(slug=citation.solution).first()
        if section is not None and solution is not None:
            SectionCitation.objects.get_or_create(section=section, solution=solution)


@transaction.atomic
def seed_demo_solutions(*, stdout: Writer) -> None:
    """Import the model projects (idempotent), add the demo profiles,
    adoptions and interests that are missing, and rebuild the peers."""
    if not Municipality.objects.exists():
        stdout.write("Modellprojekte übersprungen: zuerst `ikone import_municipalities`.\n")
        return
    report = model_projects_import(actor=Actor.system())
    stdout.write(
        f"Modellprojekte: {report.created} neu, {report.updated} geändert, "
        f"{report.unchanged} unverändert.\n"
    )
    organizations = _organization_by_key()
    content = demo_content()
    for demo in content.solutions:
        _solution(demo, organizations, stdout)
    for adoption in content.adoptions:
        organization = organizations.get(adoption.organization)
        solution = Solution.objects.filter(slug=adoption.solution).first()
        if organization is None or solution is None:
            continue
        Adoption.objects.get_or_create(
            solution=solution,
            organization=organization,
            defaults={"status": adoption.status, "experience": adoption.experience},
        )
    for interest in content.interests:
        organization = organizations.get(interest.organization)
        if organization is None:
            continue
        profile, created = InterestProfile.objects.get_or_create(
            organization=organization, defaults={"needs": interest.needs}
        )
        if created:
            profile.fields_of_action.set(FieldOfAction.objects.filter(key__in=interest.fields))
    _cite(content.citations)
    written = peers.rebuild()
    stdout.write(
        f"Demo-Lösungen: {Solution.objects.count()} Steckbriefe; ähnliche Kommunen: {written}.\n"
    )
