"""Demo financing plans and schedules: one finding left in Mainz, Linz complete."""

from decimal import Decimal

import pytest

from ikone.applications import demo, selectors_plan
from ikone.applications.demo_plan import seed_demo_plans
from ikone.applications.models import CostItem, Draft, Milestone
from ikone.applications.schedule import Level
from tests.applications.test_demo import seeded

__all__ = ["seeded"]
pytestmark = pytest.mark.django_db


def test_seeding_again_changes_nothing(seeded):
    counts = (CostItem.objects.count(), Milestone.objects.count())
    assert counts[0] > 0 and counts[1] > 0
    demo.seed_demo_applications()
    seed_demo_plans()
    assert (CostItem.objects.count(), Milestone.objects.count()) == counts


def test_mainz_has_one_finding_to_fix_and_a_tight_milestone(seeded):
    draft = Draft.objects.get(title=demo.MAINZ_TITLE)
    summary = selectors_plan.financing_overview(draft=draft).summary
    assert [issue.code for issue in summary.issues] == ["phase_cap"]
    assert "2.560.000,00" in summary.issues[0].message
    overview = selectors_plan.schedule_overview(draft=draft)
    assert [f.level for f in overview.findings].count(Level.CLOSE) == 1
    assert overview.late == []
    assert all("Beispiel" in item.measure for item in CostItem.objects.filter(draft=draft))


def test_linz_matches_the_reported_funding(seeded):
    draft = Draft.objects.get(title=demo.LINZ_TITLE)
    summary = selectors_plan.financing_overview(draft=draft).summary
    assert summary.total == Decimal("5000000.00")
    assert summary.federal == demo.demo_drafts().linz.funded_amount
    assert summary.own == Decimal("1750000.00")
    assert summary.is_consistent
    overview = selectors_plan.schedule_overview(draft=draft)
    assert all(finding.level == Level.DONE for finding in overview.findings)


def test_the_demo_draft_exports(seeded):
    import io

    import pypdf

    from ikone.applications.export.content import build_export
    from ikone.applications.export.pdf import render_pdf

    draft = Draft.objects.select_related("organization", "call").get(title=demo.MAINZ_TITLE)
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(build_export(draft))))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Beispiel – erfundener Inhalt" in text
    assert "Phase A – Strategie" in text
    assert "überschreiten die Obergrenze" in text
