"""/kommunen/: search, filters, pages, htmx fragment, query counts."""

import datetime
import re

import pytest
from django.urls import reverse

from ikone.accounts import querysets
from ikone.accounts.models import NetworkMembershipStatus
from ikone.municipalities import list_results, views
from tests.municipalities.factories import (
    MunicipalityFactory,
    NetworkFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/kommunen/"


def listed(response) -> list[str]:
    """Keys of the units in the result table, in order."""
    return re.findall(
        r'<th scope="row" class="kern-table__cell"><a class="kern-link" href="/kommunen/(\d+)/">',
        response.content.decode(),
    )


def test_the_url_name_is_stable():
    assert reverse("municipalities:list") == LIST_URL


def test_the_directory_lists_every_level(client, hierarchy):
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert set(listed(response)) == {
        "07", "10", "07335", "07320", "10041", "073355002", "07335004", "07335010",
        "07320000", "10041100",
    }  # fmt: skip
    assert "10 Kommunen gefunden" in response.content.decode()


@pytest.mark.parametrize("query", ["zweibruecken", "Zweibrücken", "ZWEIBRÜCKEN", " zweiBRUECKEN "])
def test_search_folds_umlauts_and_case_both_ways(client, hierarchy, query):
    response = client.get(LIST_URL, {"q": query})

    assert listed(response) == ["07320", "07320000"]


def test_search_matches_inside_names(client, hierarchy):
    response = client.get(LIST_URL, {"q": "brück"})

    assert set(listed(response)) == {"07320", "07320000", "10041", "10041100"}


def test_search_ranks_the_exact_name_then_prefixes_then_the_rest(client, hierarchy):
    MunicipalityFactory(ags="07335099", name="Alt-Frankenstein", district=hierarchy.district)
    MunicipalityFactory(ags="07335098", name="Frankensteiner Höhe", district=hierarchy.district)

    response = client.get(LIST_URL, {"q": "frankenstein"})

    assert listed(response) == ["07335010", "07335098", "07335099"]


def test_search_without_match_says_so(client, hierarchy):
    response = client.get(LIST_URL, {"q": "Atlantis"})

    content = response.content.decode()
    assert listed(response) == []
    assert "0 Kommunen gefunden" in content
    assert "Keine Kommune gefunden." in content


def test_land_filter_keeps_units_of_that_land(client, hierarchy):
    response = client.get(LIST_URL, {"land": "10"})

    assert listed(response) == ["10041", "10041100"]


def test_kreis_filter_keeps_units_of_that_kreis(client, hierarchy):
    response = client.get(LIST_URL, {"kreis": "07335"})

    assert listed(response) == ["07335004", "073355002", "07335010"]


def test_a_kreis_outside_the_chosen_land_is_dropped(client, hierarchy):
    response = client.get(LIST_URL, {"land": "10", "kreis": "07335"})

    assert listed(response) == ["10041", "10041100"]


@pytest.mark.parametrize(
    ("typ", "keys"),
    [
        ("land", ["07", "10"]),
        ("kreis", ["07335", "10041", "07320"]),
        ("verband", ["073355002"]),
        ("gemeinde", ["07335004", "07335010", "10041100", "07320000"]),
        ("61", ["07320000"]),
        ("41", ["07320"]),
        ("53", ["073355002"]),
    ],
)
def test_typ_filter_accepts_levels_and_type_codes(client, hierarchy, typ, keys):
    response = client.get(LIST_URL, {"typ": typ})

    assert listed(response) == keys


def test_an_unknown_typ_is_an_error_and_does_not_filter(client, hierarchy):
    response = client.get(LIST_URL, {"typ": "dorf"})

    assert len(listed(response)) == 10
    assert 'id="id_typ_error"' in response.content.decode()


def test_mitglied_filter_keeps_members_of_the_primary_network(client, hierarchy):
    network = NetworkFactory()
    NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=hierarchy.city), network=network
    )
    NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=hierarchy.sibling),
        network=network,
        status=NetworkMembershipStatus.APPLIED,
    )
    NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=hierarchy.municipality),
        network=network,
        member_until=datetime.date(2020, 1, 1),
    )
    NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=hierarchy.district),
        network=NetworkFactory(slug="digitale-doerfer", name="Digitale Dörfer", is_primary=False),
    )

    response = client.get(LIST_URL, {"mitglied": "1"})

    assert listed(response) == ["07320000"]
    assert "kern-badge--success" in response.content.decode()


