"""/api/v1/solutions/, /api/v1/organizations/<slug>/peers/ and
/api/v1/municipalities/<ags>/recommendations/: the published catalogue,
similar municipalities and recommendations as open data, for everyone."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from ikone.accounts.models import Organization
from ikone.api.serializers.solutions import (
    MunicipalityRecommendationsSerializer,
    OrganizationPeersSerializer,
    SolutionDetailSerializer,
    SolutionFilterSerializer,
    SolutionListSerializer,
)
from ikone.api.views.municipalities import AGS_PATTERN, INVALID_FILTER, NOT_FOUND
from ikone.municipalities.models import Municipality
from ikone.solutions import selectors
from ikone.solutions.models import ReviewState, Solution
from ikone.solutions.recommendations import Place, recommend
from ikone.solutions.selectors import CatalogueFilter

SLUG_PATTERN = r"[-a-zA-Z0-9_]+"


@extend_schema_view(
    list=extend_schema(
        summary=_("Lösungen auflisten"),
        description=_(
            "Veröffentlichte Steckbriefe des Lösungskatalogs, nach Titel, seitenweise; "
            "Filter wie auf /loesungen/. Ansprechpersonen sind nicht enthalten."
        ),
        parameters=[SolutionFilterSerializer],
        responses={200: SolutionListSerializer(many=True), 400: INVALID_FILTER, 404: NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary=_("Eine Lösung"),
        description=_(
            "Ein veröffentlichter Steckbrief mit Übertragbarkeit (alle Teile) und den "
            "öffentlich eingetragenen Übernahmen."
        ),
        parameters=[
            OpenApiParameter(
                "slug", str, OpenApiParameter.PATH, required=True, pattern=f"^{SLUG_PATTERN}$"
            )
        ],
        responses={200: SolutionDetailSerializer, 404: NOT_FOUND},
    ),
)
class SolutionViewSet(viewsets.ReadOnlyModelViewSet[Solution]):
    # Public data, the same answer for every person: shared page cache (ADR 0006).
    page_cache_for_everyone = True
    permission_classes = [permissions.AllowAny]
    filter_backends: list[type] = []
    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN
    queryset = Solution.objects.none()

    def get_queryset(self) -> QuerySet[Solution]:
        params = SolutionFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        return selectors.solution_list_published(
            filters=CatalogueFilter(
                query=data.get("q", ""),
                field=data.get("handlungsfeld", ""),
                status=data.get("stand", ""),
                size=data.get("groesse", ""),
                open_licence=data.get("offen", False),
                land=data.get("land", ""),
                programme=data.get("programm", ""),
            )
        ).select_related("model_project")

    def get_object(self) -> Solution:
        try:
            solution = selectors.solution_get_for_view(
                user=AnonymousUser(), slug=self.kwargs["slug"]
            )
        except Solution.DoesNotExist:
            raise Http404 from None
        if solution.review_state != ReviewState.PUBLISHED:
            raise Http404
        return solution

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        solution = self.get_object()
        adoptions = selectors.adoption_list_for_solution(solution=solution, user=AnonymousUser())
        context = {
            **self.get_serializer_context(),
            "adoptions": adoptions,
            "transferability": selectors.transferability_for(
                solution=solution, adoptions=adoptions
            ),
        }
        return Response(SolutionDetailSerializer(solution, context=context).data)

    def get_serializer_class(self) -> type[BaseSerializer[Solution]]:
        if self.action == "retrieve":
            return SolutionDetailSerializer
        return SolutionListSerializer


class OrganizationPeersView(APIView):
    # Public data, the same answer for every person: shared page cache (ADR 0006).
    page_cache_for_everyone = True
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="organizations_peers_retrieve",
        summary=_("Ähnliche Kommunen einer Organisation"),
        description=_(
            "Die fünf ähnlichsten Gemeinden zur Gemeinde der Organisation, jeweils mit "
            "Begründung (vorberechnet mit `ikone rebuild_peers`); leer für Kreise und "
            "Kooperationen."
        ),
        parameters=[
            OpenApiParameter(
                "slug", str, OpenApiParameter.PATH, required=True, pattern=f"^{SLUG_PATTERN}$"
            )
        ],
        responses={200: OrganizationPeersSerializer, 404: NOT_FOUND},
    )
    def get(self, request: Request, slug: str) -> Response:
        organization = (
            Organization.objects.filter(slug=slug).select_related("municipality").first()
        )
        if organization is None:
            raise Http404
        unit = organization.municipality
        peers = selectors.peers_of(municipality_id=unit.pk if unit else None)
        data = {
            "organization": organization.name,
            "municipality": unit.ags if unit else None,
            "peers": [vars(peer) for peer in peers],
        }
        return Response(OrganizationPeersSerializer(data).data)


class MunicipalityRecommendationsView(APIView):
    # Public data, the same answer for every person: shared page cache (ADR 0006).
    page_cache_for_everyone = True
    permission_classes = [permissions.AllowAny]

    @extend_schema(
        operation_id="municipalities_recommendations_retrieve",
        summary=_("Empfohlene Lösungen für eine Kommune"),
        description=_(
            "Die bis zu zehn passendsten veröffentlichten Lösungen, jede mit ihren "
            "Gründen, wie /loesungen/empfehlungen/?ags= sie zeigt."
        ),
        parameters=[
            OpenApiParameter(
                "ags", str, OpenApiParameter.PATH, required=True, pattern=f"^({AGS_PATTERN})$"
            )
        ],
        responses={200: MunicipalityRecommendationsSerializer, 404: NOT_FOUND},
    )
    def get(self, request: Request, ags: str) -> Response:
        unit = Municipality.objects.filter(ags=ags).first()
        if unit is None:
            raise Http404
        organization = Organization.objects.filter(municipality=unit).first()
        results = recommend(Place(municipality=unit, organization=organization))
        data = {
            "ags": unit.ags,
            "name": unit.name,
            "recommendations": [
                {"solution": result.solution, "points": result.points, "reasons": result.reasons}
                for result in results
            ],
        }
        return Response(
            MunicipalityRecommendationsSerializer(data, context={"request": request}).data
        )
