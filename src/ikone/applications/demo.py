"""Demo drafts for trying the application workshop out.

`seed_demo_applications()` is idempotent and runs after the accounts and
calls seeders. Both drafts are invented example content, marked
`is_example` and "(Beispiel)" in the title; no text is taken from or
attributed to a real application:

- a partly finished draft of the Landeshauptstadt Mainz for the example
  call "Beispielaufruf" (sections in several versions, criteria
  assessments, documents, shared with a mentor who commented);
- a finished draft of the Stadt Linz am Rhein for the 2021 round, recorded
  as funded with the federal funding reported for Linz (3.25 million euro,
  `data/SOURCE.md`), with invented lessons for the network.

The texts, scores, costs and milestones are in `demo/drafts.yaml` (see
docs/demo.md); `demo_plan.py` adds the financing plans and milestones.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from ikone.accounts.demo import MENTORS, contact_email, staff_email
from ikone.accounts.models import Organization, User
from ikone.applications.models import (
    CostCategory,
    CriterionAssessment,
    DocumentStatus,
    Draft,
    DraftDocument,
    DraftMentor,
    DraftSection,
    DraftStatus,
    MentorAssessment,
    MilestoneKind,
    Recommendation,
    SectionComment,
)
from ikone.applications.services.drafts import draft_create
from ikone.applications.services.sections import section_save
from ikone.calls.models import Call
from ikone.core.audit import Actor
from ikone.core.datetimes import berlin_date
from ikone.core.demo_data import Prose, load_yaml, record

DRAFTS_FILE = Path(__file__).resolve().parent / "demo" / "drafts.yaml"
EXAMPLE_CALL_SLUG = "beispielaufruf-smarte-region"
ROUND_2021_SLUG = "mpsc-2021"
# The titles by which a second run finds the drafts the first created.
MAINZ_TITLE = "Mainz vernetzt Quartiere (Beispiel)"
LINZ_TITLE = "Smarte Kleinstadt am Rhein (Beispiel, abgeschlossen)"

# A minimal valid PDF for the demo uploads.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@dataclass(frozen=True)
class DemoMentorScore:
    mentor: int  # index into accounts.demo.MENTORS
    score: int
    note: str = ""


@dataclass(frozen=True)
class DemoAssessment:
    sections: tuple[str, ...]
    self_score: int
    self_note: str
    mentors: tuple[DemoMentorScore, ...] = ()


@dataclass(frozen=True)
class DemoDocument:
    status: DocumentStatus
    note: str
    file: str = ""


@dataclass(frozen=True)
class DemoComment:
    author: str  # "mentor" or "staff"
    text: Prose
    section: str = ""  # replies are on their thread's section
    resolved_by: str = ""  # "contact"
    replies: tuple[DemoComment, ...] = ()


@dataclass(frozen=True)
class DemoCost:
    category: CostCategory
    measure: str
    phase: str
    year: int
    amount: Decimal


@dataclass(frozen=True)
class DemoMilestone:
    title: str
    kind: MilestoneKind
    date: dt.date | None = None
    days_before_deadline: int | None = None
    done: bool = False


@dataclass(frozen=True)
class DemoMainz:
    sections: dict[str, tuple[Prose, ...]]
    assessments: tuple[DemoAssessment, ...]
    documents: tuple[DemoDocument, ...]
    recommendation: Recommendation
    recommendation_text: Prose
    comments: tuple[DemoComment, ...]
    costs: tuple[DemoCost, ...]
    milestones: tuple[DemoMilestone, ...]


@dataclass(frozen=True)
class DemoLinz:
    section_text: Prose
    self_score: int
    self_note: str
    document_file: str
    funded_amount: Decimal
    days_to_decision: int
    outcome_feedback: Prose
    lessons_learned: Prose
    costs: tuple[DemoCost, ...]
    milestones: tuple[DemoMilestone, ...]


@dataclass(frozen=True)
class DemoLifecycleDraft:
    organization: str  # demo organisation key
    title: str
    days_ago: int


@dataclass(frozen=True)
class DemoDrafts:
    mainz: DemoMainz
    linz: DemoLinz
    trashed: DemoLifecycleDraft
    reopened: DemoLifecycleDraft


@functools.cache
def demo_drafts() -> DemoDrafts:
    """The content of `demo/drafts.yaml`; raises DemoDataError."""
    return record(DemoDrafts, load_yaml(DRAFTS_FILE), path=DRAFTS_FILE)


class Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


class _Silent:
    def write(self, msg: str, /) -> None:
        return None


def _organization(key: str) -> Organization | None:
    user = User.objects.filter(email=contact_email(key)).first()
    if user is None:
        return None
    membership = user.memberships.select_related("organization").first()
    return membership.organization if membership else None


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _save(section: DraftSection, draft: Draft, text: str, user: User) -> None:
    section.draft = draft
    section_save(section=section, text=text, based_on=section.version, actor=Actor(user=user))


def _seed_mainz(call: Call, out: Writer) -> None:
    organization = _organization("mainz")
    staff, contact = _user(staff_email("mainz")), _user(contact_email("mainz"))
    mentors = [user for person in MENTORS if (user := _user(person.email)) is not None]
    if organization is None or staff is None or contact is None or len(mentors) < 2:
        out.write("Bewerbungsentwurf Mainz übersprungen: Demo-Zugänge fehlen.\n")
        return
    if Draft.objects.filter(organization=organization, call=call, title=MAINZ_TITLE).exists():
        return
    mentor = mentors[0]
    demo = demo_drafts().mainz
    draft = draft_create(
        organization=organization, call=call, title=MAINZ_TITLE, actor=Actor(user=staff)
    )
    Draft.objects.filter(pk=draft.pk).update(is_example=True)
    sections = {section.key: section for section in draft.sections.all()}
    for key, versions in demo.sections.items():
        for number, text in enumerate(versions):
            _save(sections[key], draft, text, staff if number % 2 == 0 else contact)
    sections = {section.key: section for section in draft.sections.all()}
    criteria = list(call.criteria.order_by("position", "pk"))
    for criterion, assessed in zip(criteria, demo.assessments, strict=False):
        assessment = CriterionAssessment.objects.create(
            draft=draft,
            criterion=criterion,
            self_score=assessed.self_score,
            self_note=assessed.self_note,
        )
        assessment.sections.set([sections[key] for key in assessed.sections])
        MentorAssessment.objects.bulk_create(
            MentorAssessment(
                draft=draft,
                criterion=criterion,
                mentor=mentors[given.mentor],
                score=given.score,
                note=given.note,
            )
            for given in assessed.mentors
        )
    documents = list(call.required_documents.filter(stage="application").order_by("position"))
    for required, listed in zip(documents, demo.documents, strict=False):
        document = DraftDocument(
            draft=draft, required_document=required, status=listed.status, note=listed.note
        )
        if listed.file:
            document.file.save(listed.file, ContentFile(DEMO_PDF), save=False)
            document.original_name = listed.file
            document.uploaded_by = staff
            document.uploaded_at = timezone.now()
        document.save()
    DraftMentor.objects.create(
        draft=draft,
        mentor=mentor,
        shared_by=contact,
        recommendation=demo.recommendation,
        recommendation_text=demo.recommendation_text,
        recommended_at=timezone.now(),
    )
    DraftMentor.objects.create(draft=draft, mentor=mentors[1], shared_by=contact)
    people = {"mentor": mentor, "staff": staff, "contact": contact}
    for comment in demo.comments:
        _comment(comment, sections[comment.section], people)
    out.write(f"Bewerbungsentwurf angelegt: {MAINZ_TITLE}\n")


def _comment(
    demo: DemoComment,
    section: DraftSection,
    people: dict[str, User],
    parent: SectionComment | None = None,
) -> None:
    resolver = people.get(demo.resolved_by)
    thread = SectionComment.objects.create(
        section=section,
        parent=parent,
        author=people[demo.author],
        text=demo.text,
        resolved_at=timezone.now() if resolver else None,
        resolved_by=resolver,
    )
    for reply in demo.replies:
        _comment(reply, section, people, parent=thread)


def _seed_linz(call: Call, out: Writer) -> None:
    organization = _organization("linz")
    staff, contact = _user(staff_email("linz")), _user(contact_email("linz"))
    if organization is None or staff is None or contact is None:
        out.write("Bewerbungsentwurf Linz übersprungen: Demo-Zugänge fehlen.\n")
        return
    if Draft.objects.filter(organization=organization, call=call, title=LINZ_TITLE).exists():
        return
    demo = demo_drafts().linz
    draft = draft_create(
        organization=organization, call=call, title=LINZ_TITLE, actor=Actor(user=contact)
    )
    filler = demo.section_text + " "
    for section in draft.sections.all():
        text = f"{section.title}. {filler}" * max(1, section.min_length // len(filler) + 1)
        _save(section, draft, text.strip(), staff)
    sections = list(draft.sections.order_by("position"))
    for number, criterion in enumerate(call.criteria.order_by("position", "pk")):
        assessment = CriterionAssessment.objects.create(
            draft=draft, criterion=criterion, self_score=demo.self_score, self_note=demo.self_note
        )
        assessment.sections.set([sections[number % len(sections)]])
    for required in call.required_documents.filter(stage="application"):
        document = DraftDocument(
            draft=draft,
            required_document=required,
            status=DocumentStatus.AVAILABLE,
            original_name=demo.document_file,
            uploaded_by=staff,
            uploaded_at=timezone.now(),
        )
        document.file.save(demo.document_file, ContentFile(DEMO_PDF), save=False)
        document.save()
    submitted = berlin_date(call.deadline) if call.deadline else None
    Draft.objects.filter(pk=draft.pk).update(
        is_example=True,
        status=DraftStatus.FUNDED,
        submitted_on=submitted,
        decided_on=submitted + dt.timedelta(days=demo.days_to_decision) if submitted else None,
        funded_amount=demo.funded_amount,
        outcome_feedback=demo.outcome_feedback,
        lessons_learned=demo.lessons_learned,
    )
    out.write(f"Bewerbungsentwurf angelegt: {LINZ_TITLE}\n")


@transaction.atomic
def seed_demo_applications(*, stdout: Writer | None = None) -> None:
    """Create the two example drafts unless they exist."""
    out = stdout or _Silent()
    example = Call.objects.filter(slug=EXAMPLE_CALL_SLUG).first()
    if example is None:
        out.write("Bewerbungsentwürfe übersprungen: Der Beispielaufruf fehlt.\n")
    else:
        _seed_mainz(example, out)
    round_2021 = Call.objects.filter(slug=ROUND_2021_SLUG).first()
    if round_2021 is None:
        out.write("Abgeschlossener Beispielentwurf übersprungen: Die Runde 2021 fehlt.\n")
    else:
        _seed_linz(round_2021, out)
    # Financing plans and schedules (demo_plan.py) for both drafts.
    from ikone.applications.demo_lifecycle import seed_demo_lifecycle
    from ikone.applications.demo_plan import seed_demo_plans

    seed_demo_plans(stdout=out)
    if example is not None:
        seed_demo_lifecycle(example, stdout=out)
