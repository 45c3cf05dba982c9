"""/api/v1/knowledge/: the knowledge base's published public articles."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, viewsets

from ikone.accounts.visibility import ANONYMOUS
from ikone.api.serializers.knowledge import ArticleFilterSerializer, ArticleSerializer
from ikone.api.views.municipalities import INVALID_FILTER, NOT_FOUND
from ikone.knowledge.models import ArticlePage
from ikone.knowledge.selectors_articles import ArticleFilters, article_list


@extend_schema_view(
    list=extend_schema(
        summary=_("Wissensbeiträge auflisten"),
        description=_(
            "Veröffentlichte öffentliche Beiträge der Wissensdatenbank (Tipps, "
            "Erfahrungsberichte, Empfehlungen, Leitfäden, Vorlagen), neueste zuerst; "
            "Beiträge nur für das Netzwerk sind hier nicht enthalten."
        ),
        parameters=[ArticleFilterSerializer],
        responses={200: ArticleSerializer(many=True), 400: INVALID_FILTER, 404: NOT_FOUND},
    ),
)
class ArticleViewSet(mixins.ListModelMixin, viewsets.GenericViewSet[ArticlePage]):
    # Public data, the same answer for every person: shared page cache (ADR 0006).
    page_cache_for_everyone = True
    permission_classes = [permissions.AllowAny]
    filter_backends: list[type] = []
    serializer_class = ArticleSerializer
    queryset = ArticlePage.objects.none()

    def get_queryset(self) -> QuerySet[ArticlePage]:
        params = ArticleFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        # Public articles only, whoever asks: the API is for open data.
        return article_list(
            viewer=ANONYMOUS,
            filters=ArticleFilters(
                kind=data.get("art", ""),
                field_of_action=data.get("handlungsfeld", ""),
                call=data.get("aufruf", ""),
                year=data.get("jahr"),
            ),
        ).prefetch_related("calls")
