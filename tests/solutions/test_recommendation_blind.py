"""The blind test set of recommendations and peers
(solutions/data/recommendation_test.yaml): its shape, that it shares no
place with the development set, and the quality gate on the demo catalogue
over the full municipality directory: precision@5 may not fall more than
0.03 below the figures recorded in docs/solutions.md, and every reason
shown must be true."""

from __future__ import annotations

import datetime
import io
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from ikone.accounts import demo as accounts_demo
from ikone.core.search.embeddings import embed_documents
from ikone.core.search.index import rebuild
from ikone.core.search.models import SearchDocument
from ikone.solutions.demo import seed_demo_solutions
from ikone.solutions.evaluation import (
    EVAL_FILE,
    TEST_FILE,
    evaluate_peers,
    evaluate_recommendations,
    load,
)

SOLUTIONS_DOC = Path(__file__).resolve().parents[2] / "docs" / "solutions.md"
RECORDED_RECOMMENDATIONS = re.compile(
    r"Testsatz-Precision@5 \(Empfehlungen\): \*\*(\d\.\d{3})\*\*"
)
RECORDED_PEERS = re.compile(r"Testsatz-Precision@5 \(ähnliche Kommunen\): \*\*(\d\.\d{3})\*\*")
TOLERANCE = 0.03


def recorded(pattern: re.Pattern[str]) -> float:
    match = pattern.search(SOLUTIONS_DOC.read_text(encoding="utf-8"))
    assert match, f"docs/solutions.md records {pattern.pattern}"
    return float(match.group(1))


def test_the_set_is_dated_and_large_enough():
    data = load(TEST_FILE)
    assert isinstance(data["written"], datetime.date)
    assert len(data["profiles"]) >= 30
    assert len(data["peers"]) >= 10
    assert all(profile["expected"] and profile["fields"] for profile in data["profiles"])


def test_no_test_place_is_in_the_development_set():
    development = {item["ags"] for item in load(EVAL_FILE)["profiles"]} | {
        item["ags"] for item in load(EVAL_FILE)["peers"]
    }
    test = {item["ags"] for item in load(TEST_FILE)["profiles"]} | {
        item["ags"] for item in load(TEST_FILE)["peers"]
    }
    assert not development & test


@pytest.fixture(scope="module")
def demo_catalogue(django_db_setup, django_db_blocker, tmp_path_factory):
    """The full directory, the demo organisations, model projects, profiles,
    adoptions and peers, indexed and embedded, once for the module. Its own
    vector files and empty caches: a module fixture runs outside the
    per-test settings, where another module's snapshot could be read."""
    vectors = override_settings(SEARCH_VECTORS_DIR=tmp_path_factory.mktemp("vectors"))
    cache.clear()
    with vectors, django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("import_municipalities", stdout=out)
        accounts_demo.seed_demo_accounts(stdout=out)
        seed_demo_solutions(stdout=out)
        rebuild(kinds=["solution"])
        # Only the solutions' texts: the ranking compares needs with them,
        # and embedding the whole directory would take minutes.
        embed_documents(
            list(SearchDocument.objects.filter(kind="solution").values_list("pk", flat=True))
        )
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def test_reports(demo_catalogue, django_db_blocker):
    with django_db_blocker.unblock():
        data = load(TEST_FILE)
        return evaluate_recommendations(data), evaluate_peers(data)


def test_every_place_and_solution_of_the_set_exists(test_reports):
    recommendations, peers = test_reports
    assert recommendations.unresolved == []
    assert peers.unresolved == []


def test_every_reason_shown_is_true(test_reports):
    recommendations, peers = test_reports
    assert recommendations.reasons.checked > 100
    assert recommendations.reasons.false == []
    assert peers.reasons.false == []


def test_recommendation_precision_stays_at_the_recorded_figure(test_reports):
    figure = recorded(RECORDED_RECOMMENDATIONS)
    assert test_reports[0].precision_at_5 >= figure - TOLERANCE


def test_peer_precision_stays_at_the_recorded_figure(test_reports):
    figure = recorded(RECORDED_PEERS)
    assert test_reports[1].precision_at_5 >= figure - TOLERANCE


def test_the_command_reports_both_sets_separately(demo_catalogue, db, tmp_path):
    small = tmp_path / "test.yaml"
    small.write_text(
        "written: 2026-12-04\n"
        "profiles:\n"
        "  - {name: Unkel, ags: '07138073', fields: [mobility], needs: '',"
        " expected: [oepnv-app-buergerbus]}\n"
        "  - {name: Nirgendwo, ags: '99999999', fields: [], expected: [oepnv-app-buergerbus]}\n"
        "peers:\n"
        "  - {name: Unkel, ags: '07138073', population: [2500, 10000], same_land: false}\n",
        encoding="utf-8",
    )
    out = StringIO()
    call_command("eval_recommendations", "--test-file", str(small), stdout=out)
    lines = out.getvalue().splitlines()
    assert "Development set (written 2026-12-04):" in lines
    start = lines.index("Test set (written 2026-12-04, never tuned on):")
    assert lines[start + 1].startswith("recommendations: 1 profiles, precision@5 ")
    assert lines[start + 2].startswith("peers: 1 places, precision@5 ")
    assert lines[start + 3] == "not in this database (1): Nirgendwo (99999999) "


def test_a_false_claim_is_caught(demo_catalogue, db):
    from ikone.core.models import FieldOfAction
    from ikone.municipalities.models import Municipality
    from ikone.solutions.evaluation import check_claim
    from ikone.solutions.models import Solution

    unit = Municipality.objects.get(ags="07138073")
    without_licence = Solution.objects.get(slug="internet-fuer-kitas")
    mobility = FieldOfAction.objects.get(key="mobility")
    context = {"name": "Unkel", "unit": unit, "declared": {mobility.pk}, "needs": "", "size": "x"}
    assert not check_claim({"code": "open_licence"}, without_licence, context)
    assert not check_claim({"code": "field", "field": mobility.pk}, without_licence, context)
    assert not check_claim({"code": "size", "size": "x"}, without_licence, context)
    assert not check_claim({"code": "peer_adopters", "units": [unit.pk]}, without_licence, context)
    assert not check_claim({"code": "invented"}, without_licence, context)
    bus = Solution.objects.get(slug="oepnv-app-buergerbus")
    assert check_claim({"code": "field", "field": mobility.pk}, bus, context)
