"""Application drafts with sections, assessments, mentors and comments for
the benchmark (a step of bench/generate.py's VOLUME_STEPS).
"""

from __future__ import annotations

import random

from common import BATCH, BENCH_CONTACT_EMAIL, Context

DRAFTS = 2_000
DRAFT_SECTIONS = 10  # the default template's ten sections
BENCH_OWN_DRAFTS = 12  # drafts of the benchmark Ansprechperson's organisation
DRAFT_PARAGRAPH = (
    "Die Kommune beschreibt hier ihre Ausgangslage, Ziele und Maßnahmen für den Aufruf. "
    "Sie verbindet Digitalisierung mit Stadtentwicklung und beteiligt ihre Öffentlichkeit. "
)


def add_drafts(rng: random.Random, context: Context) -> None:
    """DRAFTS application drafts of the organisations for the demo calls,
    each with the ten default sections (texts of varied length, one to three
    versions each), criteria assessments, a mentor share on every fifth and
    comment threads on some sections; BENCH_OWN_DRAFTS of them belong to the
    benchmark Ansprechperson's organisation."""
    from django.utils import timezone

    from ikone.accounts.models import Membership, User
    from ikone.applications.models import (
        CriterionAssessment,
        Draft,
        DraftMentor,
        DraftSection,
        DraftStatus,
        SectionComment,
        SectionRevision,
    )
    from ikone.applications.section_templates import DEFAULT_TEMPLATE
    from ikone.calls.models import Call, EvaluationCriterion

    calls = list(Call.objects.order_by("pk"))
    criteria = {
        call.pk: list(EvaluationCriterion.objects.filter(call=call).values_list("pk", flat=True))
        for call in calls
    }
    own = Membership.objects.get(user__email=BENCH_CONTACT_EMAIL).organization_id
    organizations = [own] * BENCH_OWN_DRAFTS + [
        rng.choice(context.organization_ids) for _ in range(DRAFTS - BENCH_OWN_DRAFTS)
    ]
    mentor = User.objects.create_user(email="mentorin@bench.ikone.invalid", is_mentor=True)
    statuses = [DraftStatus.DRAFT] * 6 + [DraftStatus.IN_REVIEW, DraftStatus.SUBMITTED]
    statuses += [DraftStatus.FUNDED, DraftStatus.NOT_FUNDED]
    now = timezone.now()
    drafts = Draft.objects.bulk_create(
        [
            Draft(
                organization_id=organization,
                call=rng.choice(calls),
                title=f"Bewerbungsentwurf {number + 1}",
                status=rng.choice(statuses),
                shared_with_network=rng.random() < 0.2,
            )
            for number, organization in enumerate(organizations)
        ],
        batch_size=BATCH,
    )
    sections = []
    for draft in drafts:
        for position, spec in enumerate(DEFAULT_TEMPLATE[:DRAFT_SECTIONS]):
            filled = rng.random() < 0.7
            sections.append(
                DraftSection(
                    draft=draft,
                    position=position,
                    key=spec.key,
                    title=str(spec.title),
                    guiding_questions="\n".join(str(q) for q in spec.questions),
                    min_length=spec.min_length,
                    text=DRAFT_PARAGRAPH * rng.randint(2, 12) if filled else "",
                    version=rng.randint(1, 3) if filled else 0,
                    updated_at=now if filled else None,
                    updated_by_id=rng.choice(context.user_ids) if filled else None,
                )
            )
    sections = DraftSection.objects.bulk_create(sections, batch_size=BATCH)
    SectionRevision.objects.bulk_create(
        [
            SectionRevision(
                section=section,
                version=version,
                text=section.text[: len(section.text) * version // section.version],
                author_id=section.updated_by_id,
            )
            for section in sections
            for version in range(1, section.version + 1)
        ],
        batch_size=BATCH,
    )
    assessments = [
        CriterionAssessment(draft=draft, criterion_id=pk, self_score=rng.randint(0, 3))
        for draft in drafts
        for pk in criteria[draft.call_id]
    ]
    assessments = CriterionAssessment.objects.bulk_create(assessments, batch_size=BATCH)
    first_section = {section.draft_id: section for section in reversed(sections)}
    through = CriterionAssessment.sections.through
    through.objects.bulk_create(
        [
            through(criterionassessment_id=a.pk, draftsection_id=first_section[a.draft_id].pk)
            for a in assessments
            if rng.random() < 0.7
        ],
        batch_size=BATCH,
    )
    shared = [draft for number, draft in enumerate(drafts) if number % 5 == 0]
    DraftMentor.objects.bulk_create(
        [DraftMentor(draft=draft, mentor=mentor) for draft in shared], batch_size=BATCH
    )
    commented = [section for section in sections if section.text and rng.random() < 0.1]
    SectionComment.objects.bulk_create(
        [
            SectionComment(section=section, author=mentor, text="Bitte mit Zahlen belegen.")
            for section in commented
        ],
        batch_size=BATCH,
    )
    context.counts["application drafts"] = len(drafts)
    context.counts["draft sections"] = len(sections)


LONG_HISTORY_SECTION = "ausgangslage"
LONG_HISTORY_VERSIONS = 5_000


def add_long_history(rng: random.Random, context: Context) -> None:
    """LONG_HISTORY_VERSIONS autosaves of one section of the benchmark
    Ansprechperson's first draft ({draft} in bench/run.py), every 15 seconds
    over the last 21 hours: the most a section can hold, since compaction
    (`ikone compact_section_history`) keeps every version of the last day.
    Its history page is a scenario of bench/run.py."""
    from datetime import timedelta

    from django.utils import timezone

    from ikone.applications.models import DraftSection, SectionRevision

    section = (
        DraftSection.objects.filter(
            draft__organization__memberships__user__email=BENCH_CONTACT_EMAIL,
            key=LONG_HISTORY_SECTION,
        )
        .order_by("draft_id")
        .first()
    )
    assert section is not None, "add_drafts gives the benchmark organisation drafts"
    SectionRevision.objects.filter(section=section).delete()
    words = DRAFT_PARAGRAPH.split()
    text = ""
    revisions = []
    for version in range(1, LONG_HISTORY_VERSIONS + 1):
        text = f"{text} {rng.choice(words)}".strip()[-6_000:]
        revisions.append(
            SectionRevision(
                section=section, version=version, text=text, author_id=section.updated_by_id
            )
        )
    created = SectionRevision.objects.bulk_create(revisions, batch_size=BATCH)
    # auto_now_add set them all to now; one every 15 seconds up to now.
    now = timezone.now()
    for revision in created:
        revision.created_at = now - timedelta(
            seconds=15 * (LONG_HISTORY_VERSIONS - revision.version)
        )
    SectionRevision.objects.bulk_update(created, ["created_at"], batch_size=BATCH)
    DraftSection.objects.filter(pk=section.pk).update(
        text=text, version=LONG_HISTORY_VERSIONS, updated_at=now
    )
    context.counts["versions of the long-history section"] = LONG_HISTORY_VERSIONS
