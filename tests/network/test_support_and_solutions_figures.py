"""Support and solutions in the overview (issue 14): requests and adopted
solutions per organisation and Kreis, support totals and the support
volume chart against known data, and every chart following the Kreis and
time filters (on the page and in the downloads)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from ikone.core.figures import Period
from ikone.network.selectors.charts import chart_list
from ikone.network.selectors.overview import Scope, engagement_overview, total_values
from ikone.support.models import Source, SupportRequest, Topic
from ikone.support.workflow import Status
from tests.core.helpers import sign_in
from tests.solutions.factories import AdoptionFactory

pytestmark = pytest.mark.django_db


def _request(organization, *, is_member, answered_after=None, solved_after=None):
    request = SupportRequest.objects.create(
        topic=Topic.FINANCING,
        subject="Vertraulicher Betreff",
        message="Text",
        source=Source.PLATFORM if organization else Source.CONTACT,
        requester_name="Petra Beispiel",
        requester_email="petra@example.org",
        organization=organization,
        is_member=is_member,
        status=Status.SOLVED if solved_after else Status.NEW,
    )
    received = timezone.now() - dt.timedelta(days=3)
    SupportRequest.objects.filter(pk=request.pk).update(
        created_at=received,
        first_response_at=received + answered_after if answered_after else None,
        resolved_at=received + solved_after if solved_after else None,
    )
    return request


@pytest.fixture
def support_world(world):
    _request(world.member, is_member=True, answered_after=dt.timedelta(hours=2))
    _request(
        world.other,
        is_member=False,
        answered_after=dt.timedelta(hours=6),
        solved_after=dt.timedelta(days=2),
    )
    _request(None, is_member=False)  # from /kontakt/, no organisation in the directory
    AdoptionFactory(organization=world.other)
    AdoptionFactory(organization=world.other, status="abandoned")  # given up: not counted
    return world


def _column(result, key):
    return [column.key for column in result.columns].index(key)


def test_requests_and_adopted_solutions_per_organisation_and_kreis(support_world):
    world = support_world
    result = engagement_overview(period=Period(), scope=Scope(state="07"))
    support, adopted = _column(result, "support.requests"), _column(result, "solutions.adopted")
    lines = {line.key: line for line in result.organizations}
    assert lines[world.member.slug].values[support] == 1
    assert lines[world.other.slug].values[support] == 1
    assert lines[world.other.slug].values[adopted] == 1
    assert lines[world.quiet.slug].values[support] == lines[world.quiet.slug].values[adopted] == 0
    districts = {line.key: line for line in result.districts}
    assert districts["07111"].values[support] == 2
    assert districts["07111"].values[adopted] == 1
    assert districts["07222"].values[support] == 0


def test_support_totals_count_members_and_non_members(support_world):
    values = {item.total.key: item.value for item in total_values(period=Period())}
    assert values["support.received"] == 3
    assert values["support.median_first_response"] == dt.timedelta(hours=4)
    assert values["support.median_resolution"] == dt.timedelta(days=2)
    assert values["solutions.shared"] == 2  # the two adopted profiles are published
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    later = {item.total.key: item.value for item in total_values(period=Period(since=tomorrow))}
    assert later["support.received"] == 0
    assert later["support.median_first_response"] is None


def _chart(key, **scope):
    ids = None
    if scope:
        from ikone.network.selectors.overview import scope_organization_ids

        ids = scope_organization_ids(Scope(**scope))
    return next(
        drawn.data
        for drawn in chart_list(period=Period(), organization_ids=ids)
        if drawn.chart.key == key
    )


def test_the_support_volume_chart_and_the_kreis_filter_on_every_chart(support_world):
    month = timezone.localtime(timezone.now() - dt.timedelta(days=3)).strftime("%Y-%m")
    assert list(_chart("support.volume").rows) == [(month, [1, 2])]
    # Kreis Alpha: Astadt (member) and Bedorf; the contact message has no Kreis.
    assert list(_chart("support.volume", district="07111").rows) == [(month, [1, 1])]
    assert list(_chart("support.volume", district="07222").rows) == []
    # Kreis Beta's only organisation took part in nothing.
    assert list(_chart("events.participation", district="07222").rows) == []
    assert list(_chart("applications.per_call", district="07222").rows) == []
    beta_answers = dict(_chart("qa.answer_times", district="07222").rows)
    assert sum(value for (value,) in beta_answers.values()) == 0
    alpha_answers = dict(_chart("qa.answer_times", district="07111").rows)
    assert sum(value for (value,) in alpha_answers.values()) == 3


@pytest.fixture
def coordinator_client(client, coordinator):
    sign_in(client, coordinator)
    return client


def test_page_and_downloads_follow_the_kreis_and_the_period(coordinator_client, support_world):
    month = timezone.localtime(timezone.now() - dt.timedelta(days=3)).strftime("%Y-%m")

    def chart_table(**query):
        html = coordinator_client.get(reverse("network:overview"), query).content.decode()
        return html.split('id="diagramm-supportvolume', 1)[1].split("</table>", 1)[0]

    assert month in chart_table(kreis="07111")
    assert month not in chart_table(kreis="07222")
    url = reverse("network:chart_download", args=["support.volume", "csv"])

    def csv_rows(**query):
        content = coordinator_client.get(url, query).content.decode("utf-8-sig")
        return list(csv.reader(io.StringIO(content), delimiter=";"))[1:]

    assert csv_rows(land="") == [[month, "1", "2"]]  # all Länder: also the contact message
    assert csv_rows() == [[month, "1", "1"]]  # the overview starts in Rheinland-Pfalz
    assert csv_rows(kreis="07111") == [[month, "1", "1"]]
    assert csv_rows(kreis="07222") == []
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    assert csv_rows(von=tomorrow) == []
