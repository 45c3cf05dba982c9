"""OpenSearch / Elasticsearch for large installations (`SEARCH_URL`).

The database stays the source of truth: `SearchDocument` rows are copied
into one index (`ikone-search`) after every write, with the same stemmed
text, so ranking works alike; queries return document ids, which are then
loaded from the database in one query. Visibility is filtered inside the
engine with the same fields. `ikone rebuild_search_index` fills it.

Tested only where an engine is reachable (`tests/search/test_opensearch.py`
runs when `SEARCH_URL` is set).
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterable
from typing import Any

from ikone.core.search.backends.base import Hit, Query, SearchBackend
from ikone.core.search.models import SearchDocument

INDEX = "ikone-search"
MAPPING = {
    "mappings": {
        "properties": {
            "kind": {"type": "keyword"},
            "group": {"type": "keyword"},
            "visibility": {"type": "keyword"},
            "organization_id": {"type": "long"},
            "owner_id": {"type": "long"},
            "suggestible": {"type": "boolean"},
            "stemmed_title": {"type": "text", "analyzer": "whitespace"},
            "stemmed_body": {"type": "text", "analyzer": "whitespace"},
        }
    }
}


class OpenSearchBackend(SearchBackend):
    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self._ready = False

    def _request(self, method: str, path: str, body: Any = None, *, ndjson: bool = False) -> Any:
        data = None
        headers = {"Content-Type": "application/json"}
        if body is not None:
            if ndjson:
                data = body.encode()
                headers["Content-Type"] = "application/x-ndjson"
            else:
                data = json.dumps(body).encode()
        request = urllib.request.Request(  # noqa: S310 - the operator's configured URL
            f"{self.url}/{path}", data=data, method=method, headers=headers
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return json.loads(response.read() or b"{}")

    def _ensure_index(self) -> None:
        if self._ready:
            return
        try:
            self._request("HEAD", INDEX)
        except urllib.error.HTTPError as error:
            if error.code != 404:
                raise
            self._request("PUT", INDEX, MAPPING)
        self._ready = True

    def _filter(self, query: Query, *, with_kinds: bool) -> list[dict[str, Any]]:
        audience = query.audience
        filters: list[dict[str, Any]] = []
        if not audience.sees_all:
            should: list[dict[str, Any]] = [{"terms": {"visibility": sorted(audience.scopes)}}]
            if audience.organization_ids:
                should.append({"terms": {"organization_id": sorted(audience.organization_ids)}})
            if audience.user_id is not None:
                should.append({"term": {"owner_id": audience.user_id}})
            filters.append({"bool": {"should": should, "minimum_should_match": 1}})
        if with_kinds and query.kinds:
            filters.append({"terms": {"kind": list(query.kinds)}})
        if query.groups:
            filters.append({"terms": {"group": list(query.groups)}})
        if query.suggestible_only:
            filters.append({"term": {"suggestible": True}})
        if query.ids:
            filters.append({"ids": {"values": [str(pk) for pk in query.ids]}})
        if query.exclude_ids:
            filters.append(
                {"bool": {"must_not": {"ids": {"values": [str(pk) for pk in query.exclude_ids]}}}}
            )
        return filters

    @staticmethod
    def _words(text: str, operator: str, kind: str = "best_fields") -> dict[str, Any]:
        return {
            "multi_match": {
                "query": text,
                "fields": ["stemmed_title^4", "stemmed_body"],
                "operator": operator,
                "type": kind,
            }
        }

    def _body(self, query: Query, *, with_kinds: bool) -> dict[str, Any]:
        if query.match_all or not any(" " in term for term in query.terms):
            text = self._words(" ".join(query.terms), "and" if query.match_all else "or")
        else:
            # Any of the terms, a term of several stems with all of them, in
            # the title or the body as the database backend matches.
            text = {
                "bool": {
                    "should": [self._words(term, "and", "cross_fields") for term in query.terms],
                    "minimum_should_match": 1,
                }
            }
        return {"bool": {"must": [text], "filter": self._filter(query, with_kinds=with_kinds)}}

    def ranked_ids(self, query: Query, *, limit: int, offset: int = 0) -> list[tuple[int, float]]:
        if not query.terms:
            return []
        self._ensure_index()
        result = self._request(
            "POST",
            f"{INDEX}/_search",
            {
                "query": self._body(query, with_kinds=True),
                "size": limit,
                "from": offset,
                "_source": False,
            },
        )
        return [(int(hit["_id"]), float(hit["_score"])) for hit in result["hits"]["hits"]]

    def search(self, query: Query, *, limit: int, offset: int = 0) -> list[Hit]:
        ranked = self.ranked_ids(query, limit=limit, offset=offset)
        documents = SearchDocument.objects.defer("embedding").in_bulk([pk for pk, _ in ranked])
        return [Hit(documents[pk], score) for pk, score in ranked if pk in documents]

    def facets(self, query: Query) -> dict[str, int]:
        if not query.terms:
            return {}
        self._ensure_index()
        result = self._request(
            "POST",
            f"{INDEX}/_search",
            {
                "query": self._body(query, with_kinds=False),
                "size": 0,
                "aggs": {"kinds": {"terms": {"field": "kind", "size": 50}}},
            },
        )
        buckets = result["aggregations"]["kinds"]["buckets"]
        return {bucket["key"]: int(bucket["doc_count"]) for bucket in buckets}

    def documents_changed(self, document_ids: Iterable[int]) -> None:
        self._ensure_index()
        lines: list[str] = []
        fields = ("kind", "group", "visibility", "organization_id", "owner_id", "suggestible")
        rows = SearchDocument.objects.filter(pk__in=list(document_ids)).values(
            "pk", "stemmed_title", "stemmed_body", *fields
        )
        for row in rows.iterator(chunk_size=500):
            lines.append(json.dumps({"index": {"_index": INDEX, "_id": str(row.pop("pk"))}}))
            lines.append(json.dumps(row))
            if len(lines) >= 1000:
                self._request(
                    "POST", "_bulk?refresh=wait_for", "\n".join(lines) + "\n", ndjson=True
                )
                lines = []
        if lines:
            self._request("POST", "_bulk?refresh=wait_for", "\n".join(lines) + "\n", ndjson=True)

    def documents_deleted(self, document_ids: Iterable[int]) -> None:
        self._ensure_index()
        lines = [json.dumps({"delete": {"_index": INDEX, "_id": str(pk)}}) for pk in document_ids]
        for start in range(0, len(lines), 1000):
            chunk = "\n".join(lines[start : start + 1000]) + "\n"
            self._request("POST", "_bulk?refresh=wait_for", chunk, ndjson=True)
