"""Contract test of the OpenSearch backend (core/search/backends/opensearch.py)
without an engine: no OpenSearch or Elasticsearch server can be installed
from the registries the project uses (PyPI, Debian and npm carry clients
only), so a stand-in on loopback speaks the part of OpenSearch's REST API
that the backend uses – index check and creation, `_bulk` in NDJSON,
`_search` with `bool`/`multi_match`/`terms` and a `terms` aggregation –
with the response shapes of the OpenSearch documentation.

It checks what the backend sends (the mapping once, NDJSON with a final
newline, visibility filters inside the query) and that, on the same
documents, it finds the same documents for each audience as the database
backend. It does not check OpenSearch's ranking or analysers; the test in
test_backends.py does that against a real engine when SEARCH_URL is set.
docs/operations.md says which of the two ran."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ikone.core.search.audience import ANONYMOUS, Audience
from ikone.core.search.backends.base import Query
from ikone.core.search.backends.database import DatabaseBackend
from ikone.core.search.backends.opensearch import INDEX, OpenSearchBackend
from tests.search.conftest import put

pytestmark = pytest.mark.django_db


def _matches(clause: dict, document: dict) -> bool:
    """The filter clauses the backend uses: term, terms, bool/should."""
    if "term" in clause:
        ((name, value),) = clause["term"].items()
        return document.get(name) == value
    if "terms" in clause:
        ((name, values),) = clause["terms"].items()
        return document.get(name) in values
    should = clause["bool"]["should"]
    return sum(_matches(c, document) for c in should) >= clause["bool"]["minimum_should_match"]


def _score(clause: dict, document: dict) -> float:
    """multi_match best_fields over whitespace-analysed fields, or a bool of
    such clauses of which at least `minimum_should_match` must score."""
    if "bool" in clause:
        scores = [_score(inner, document) for inner in clause["bool"]["should"]]
        if sum(1 for score in scores if score) < clause["bool"]["minimum_should_match"]:
            return 0.0
        return sum(scores)
    match = clause["multi_match"]
    terms = match["query"].split()
    if match["type"] == "cross_fields":
        # The fields as one: each term in any of them, the boost of the best.
        found = set()
        for spec in match["fields"]:
            found |= set((document.get(spec.partition("^")[0]) or "").split()) & set(terms)
        if match["operator"] == "and" and len(found) < len(terms):
            return 0.0
        boost = max(float(spec.partition("^")[2] or 1) for spec in match["fields"])
        return len(found) * boost
    best = 0.0
    for spec in match["fields"]:
        name, _, boost = spec.partition("^")
        tokens = set((document.get(name) or "").split())
        found = [term for term in terms if term in tokens]
        if match["operator"] == "and" and len(found) < len(terms):
            continue
        best = max(best, len(found) * float(boost or 1))
    return best


class StandIn(BaseHTTPRequestHandler):
    """The REST calls and response shapes of OpenSearch 2.x the backend uses."""

    protocol_version = "HTTP/1.1"
    indices: dict[str, dict] = {}
    requests: list[tuple[str, str, str, str]] = []

    def _reply(self, status: int, body: dict | None = None) -> None:
        data = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _body(self) -> str:
        length = int(self.headers.get("Content-Length", 0))
        text = self.rfile.read(length).decode()
        self.requests.append((self.command, self.path, self.headers["Content-Type"], text))
        return text

    def do_HEAD(self) -> None:  # noqa: N802
        self._body()
        self._reply(200 if self.path.strip("/") in self.indices else 404)

    def do_PUT(self) -> None:  # noqa: N802
        mapping = json.loads(self._body())
        name = self.path.strip("/")
        self.indices[name] = {"mapping": mapping, "documents": {}}
        self._reply(200, {"acknowledged": True, "shards_acknowledged": True, "index": name})

    def do_POST(self) -> None:  # noqa: N802
        text = self._body()
        if self.path.startswith("/_bulk"):
            self._bulk(text)
        else:
            self._search(self.path.strip("/").split("/")[0], json.loads(text))

    def _bulk(self, text: str) -> None:
        assert text.endswith("\n"), "NDJSON must end with a newline"
        lines = [json.loads(line) for line in text.splitlines()]
        items = []
        while lines:
            action = lines.pop(0)
            ((verb, target),) = action.items()
            documents = self.indices[target["_index"]]["documents"]
            if verb == "index":
                documents[target["_id"]] = lines.pop(0)
            else:
                documents.pop(target["_id"], None)
            items.append({verb: {"_index": target["_index"], "_id": target["_id"], "status": 200}})
        self._reply(200, {"took": 1, "errors": False, "items": items})

    def _search(self, index: str, body: dict) -> None:
        query = body["query"]["bool"]
        hits = []
        for key, document in self.indices[index]["documents"].items():
            score = _score(query["must"][0], document)
            if score and all(_matches(c, document) for c in query["filter"]):
                hits.append({"_index": index, "_id": key, "_score": score})
        hits.sort(key=lambda hit: (-hit["_score"], int(hit["_id"])))
        answer: dict = {
            "took": 1,
            "timed_out": False,
            "hits": {"total": {"value": len(hits), "relation": "eq"}, "hits": []},
        }
        if body.get("size", 10):
            answer["hits"]["hits"] = hits[body.get("from", 0) :][: body["size"]]
        if "aggs" in body:
            counts: dict[str, int] = {}
            for hit in hits:
                kind = self.indices[index]["documents"][hit["_id"]]["kind"]
                counts[kind] = counts.get(kind, 0) + 1
            buckets = [{"key": k, "doc_count": n} for k, n in sorted(counts.items())]
            answer["aggregations"] = {"kinds": {"buckets": buckets}}
        self._reply(200, answer)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def stand_in():
    StandIn.indices = {}
    StandIn.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def documents(organization, other_organization):
    return [
        put("faq", 1, "Förderquote im Aufruf", "65 Prozent für Kommunen"),
        put("question", 2, "Eigenanteil und Förderquote", "Haushaltsnotlage", group="mpsc"),
        put("article", 3, "Förderquote intern", "nur Netzwerk", visibility="network"),
        put(
            "question", 4, "Förderquote unserer Stadt", "Entwurf",
            visibility="organization", organization_id=organization.pk,
        ),
        put(
            "question", 5, "Förderquote der anderen", "Entwurf",
            visibility="organization", organization_id=other_organization.pk,
        ),
        put("faq", 6, "Zeitplan", "Fristen"),
    ]  # fmt: skip


def test_the_backend_sends_the_mapping_once_and_ndjson(stand_in, documents):
    backend = OpenSearchBackend(stand_in)
    backend.documents_changed([d.pk for d in documents])
    backend.documents_changed([documents[0].pk])

    puts = [r for r in StandIn.requests if r[0] == "PUT"]
    assert [(r[1], json.loads(r[3])["mappings"]["properties"]["visibility"]) for r in puts] == [
        (f"/{INDEX}", {"type": "keyword"})
    ]
    bulks = [r for r in StandIn.requests if r[1].startswith("/_bulk")]
    assert {r[2] for r in bulks} == {"application/x-ndjson"}
    assert len(StandIn.indices[INDEX]["documents"]) == len(documents)


AUDIENCES = {
    "anonymous": lambda org: ANONYMOUS,
    "network": lambda org: Audience(scopes=frozenset({"public", "network"})),
    "own organisation": lambda org: Audience(organization_ids=frozenset({org.pk})),
    "coordination": lambda org: Audience(sees_all=True, is_coordinator=True),
}


@pytest.mark.parametrize("who", AUDIENCES)
def test_each_audience_finds_what_the_database_backend_finds(
    stand_in, documents, organization, who
):
    engine = OpenSearchBackend(stand_in)
    engine.documents_changed([d.pk for d in documents])
    database = DatabaseBackend()
    audience = AUDIENCES[who](organization)
    for terms, match_all, kinds in [
        (("forderquot",), True, ()),
        (("forderquot", "eigenanteil"), True, ()),
        (("forderquot", "zeitplan"), False, ()),
        (("forderquot",), True, ("question",)),
        # A thesaurus expression: both stems in one document, or the other term.
        (("eigenanteil haushaltsnotlag", "zeitplan"), False, ()),
        (("forderquot prozent",), False, ()),
    ]:
        query = Query(terms=terms, audience=audience, match_all=match_all, kinds=kinds)
        found = {hit.document.pk for hit in engine.search(query, limit=20)}
        expected = {hit.document.pk for hit in database.search(query, limit=20)}
        assert found == expected, (who, terms)
        assert found or kinds, f"{who} found nothing for {terms}: the comparison proves nothing"
        assert engine.facets(query) == database.facets(query), (who, terms)


def test_deleted_documents_leave_the_index(stand_in, documents):
    engine = OpenSearchBackend(stand_in)
    engine.documents_changed([d.pk for d in documents])
    engine.documents_deleted([documents[0].pk])
    query = Query(terms=("forderquot",), audience=ANONYMOUS)
    assert documents[0].pk not in {hit.document.pk for hit in engine.search(query, limit=20)}
