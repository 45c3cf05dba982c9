"""Time the PDF export of a 30-page application draft (bench/run.py runs it
after the page scenarios; docs/benchmark.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ikone_bench python bench/pdf_export.py
    python bench/pdf_export.py          # without DATABASE_URL: a temporary SQLite database

Builds, inside a transaction that is rolled back, a draft with ten sections
of about three pages each, 40 cost items over two phases and five years,
twelve assessed criteria and eight milestones; then times reading it
(`build_export`) and rendering it with WeasyPrint (`render_pdf`), the work
of one request to /bewerbungen/<id>/export.pdf. The first rendering loads
fonts and is left out; the median of the next runs is the figure.
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
MIN_PAGES = 30
RUNS = 3

PARAGRAPH = (
    "Die Verbandsgemeinde verbindet ihre Ortsgemeinden über eine gemeinsame "
    "Datenplattform, auf der Mobilitätsangebote, Termine der Verwaltung und "
    "Hinweise der Bürgerinnen und Bürger zusammenlaufen. Jede Maßnahme wird mit "
    "den Ortsbürgermeistern abgestimmt, in Werkstätten erprobt und so dokumentiert, "
    "dass andere Kommunen sie übernehmen können (Beispieltext der Leistungsmessung). "
)


def _draft() -> Any:
    """A draft of about 30 pages (created in the caller's transaction)."""
    from ikone.accounts.models import Organization, OrganizationKind
    from ikone.applications.models import (
        CostCategory,
        CostItem,
        CriterionAssessment,
        Draft,
        DraftSection,
        Milestone,
        MilestoneKind,
    )
    from ikone.calls.models import Call, CallPhase, EvaluationCriterion

    organization = Organization.objects.create(
        name="Verbandsgemeinde Leistungsmessung",
        slug="bench-pdf-export",
        kind=OrganizationKind.ASSOCIATION,
    )
    call = Call.objects.create(
        slug="bench-pdf-export",
        programme="Leistungsmessung",
        funder="Bund",
        title="Aufruf der Leistungsmessung",
        deadline=datetime.now(UTC) + timedelta(days=42),
        federal_share=Decimal(65),
        federal_share_budget_emergency=Decimal(90),
    )
    phases = [
        CallPhase.objects.create(call=call, key=key, name=f"Phase {key}", position=number)
        for number, key in enumerate("AB")
    ]
    draft = Draft.objects.create(organization=organization, call=call, title="30 Seiten (Bench)")
    text = "\n\n".join(PARAGRAPH * 3 for _ in range(8))  # between two and three pages
    sections = DraftSection.objects.bulk_create(
        DraftSection(
            draft=draft, position=n, key=f"abschnitt-{n}", title=f"Abschnitt {n}", text=text
        )
        for n in range(1, 11)
    )
    for n in range(12):
        criterion = EvaluationCriterion.objects.create(
            call=call, title=f"Kriterium {n + 1}", group="Gruppe", position=n
        )
        assessment = CriterionAssessment.objects.create(
            draft=draft, criterion=criterion, self_score=n % 4, self_note="Notiz"
        )
        assessment.sections.set(sections[n % 10 : n % 10 + 2])
    categories = list(CostCategory)
    CostItem.objects.bulk_create(
        CostItem(
            draft=draft,
            category=categories[n % len(categories)],
            measure=f"Maßnahme {n % 8 + 1}",
            phase=phases[n % 2],
            year=2027 + n % 5,
            amount=Decimal(10_000 + 1_234 * n) + Decimal("0.55"),
        )
        for n in range(40)
    )
    Milestone.objects.bulk_create(
        Milestone(
            draft=draft,
            title=f"Meilenstein {n + 1}",
            kind=MilestoneKind.INTERNAL_DEADLINE,
            date=date.today() + timedelta(days=5 * n),
        )
        for n in range(8)
    )
    return Draft.objects.select_related("organization", "call").get(pk=draft.pk)


def time_pdf_export(runs: int = RUNS) -> dict[str, Any]:
    """Seconds per export (median of `runs` after one warm-up) and pages."""
    import pypdf
    from django.db import transaction

    from ikone.applications.export.content import build_export
    from ikone.applications.export.pdf import render_pdf

    seconds: list[float] = []
    pages = 0
    with transaction.atomic():
        draft = _draft()
        render_pdf(build_export(draft))  # fonts, stylesheet, template: warm-up
        for _ in range(runs):
            started = time.perf_counter()
            content = render_pdf(build_export(draft))
            seconds.append(time.perf_counter() - started)
        pages = len(pypdf.PdfReader(io.BytesIO(content)).pages)
        transaction.set_rollback(True)
    return {"seconds": round(statistics.median(seconds), 2), "pages": pages, "runs": runs}


def main() -> int:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "ikone.settings"}
    with tempfile.TemporaryDirectory() as directory:
        if "DATABASE_URL" not in environment:
            environment["IKONE_DATA_DIR"] = directory
            environment["DATABASE_URL"] = f"sqlite:///{directory}/pdf.sqlite3"
            subprocess.run(
                [str(BIN / "ikone"), "migrate", "--noinput", "-v", "0"],
                env=environment,
                check=True,
            )
        os.environ.update(environment)
        sys.path.insert(0, str(PROJECT_DIR / "src"))
        import django

        django.setup()
        result = time_pdf_export()
    print(f"PDF export of a {result['pages']}-page draft: {result['seconds']} s (median)")
    return 0 if result["pages"] >= MIN_PAGES else 1


if __name__ == "__main__":
    sys.exit(main())
