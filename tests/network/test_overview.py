"""The coordinators' overview at /netzwerk/: figures against a known
world, every figure linking to the list behind it, the time and Kreis
filters, drafts as counts only, and a constant number of queries."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from ikone.accounts.models import Organization
from ikone.core.figures import Period
from ikone.network.selectors.overview import Scope, engagement_overview, total_values
from tests.core.helpers import sign_in
from tests.network.world import build_world

pytestmark = pytest.mark.django_db

KEYS = ["events.attended", "qa.asked", "applications.started", "applications.submitted"]


def columns(engagements):
    return [column.key for column in engagements.columns]


def by_key(lines):
    return {line.key: line for line in lines}


def test_engagement_per_organisation_and_kreis_from_the_registry(world):
    result = engagement_overview(period=Period(), scope=Scope(state="07"))
    assert columns(result)[: len(KEYS)] == KEYS
    width = len(KEYS)
    organizations = by_key(result.organizations)
    assert organizations[world.member.slug].values[:width] == [1, 2, 1, 1]
    assert organizations[world.other.slug].values[:width] == [1, 1, 1, 0]
    assert organizations[world.quiet.slug].values[:width] == [0, 0, 0, 0]
    assert world.cooperation.slug not in organizations  # no Land

    districts = by_key(result.districts)
    assert districts["07111"].label == "Kreis Alpha"
    assert districts["07111"].values[:width] == [2, 3, 2, 1]
    assert (districts["07111"].organizations, districts["07111"].engaged) == (2, 2)
    assert districts["07222"].values[:width] == [0, 0, 0, 0]
    assert (result.served.members, result.served.non_members) == (1, 1)
    assert result.served.current_members == 1


def test_the_totals_count_the_known_world(world):
    values = {item.total.key: item.value for item in total_values(period=Period())}
    assert values["accounts.members"] == 1
    assert values["events.held"] == 1
    assert values["events.administrations_reached"] == 2
    assert values["qa.open"] == 2
    assert values["qa.answered"] == 1
    assert values["qa.median_first_answer"] == dt.timedelta(days=2)


def test_the_period_narrows_every_figure(world):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    result = engagement_overview(period=Period(since=tomorrow), scope=Scope())
    assert all(line.total == 0 for line in result.organizations)
    week = Period(since=timezone.localdate() - dt.timedelta(days=7))
    organizations = by_key(engagement_overview(period=week, scope=Scope()).organizations)
    # The workshop was ten days ago; the questions five days ago.
    assert organizations[world.member.slug].values[:2] == [0, 2]


def test_a_kreis_filter_keeps_its_organisations(world):
    result = engagement_overview(period=Period(), scope=Scope(district="07222"))
    assert [line.key for line in result.organizations] == [world.quiet.slug]
    without = engagement_overview(period=Period(), scope=Scope(district="ohne"))
    assert [line.key for line in without.organizations] == [world.cooperation.slug]


@pytest.fixture
def coordinator_client(client, coordinator):
    sign_in(client, coordinator)
    return client


def test_the_page_links_every_figure_to_the_list_behind_it(coordinator_client, world):
    html = coordinator_client.get(reverse("network:overview")).content.decode()
    assert "Kreis Alpha" in html and "Kreis Beta" in html
    kreis_links = re.findall(r'href="(/netzwerk/organisationen/\?[^"]*kreis=07111[^"]*)"', html)
    assert len(kreis_links) >= 1 + len(KEYS)
    listing = coordinator_client.get(kreis_links[0].replace("&amp;", "&")).content.decode()
    assert "Astadt" in listing and "Bedorf" in listing and "Cehausen" not in listing
    figure_link = re.search(r'href="(/netzwerk/kennzahl/qa.asked/\?[^"]*)"', listing)
    assert figure_link
    records = coordinator_client.get(figure_link.group(1).replace("&amp;", "&")).content.decode()
    assert "Frage eins" in records or "Frage drei" in records
    for url in (reverse("organizations:list"), reverse("events:list"), reverse("qa:figures")):
        assert f'href="{url}"' in html


def test_members_and_non_members_served_link_to_their_organisations(coordinator_client, world):
    html = coordinator_client.get(reverse("network:overview")).content.decode()
    served = re.search(r'href="([^"]*mitglied=0[^"]*aktiv=1[^"]*)"', html).group(1)
    listing = coordinator_client.get(served.replace("&amp;", "&")).content.decode()
    assert "Bedorf" in listing and "Astadt" not in listing


def test_drafts_behind_a_figure_are_counts_never_titles(coordinator_client, world):
    url = reverse("network:figure", args=["applications.started"])
    response = coordinator_client.get(url, {"organisation": world.other.slug})
    html = response.content.decode()
    assert response.status_code == 200
    assert world.call_title in html and "Entwurf" in html
    assert "Geheimer Entwurf" not in html
    assert "/bewerbungen/" not in html.split("<main", 1)[1]


def test_an_unknown_figure_or_organisation_is_404(coordinator_client, world):
    assert coordinator_client.get(reverse("network:figure", args=["nichts"])).status_code == 404
    url = reverse("network:figure", args=["qa.asked"])
    assert coordinator_client.get(url, {"organisation": "gibt-es-nicht"}).status_code == 404


def test_a_bad_period_keeps_the_input_with_a_german_error(coordinator_client, world):
    response = coordinator_client.get(
        reverse("network:overview"), {"von": "2026-03-01", "bis": "2026-02-01"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Das Enddatum liegt vor dem Anfangsdatum." in html
    assert 'value="2026-03-01"' in html


@pytest.mark.parametrize("name", ["network:overview", "network:organizations"])
def test_pages_cost_a_constant_number_of_queries(
    coordinator_client, world, name, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30) as cold:
        coordinator_client.get(reverse(name))
    # The figures are memos (issue 15): a repeated view counts nothing anew.
    with django_assert_max_num_queries(10):
        coordinator_client.get(reverse(name))
    for n in range(1, 4):
        build_world(n)
    # More data changed the counted tables: counted anew, with no more queries.
    with django_assert_max_num_queries(len(cold.captured_queries)):
        coordinator_client.get(reverse(name))


@pytest.mark.parametrize(
    "name", ["network:overview", "network:organizations"], ids=["overview", "organisations"]
)
def test_the_rendered_figures_are_reused_until_a_counted_table_changes(
    coordinator_client, world, name, django_assert_max_num_queries
):
    """Both pages render their counted part once per filter and reuse it
    (issue 15): a repeated view reads only the session and the person; a
    write to a table the figures were read from shows at the next view."""
    url = reverse(name)
    first = coordinator_client.get(url).content.decode()
    assert "Bedorf" in first
    with django_assert_max_num_queries(4):
        again = coordinator_client.get(url).content.decode()
    # The same page but for the layout's per-response form token.
    assert again.split("<main", 1)[1] == first.split("<main", 1)[1]
    Organization.objects.filter(pk=world.other.pk).update(name="Bedorf an der Aue")
    renamed = coordinator_client.get(url).content.decode()
    assert "Bedorf an der Aue" in renamed


def test_the_rendered_figures_depend_on_the_filters(coordinator_client, world):
    """One rendering per filter: the Kreis filter never gets the whole
    Land's figures from the reused part, nor the other way round."""
    whole = coordinator_client.get(reverse("network:overview")).content.decode()
    kreis = coordinator_client.get(reverse("network:overview"), {"kreis": "07222"})
    html = kreis.content.decode()
    assert "Cehausen" in html and "Astadt" not in html.split("<main", 1)[1]
    assert "Astadt" in whole
    listing = coordinator_client.get(reverse("network:organizations"), {"kreis": "07222"})
    assert "Cehausen" in listing.content.decode()
    assert "Astadt" not in listing.content.decode()


def test_a_map_with_many_points_is_drawn_in_linear_time():
    """The map's bounds are computed once, not per point (it drew ~2,300
    points of a Land in quadratic time, 0.4 s per view on the bench)."""
    import time
    from decimal import Decimal

    from ikone.network import svg

    points = [
        svg.Point(Decimal("49.0") + Decimal(i) / 1000, Decimal("7.0") + Decimal(i) / 997, "x", 1)
        for i in range(500)
    ]
    background = [(Decimal("49.5") + Decimal(i) / 3000, Decimal("7.5")) for i in range(3000)]
    started = time.perf_counter()
    drawing = svg.point_map(points, background, title="t", description="d", element_id="k")
    assert time.perf_counter() - started < 0.5
    assert drawing.count("<circle") == 3500
