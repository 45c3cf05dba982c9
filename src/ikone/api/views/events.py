"""/api/v1/events/: published and cancelled events, read-only and public."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import permissions, viewsets
from rest_framework.serializers import BaseSerializer

from ikone.api.serializers.events import (
    EventDetailSerializer,
    EventFilterSerializer,
    EventListSerializer,
)
from ikone.events import api_texts as texts
from ikone.events import selectors
from ikone.events.models import Event


@extend_schema_view(
    list=extend_schema(
        summary=texts.LIST_SUMMARY,
        description=texts.LIST_DESCRIPTION,
        parameters=[EventFilterSerializer],
        responses={
            200: EventListSerializer(many=True),
            400: OpenApiResponse(response=OpenApiTypes.OBJECT, description=texts.INVALID_FILTER),
            404: OpenApiResponse(description=texts.PAGE_NOT_FOUND),
        },
    ),
    retrieve=extend_schema(
        summary=texts.DETAIL_SUMMARY,
        description=texts.DETAIL_DESCRIPTION,
        responses={
            200: EventDetailSerializer,
            404: OpenApiResponse(description=texts.NOT_FOUND),
        },
    ),
)
class EventViewSet(viewsets.ReadOnlyModelViewSet[Event]):
    # Public data, the same answer for every person: shared page cache (ADR 0006).
    page_cache_for_everyone = True
    permission_classes = [permissions.AllowAny]
    filter_backends: list[type] = []
    lookup_field = "slug"
    queryset = Event.objects.none()

    def get_queryset(self) -> QuerySet[Event]:
        params = EventFilterSerializer(data=self.request.query_params)
        params.is_valid(raise_exception=True)
        # Anonymous on purpose: the API shows public events only, also to editors.
        return selectors.event_list(user=None, filters=params.to_filters())

    def get_object(self) -> Event:
        return selectors.event_get_public_detail(slug=self.kwargs["slug"])

    def get_serializer_class(self) -> type[BaseSerializer[Event]]:
        return EventDetailSerializer if self.action == "retrieve" else EventListSerializer