def test_pages_hold_50_units_and_keep_the_filters(client, hierarchy):
    for number in range(60):
        MunicipalityFactory(
            ags=f"07335{100 + number}", name=f"Ort {number:02d}", district=hierarchy.district
        )

    first = client.get(LIST_URL, {"kreis": "07335", "q": "ort"})
    second = client.get(LIST_URL, {"kreis": "07335", "q": "ort", "page": "2"})

    assert len(listed(first)) == 50
    assert len(listed(second)) == 10
    content = first.content.decode()
    assert "Seite 1 von 2" in content
    assert 'href="?kreis=07335&amp;q=ort&amp;page=2"' in content
    assert 'aria-label="Seiten der Ergebnisliste"' in content
    assert 'href="?kreis=07335&amp;q=ort&amp;page=1"' in second.content.decode()


def test_an_invalid_page_shows_the_last_one(client, hierarchy):
    response = client.get(LIST_URL, {"page": "999"})

    assert response.status_code == 200
    assert len(listed(response)) == 10


def test_htmx_gets_only_the_results_and_the_count(client, hierarchy):
    response = client.get(LIST_URL, {"q": "zweibrücken"}, headers={"HX-Request": "true"})

    content = response.content.decode()
    assert listed(response) == ["07320", "07320000"]
    assert "<html" not in content
    assert "<form" not in content
    assert (
        '<span id="municipality-count" hx-swap-oob="innerHTML">2 Kommunen gefunden</span>'
        in content
    )
    assert "HX-Request" in response["Vary"]


def test_htmx_swaps_in_the_kreis_choices_of_a_new_land(client, hierarchy):
    response = client.get(
        LIST_URL,
        {"land": "10", "kreis": "07335"},
        headers={
            "HX-Request": "true",
            "HX-Current-URL": "http://testserver/kommunen/?land=07&kreis=07335",
        },
    )

    content = response.content.decode()
    assert '<div id="municipality-kreis" hx-swap-oob="true">' in content
    kreis_field = content[content.index('id="municipality-kreis"') :]
    assert 'value="10041"' in kreis_field
    assert 'value="07335"' not in kreis_field


def test_htmx_leaves_the_kreis_choices_while_the_land_stays(client, hierarchy):
    response = client.get(
        LIST_URL,
        {"land": "07", "q": "en"},
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/kommunen/?land=07"},
    )

    assert "municipality-kreis" not in response.content.decode()


