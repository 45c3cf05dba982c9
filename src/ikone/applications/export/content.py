"""The content of an export, independent of the file format."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from ikone.applications import financing, schedule
from ikone.applications.signals import Citation, citations_for
from ikone.core.datetimes import berlin_now, format_datetime

if TYPE_CHECKING:
    from ikone.applications.models import Draft

_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")


@dataclass(frozen=True)
class Block:
    """A paragraph, or a list when `items` is set (`ordered` for 1., 2., …)."""

    text: str = ""
    items: tuple[str, ...] = ()
    ordered: bool = False


@dataclass(frozen=True)
class Section:
    number: str
    title: str
    anchor: str
    blocks: tuple[Block, ...]
    # What the section cites (applications.signals.section_citations).
    citations: tuple[Citation, ...] = ()


@dataclass(frozen=True)
class CriterionRow:
    group: str
    title: str
    sections: str
    self_score: int | None
    self_note: str
    # Every mentor's score with their name: "2 (Mia Mentorin), 1 (Max Mentor)".
    mentor_scores: str


@dataclass(frozen=True)
class CostRow:
    category: str
    measure: str
    phase: str
    year: int
    amount: str


@dataclass(frozen=True)
class MilestoneRow:
    date: date
    title: str
    kind: str
    state: str
    warns: bool


@dataclass(frozen=True)
class ExportDocument:
    title: str
    organization: str
    call: str
    deadline: datetime | None
    status: str
    is_example: bool
    generated_at: datetime
    sections: tuple[Section, ...]
    criteria: tuple[CriterionRow, ...] = ()
    cost_rows: tuple[CostRow, ...] = ()
    financing: financing.Summary | None = None
    milestones: tuple[MilestoneRow, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def deadline_text(self) -> str:
        """The call's deadline in Berlin time: "14. Januar 2027, 23:59 Uhr"."""
        return format_datetime(self.deadline) if self.deadline else ""

    @property
    def generated_text(self) -> str:
        return format_datetime(self.generated_at)

    @property
    def rate_label(self) -> str:
        return financing.format_percent(self.financing.rate) if self.financing else ""

    @property
    def money(self) -> dict[str, str]:
        """Grand totals as German text: total, federal, own."""
        if self.financing is None:
            return {}
        return {
            "total": financing.format_eur(self.financing.total),
            "federal": financing.format_eur(self.financing.federal),
            "own": financing.format_eur(self.financing.own),
        }

    @property
    def year_totals(self) -> list[str]:
        if self.financing is None:
            return []
        return [financing.format_eur(amount) for amount in self.financing.by_year.values()]

    @property
    def share_rows(self) -> list[tuple[str, str, str, str]]:
        """Per phase: label, total, federal share, own share."""
        if self.financing is None:
            return []
        eur = financing.format_eur
        return [
            (row.label, eur(row.total), eur(row.federal), eur(row.own))
            for row in self.financing.phases
        ]

    @property
    def phase_year_table(self) -> list[tuple[str, list[str], str]]:
        """Rows (phase label, amount per year, phase total) as German text."""
        if self.financing is None:
            return []
        return [
            (
                row.label,
                [financing.format_eur(cell) for cell in cells],
                financing.format_eur(row.total),
            )
            for row, cells in financing.matrix(self.financing)
        ]


def blocks_from_text(text: str) -> tuple[Block, ...]:
    """Plain text as typed into a section: blank lines separate paragraphs;
    lines starting with "-", "•", "*" or "1." form a list."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [line.rstrip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if all(_BULLET.match(line) for line in lines):
            ordered = bool(re.match(r"^\s*\d", lines[0]))
            items = tuple(_BULLET.sub("", line, count=1).strip() for line in lines)
            blocks.append(Block(items=items, ordered=ordered))
        else:
            blocks.append(Block(text=" ".join(line.strip() for line in lines)))
    return tuple(blocks)


def milestone_rows(
    findings: list[schedule.Finding], kinds: dict[int | str, str]
) -> tuple[MilestoneRow, ...]:
    return tuple(
        MilestoneRow(
            date=finding.point.date,
            title=finding.point.title,
            kind=kinds.get(finding.point.key, ""),
            state=finding.message,
            warns=finding.warns,
        )
        for finding in findings
    )


def mentor_scores(assessments: Iterable[Any]) -> str:
    """The mentors' scores of one criterion as one cell ("–" when none)."""
    former = str(_("ehemalige:r Mentor:in"))
    scored = [
        f"{entry.score} ({entry.mentor or former})"
        for entry in assessments
        if entry.score is not None
    ]
    return ", ".join(scored) or "–"


def build_export(draft: Draft, *, now: datetime | None = None) -> ExportDocument:
    """Read the draft into an ExportDocument (a fixed number of queries)."""
    from ikone.applications import selectors, selectors_checklist, selectors_plan
    from ikone.applications.models import CostCategory, MilestoneKind

    sections = selectors.draft_sections(draft=draft)
    numbers = {section.pk: str(index) for index, section in enumerate(sections, start=1)}
    matrix_rows = selectors_checklist.criteria_matrix(draft=draft, sections=sections)
    overview = selectors_plan.financing_overview(draft=draft)
    planned = selectors_plan.schedule_overview(draft=draft)
    categories = dict(CostCategory.choices)
    kinds = dict(MilestoneKind.choices)
    cited = citations_for(draft=draft)
    return ExportDocument(
        title=draft.title,
        organization=draft.organization.name,
        call=draft.call.title,
        deadline=draft.call.deadline,
        status=draft.get_status_display(),
        is_example=draft.is_example,
        generated_at=now or berlin_now(),
        sections=tuple(
            Section(
                number=numbers[section.pk],
                title=section.title,
                anchor=f"abschnitt-{section.key}",
                blocks=blocks_from_text(section.text),
                citations=tuple(cited.get(section.pk, ())),
            )
            for section in sections
        ),
        criteria=tuple(
            CriterionRow(
                group=row.criterion.group,
                title=row.criterion.title,
                sections=", ".join(f"{numbers[s.pk]} {s.title}" for s in row.sections),
                self_score=row.assessment.self_score if row.assessment else None,
                self_note=row.assessment.self_note if row.assessment else "",
                mentor_scores=mentor_scores(row.mentor_assessments),
            )
            for row in matrix_rows
            if not row.retired
        ),
        cost_rows=tuple(
            CostRow(
                category=str(categories.get(item.category, item.category)),
                measure=item.measure,
                phase=item.phase.name if item.phase else "",
                year=item.year,
                amount=financing.format_eur(item.amount),
            )
            for item in overview.items
        ),
        financing=overview.summary,
        milestones=milestone_rows(
            planned.findings,
            {m.pk: str(kinds.get(m.kind, m.kind)) for m in planned.milestones},
        ),
    )
