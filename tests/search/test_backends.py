"""Database-specific parts of the index, and OpenSearch where one is reachable."""

from __future__ import annotations

import os

import pytest
from django.db import connection

from ikone.core.search.audience import ANONYMOUS
from ikone.core.search.selectors import site_search
from tests.search.conftest import put

pytestmark = pytest.mark.django_db


def test_sqlite_keeps_the_fts_table_in_step_with_updates_and_deletes():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    doc = put("faq", 1, "Förderquote")
    doc.title = "Eigenanteil"
    doc.stemmed_title = "eigenanteil"
    doc.save()
    assert site_search(audience=ANONYMOUS, query="Förderquote").total == 0
    assert site_search(audience=ANONYMOUS, query="Eigenanteil").total == 1
    doc.delete()
    assert site_search(audience=ANONYMOUS, query="Eigenanteil").total == 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM core_searchdocument_fts")
        assert cursor.fetchone()[0] == 0


@pytest.mark.postgres
def test_postgres_searches_a_generated_tsvector_with_a_gin_index():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    put("faq", 1, "Förderquoten", "Kommunen in Haushaltsnotlage")
    assert site_search(audience=ANONYMOUS, query="Foerderquote").total == 1
    assert site_search(audience=ANONYMOUS, query="haushaltsnot").total == 1
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'core_searchdocument_vector'"
        )
        assert "gin" in cursor.fetchone()[0].lower()


@pytest.mark.skipif(not os.environ.get("SEARCH_URL"), reason="needs OpenSearch (SEARCH_URL)")
def test_opensearch_finds_what_the_database_finds(settings):
    from ikone.core.search.backends import Query, get_backend

    backend = get_backend()
    doc = put("faq", 1, "Förderquote", "65 Prozent")
    backend.documents_changed([doc.pk])
    query = Query(terms=("forderquot",), audience=ANONYMOUS)
    assert [hit.document.pk for hit in backend.search(query, limit=5)] == [doc.pk]
    backend.documents_deleted([doc.pk])
