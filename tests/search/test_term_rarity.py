"""PostgreSQL weighs a ranking's terms by their rarity, as BM25 does on
SQLite (core/search/backends/rarity.py)."""

from __future__ import annotations

import pytest
from django.db import connection

from ikone.core.search import index, registry
from ikone.core.search.audience import ANONYMOUS
from ikone.core.search.backends import Query, get_backend, rarity
from ikone.core.search.registry import DocumentData
from tests.search.conftest import put

pytestmark = pytest.mark.django_db


def _any_of(*terms: str) -> Query:
    return Query(terms=terms, audience=ANONYMOUS, match_all=False)


def test_a_rare_term_outranks_a_common_one_used_more_often():
    """ "Kommune" is in the title and twice in the text of a short document,
    "Eigenanteil" once in the long text of another: by frequency alone the
    first wins; the rare word is what the question is about."""
    for number in range(12):
        put("faq", number, f"Kommune {number}", "Die Kommune schreibt.")
    common = put("faq", 100, "Kommune", "Kommune Kommune")
    rare = put(
        "faq",
        101,
        "Hinweis",
        "Der Eigenanteil steht im dritten Abschnitt des Aufrufs, zusammen mit "
        "vielen weiteren Angaben zur Förderung, zu Fristen und zu Unterlagen.",
    )

    ranked = [pk for pk, _ in get_backend().ranked_ids(_any_of("kommun", "eigenanteil"), limit=3)]

    assert ranked[0] == rare.pk
    assert common.pk in ranked


@pytest.mark.postgres
def test_postgres_counts_each_term_once_and_again_after_the_index_changed(
    django_assert_num_queries,
):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    put("faq", 1, "Eigenanteil", "Kommune")
    put("faq", 2, "Kommune")

    with django_assert_num_queries(1):
        total, counts = rarity.document_counts(["eigenanteil:*", "kommun:*"])
    assert (total, counts) == (2, {"eigenanteil:*": 1, "kommun:*": 2})
    with django_assert_num_queries(0):
        rarity.document_counts(["kommun:*"])
    with django_assert_num_queries(1) as captured:  # a new word: only it is counted
        assert rarity.document_counts(["kommun:*", "radweg:*"]) == (
            2,
            {"kommun:*": 2, "radweg:*": 0},
        )
    assert captured.captured_queries[0]["sql"].count("COUNT(*)") == 1

    index._delete("faq", ["2"])  # writing the index forgets the counts
    assert rarity.document_counts(["kommun:*"]) == (1, {"kommun:*": 1})
    provider = registry.get("faq")
    assert provider is not None
    index._write(
        provider, {"3": DocumentData(object_id="3", title="Kommune", body="", url="/3/")}, {}
    )
    assert rarity.document_counts(["kommun:*"]) == (2, {"kommun:*": 2})


def test_weights_are_never_negative():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    put("faq", 1, "Kommune")
    assert rarity.weights(["kommun:*"]) == [pytest.approx(0.2876, abs=1e-3)]


def _suggestible_any_of(*terms: str) -> Query:
    return Query(terms=terms, audience=ANONYMOUS, match_all=False, suggestible_only=True)


@pytest.mark.postgres
def test_candidates_need_more_than_the_commonest_terms_when_the_others_find_enough(
    monkeypatch,
):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    monkeypatch.setattr(rarity, "ENOUGH_CANDIDATES", 3)
    for number in range(60):  # "eigenanteil" in 3 of 68 documents, "kommun" in 8
        put("faq", 100 + number, f"Radweg {number}", "Beleuchtung")
    rare = [put("faq", n, f"Eigenanteil {n}", "Kommune", suggestible=True) for n in range(3)]
    only_common = [put("faq", 10 + n, "Kommune", "", suggestible=True) for n in range(5)]
    found = {
        pk
        for pk, _ in get_backend().ranked_ids(
            _suggestible_any_of("kommun", "eigenanteil"), limit=50
        )
    }

    assert found == {doc.pk for doc in rare}  # "kommun" alone is not enough
    # The site search's lists (no suggestible filter) still find every match.
    listed = {pk for pk, _ in get_backend().ranked_ids(_any_of("kommun", "eigenanteil"), limit=50)}
    assert listed == {doc.pk for doc in rare + only_common}

    monkeypatch.setattr(rarity, "ENOUGH_CANDIDATES", 4)  # the rare term finds too few
    found = {
        pk
        for pk, _ in get_backend().ranked_ids(
            _suggestible_any_of("kommun", "eigenanteil"), limit=50
        )
    }
    assert found == {doc.pk for doc in rare + only_common}
