"""Charts and map: server-side SVG with an accessible name, a table with
the same numbers, and CSV/XLSX downloads of exactly those numbers."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ikone.core.figures import Period
from ikone.network.selectors.charts import chart_list
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, coordinator):
    sign_in(client, coordinator)
    return client


def chart_data(key):
    return next(drawn.data for drawn in chart_list(period=Period()) if drawn.chart.key == key)


def test_the_charts_count_the_known_world(world):
    month = (timezone.localtime() - timezone.timedelta(days=10)).strftime("%Y-%m")
    assert list(chart_data("events.participation").rows) == [(month, [3, 2])]
    answer_times = dict(chart_data("qa.answer_times").rows)
    assert answer_times["1 bis 3 Tage"] == [1]
    assert answer_times["noch keine Antwort"] == [2]
    per_call = chart_data("applications.per_call")
    assert per_call.series[:3] == ["Entwurf", "in Prüfung", "eingereicht"]
    assert list(per_call.rows) == [(world.call_title, [1, 0, 1, 0, 0])]


def test_the_page_draws_each_chart_with_a_name_and_a_table(coordinator_client, world):
    html = coordinator_client.get(reverse("network:overview")).content.decode()
    for key in ("eventsparticipation", "qaanswer_times", "applicationsper_call"):
        element = f"diagramm-{key}"
        assert f'aria-labelledby="{element}-titel {element}-text"' in html
    assert html.count('role="img"') >= 4  # three charts and the map
    assert "<caption" in html and "Zahlen zu „Zeit bis zur ersten Antwort“ als Tabelle" in html
    assert "<script" not in html.split("<main", 1)[1]
    assert "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org/2000/svg", ""
    )


def test_the_map_shows_the_organisations_with_a_table_alternative(coordinator_client, world):
    html = coordinator_client.get(reverse("network:overview")).content.decode()
    drawing = html.split('id="karte-titel"', 1)[1].split("</svg>", 1)[0]
    assert "Astadt: 3–5 Aktivitäten" in drawing  # 1 workshop, 2 questions, 1 + 1 drafts
    assert "Cehausen: keine Aktivität" in drawing
    table = html.split('id="karte-tabelle"', 1)[1].split("</table>", 1)[0]
    assert "Astadt" in table and "Kreis Alpha" in table and "3–5 Aktivitäten" in table


def test_csv_and_xlsx_hold_exactly_the_tables_numbers(coordinator_client, world):
    expected = chart_data("applications.per_call")
    url = reverse("network:chart_download", args=["applications.per_call", "csv"])
    response = coordinator_client.get(url)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [expected.row_label, *expected.series]
    assert rows[1:] == [[world.call_title, "1", "0", "1", "0", "0"]]

    url = reverse("network:chart_download", args=["applications.per_call", "xlsx"])
    sheet = load_workbook(io.BytesIO(coordinator_client.get(url).content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values == [[expected.row_label, *expected.series], [world.call_title, 1, 0, 1, 0, 0]]


def test_downloads_follow_the_period_and_refuse_unknown_charts(coordinator_client, world):
    url = reverse("network:chart_download", args=["events.participation", "csv"])
    response = coordinator_client.get(url, {"von": "2099-01-01"})
    assert response.content.decode("utf-8-sig").strip().count("\n") == 0
    unknown = reverse("network:chart_download", args=["nichts", "csv"])
    assert coordinator_client.get(unknown).status_code == 404
    pdf = reverse("network:chart_download", args=["events.participation", "pdf"])
    assert coordinator_client.get(pdf).status_code == 404
