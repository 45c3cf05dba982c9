"""A coordinator opens the network overview in the browser, filters a
Kreis, downloads a chart's numbers as XLSX and opens the file; the map and
charts have their table alternatives; axe (WCAG 2.2 AA too) finds nothing.
A person reads their notifications."""

from __future__ import annotations

import re

from openpyxl import load_workbook

from ikone.notifications.models import Notification
from tests.core.helpers import make_user
from tests.e2e.browser import AXE_RUN, AXE_TAGS
from tests.network.world import build_world


def check_wcag22(visitor) -> None:
    violations = visitor.page.evaluate(AXE_RUN, [*AXE_TAGS, "wcag22aa"])
    assert not violations, violations


def test_coordinator_filters_a_kreis_and_downloads_xlsx(visitor, tmp_path):
    world = build_world()
    coordinator = make_user("koordination@example.org", is_coordinator=True)
    visitor.sign_in_as(coordinator)

    page = visitor.visit("/netzwerk/")
    check_wcag22(visitor)
    assert page.get_by_role(
        "img", name="Karte: Organisationen in Rheinland-Pfalz nach Aktivität"
    ).is_visible()
    page.get_by_text("Karte als Tabelle").click()
    assert page.get_by_role("rowheader", name="Astadt").is_visible()

    page.locator("#id_kreis").select_option("07111")
    visitor.click_and_check(page.get_by_role("button", name="Anzeigen"))
    assert "kreis=07111" in visitor.path()
    district_rows = page.locator("section[aria-labelledby='je-kreis'] tbody tr")
    assert district_rows.count() == 1
    assert page.get_by_role("rowheader", name="Kreis Alpha").is_visible()

    with page.expect_download() as download_info:
        page.get_by_role(
            "link", name="Bewerbungsentwürfe je Förderaufruf und Stand als XLSX"
        ).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    sheet = load_workbook(saved).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:3] == ["Förderaufruf", "Entwurf", "in Prüfung"]
    assert rows[1] == [world.call_title, 1, 0, 1, 0, 0]


def test_a_person_reads_their_notifications(visitor):
    person = make_user("person@example.org")
    Notification.objects.create(
        user=person, kind="qa.new_answer", subject="Neue Antwort: Zählt Personal?", url="/fragen/"
    )
    visitor.sign_in_as(person)
    page = visitor.visit("/konto/benachrichtigungen/")
    check_wcag22(visitor)
    assert page.locator(".ikone-badge-slot").inner_text().strip().startswith("1")
    visitor.click_and_check(page.get_by_role("button", name=re.compile("^Als gelesen markieren")))
    assert page.get_by_text("0 ungelesene Benachrichtigungen.").is_visible()