def test_htmx_history_restore_gets_the_whole_page(client, hierarchy):
    response = client.get(
        LIST_URL,
        {"q": "zweibrücken"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )

    assert "<html" in response.content.decode()


def test_the_page_works_without_javascript_and_enhances_with_htmx(client, hierarchy):
    content = client.get(LIST_URL).content.decode()

    assert 'method="get" action="/kommunen/"' in content
    assert '<button type="submit"' in content
    assert 'hx-get="/kommunen/"' in content
    assert (
        'hx-trigger="submit, input changed delay:250ms from:#id_q, change from:#municipality-choices"'
        in content
    )
    # The name field's change on blur must not refresh the results: a click on
    # a result right after typing would lose its navigation to the swap.
    choices = content[content.index('id="municipality-choices"') :]
    choices = choices[: choices.index('class="ikone-actions"')]
    assert 'id="id_q"' not in choices
    assert all(f'id="id_{name}"' in choices for name in ("land", "kreis", "typ", "mitglied"))
    assert 'hx-target="#municipality-results"' in content
    assert 'hx-push-url="true"' in content
    assert '<div id="municipality-results">' in content
    assert 'role="status" aria-live="polite"' in content


def test_the_page_has_no_inline_script_or_style(client, hierarchy):
    content = client.get(LIST_URL).content.decode()

    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", content) is None
    assert " style=" not in content
    assert "<style" not in content


def test_the_page_shows_breadcrumbs_and_the_licence(client, hierarchy):
    content = client.get(LIST_URL).content.decode()

    assert 'aria-label="Sie sind hier"' in content
    assert "Datenquelle: Statistisches Bundesamt (Destatis)" in content
    assert 'href="https://www.govdata.de/dl-de/by-2-0"' in content
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in content


def test_the_list_uses_a_constant_number_of_queries(
    client, hierarchy, django_assert_max_num_queries
):
    network = NetworkFactory()
    for number in range(30):
        unit = MunicipalityFactory(
            ags=f"07335{200 + number}", district=hierarchy.district, parent=hierarchy.association
        )
        NetworkMembershipFactory(
            organization=OrganizationFactory(municipality=unit), network=network
        )

    # The page's own queries plus the layout's two (footer pages, Wagtail site).
    with django_assert_max_num_queries(6):
        client.get(LIST_URL, {"q": "gemeinde", "land": "07", "mitglied": "1"})
    with django_assert_max_num_queries(4):
        client.get(LIST_URL, {"kreis": "07335"}, headers={"HX-Request": "true"})


def test_a_change_appears_on_the_next_visit(client, hierarchy):
    """Count and rows are a memo (`list_results`): each table they were read
    from changes them at once – the directory, organisations, memberships."""
    first = client.get(LIST_URL, {"q": "frank"})
    assert listed(first) == ["07335010"]
    assert "kern-badge--success" not in first.content.decode()

    MunicipalityFactory(ags="07335097", name="Frankenthal-Süd", district=hierarchy.district)
    second = client.get(LIST_URL, {"q": "frank"})
    assert listed(second) == ["07335010", "07335097"]
    assert "2 Kommunen gefunden" in second.content.decode()

    hierarchy.sibling.name = "Frankenstein (Pfalz)"
    hierarchy.sibling.save()
    assert "Frankenstein (Pfalz)</a>" in client.get(LIST_URL, {"q": "frank"}).content.decode()

    organization = OrganizationFactory(municipality=hierarchy.sibling)
    membership = NetworkMembershipFactory(organization=organization, network=NetworkFactory())
    member = client.get(LIST_URL, {"q": "frank"}).content.decode()
    assert member.count("kern-badge--success") == 1
    assert listed(client.get(LIST_URL, {"q": "frank", "mitglied": "on"})) == ["07335010"]

    membership.member_until = datetime.date(2020, 1, 1)
    membership.save()
    assert "kern-badge--success" not in client.get(LIST_URL, {"q": "frank"}).content.decode()
    assert listed(client.get(LIST_URL, {"q": "frank", "mitglied": "on"})) == []


def test_the_memo_keeps_pages_and_languages_apart(client, hierarchy):
    for number in range(60):
        MunicipalityFactory(
            ags=f"07335{100 + number}",
            name=f"Ort {number:02d}",
            district=hierarchy.district,
            population=1_000 + number,
        )

    first = client.get(LIST_URL, {"q": "ort"})
    second = client.get(LIST_URL, {"q": "ort", "page": "2"})
    english = client.get("/en" + LIST_URL, {"q": "ort"}, headers={"Accept-Language": "en"})

    assert listed(first)[:1] == ["07335100"]
    assert listed(second)[:1] == ["07335150"]
    assert ">1.000</td>" in first.content.decode()
    english_content = english.content.decode()
    assert 'href="/en/kommunen/07335100/"' in english_content
    assert ">1,000</td>" in english_content


def test_a_membership_ends_with_its_last_day(client, hierarchy, monkeypatch):
    last_day = datetime.date(2026, 12, 5)
    NetworkMembershipFactory(
        organization=OrganizationFactory(municipality=hierarchy.sibling),
        network=NetworkFactory(),
        member_until=last_day,
    )
    for module in (querysets, list_results, views):
        monkeypatch.setattr(module, "berlin_date", lambda: last_day)
    assert "kern-badge--success" in client.get(LIST_URL, {"q": "frank"}).content.decode()

    for module in (querysets, list_results, views):
        monkeypatch.setattr(module, "berlin_date", lambda: last_day + datetime.timedelta(days=1))
    assert "kern-badge--success" not in client.get(LIST_URL, {"q": "frank"}).content.decode()
