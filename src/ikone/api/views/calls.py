"""/api/v1/calls/: funding calls, read-only and public."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import permissions, viewsets
from rest_framework.serializers import BaseSerializer

from ikone.api.serializers.calls import (
    CallDetailSerializer,
    CallFilterSerializer,
    CallListSerializer,
)
from ikone.api.views.municipalities import INVALID_FILTER, NOT_FOUND
from ikone.calls import selectors
from ikone.calls.models import Call


@extend_schema_view(
    list=extend_schema(
        summary=_("Förderaufrufe auflisten"),
        description=_(
            "Alle Förderaufrufe mit Frist, Status und Förderquoten; offene zuerst. "
            "`is_example` kennzeichnet erfundene Beispielaufrufe."
        ),
        parameters=[CallFilterSerializer],
        responses={
            200: CallListSerializer(many=True),
            400: INVALID_FILTER,
            404: NOT_FOUND,
        },
    ),
    retrieve=extend_schema(
        summary=_("Ein Förderaufruf"),
        description=_(
            "Ein Aufruf mit Terminen, Phasen, erforderlichen Unterlagen, Bewertungskriterien "
            "und den nummerierten Abschnitten der aktuellen Fassung."
        ),
        responses={
            200: CallDetailSerializer,
            404: OpenApiResponse(description=_("Unbekannter Aufruf.")),
        },
    ),
)
class CallViewSet(viewsets.ReadOnlyModelViewSet[Call]):
    permission_classes = [permissions.AllowAny]
    filter_backends: list[type] = []
    lookup_field = "slug"
    queryset = Call.objects.none()

    def get_queryset(self) -> QuerySet[Call]:
        params = CallFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        return selectors.call_list(status=params.validated_data.get("status") or None)

    def get_object(self) -> Call:
        return selectors.call_get(slug=self.kwargs["slug"])

    def get_serializer_class(self) -> type[BaseSerializer[Call]]:
        return CallDetailSerializer if self.action == "retrieve" else CallListSerializer
