"""/api/v1/search/?q=: the site-wide search, as the signed-in person may see it."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import permissions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ikone.api.serializers.search import (
    SearchPageSerializer,
    SearchParamsSerializer,
)
from ikone.api.views.municipalities import INVALID_FILTER
from ikone.core.search import texts
from ikone.core.search.audience import audience_for
from ikone.core.search.selectors import site_search


class SearchView(APIView):
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        summary=texts.API_SUMMARY,
        description=texts.API_DESCRIPTION,
        parameters=[SearchParamsSerializer],
        responses={200: SearchPageSerializer, 400: INVALID_FILTER},
    )
    def get(self, request: Request) -> Response:
        params = SearchParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data: dict[str, Any] = params.validated_data
        page = site_search(
            audience=audience_for(request.user),
            query=data.get("q", "").strip(),
            kind=data.get("art", ""),
            page=data.get("page", 1),
        )

        def link(number: int) -> str:
            query = request.query_params.copy()
            query["page"] = str(number)
            return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

        body = {
            "query": page.query,
            "count": page.total,
            "page": page.page,
            "pages": page.pages,
            "next": link(page.page + 1) if page.has_next else None,
            "previous": link(page.page - 1) if page.has_previous else None,
            "facets": [
                {"kind": f.kind, "label": str(f.label), "count": f.count} for f in page.facets
            ],
            "answers": [
                {
                    "kind": a.kind,
                    "title": a.title,
                    "source": a.source,
                    "context": a.context,
                    "sentence": str(a.sentence),
                    "url": request.build_absolute_uri(a.url),
                }
                for a in page.answers
            ],
            "results": [
                {
                    "kind": r.kind,
                    "kind_label": str(r.kind_label),
                    "title": r.title,
                    "snippet": str(r.snippet.html),
                    "url": request.build_absolute_uri(r.url),
                    "score": r.score,
                }
                for r in page.results
            ],
        }
        return Response(SearchPageSerializer(body).data)
