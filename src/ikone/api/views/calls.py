"""/api/v1/calls/: funding calls, read-only and public."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import permissions, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from ikone.api.serializers.calls import (
    CallDetailSerializer,
    CallFilterSerializer,
    CallListSerializer,
)
from ikone.api.views.municipalities import INVALID_FILTER, NOT_FOUND
from ikone.calls import selectors
from ikone.calls.models import Call
from ikone.core.pagecache import memo

DETAIL_MEMO_PREFIX = "api:call-detail:v1"


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
    # Public data, the same answer for every person: shared page cache (ADR 0006).
    page_cache_for_everyone = True
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

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """One call as a memo (ADR 0006): the same for everyone, signed in or
        not, while the call's tables are unchanged; its addresses are
        absolute, hence scheme and host in the key (the host is one of
        ALLOWED_HOSTS). 404 for an unknown call (not kept)."""
        key = memo.key(DETAIL_MEMO_PREFIX, self.kwargs["slug"], request.scheme, request.get_host())
        return Response(memo.get_or_compute(key, self._detail_data))

    def _detail_data(self) -> dict[str, Any]:
        return dict(self.get_serializer(self.get_object()).data)

    def get_serializer_class(self) -> type[BaseSerializer[Call]]:
        return CallDetailSerializer if self.action == "retrieve" else CallListSerializer
