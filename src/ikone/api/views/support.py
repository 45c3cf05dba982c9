"""/api/v1/support/requests/: the token owner's own support requests
(read-only): those they sent and their organisations' requests, as far as
they may see them (requests of a draft follow the draft)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import authentication, permissions, viewsets

from ikone.api.serializers.support import SupportRequestSerializer
from ikone.api.views.applications import NOT_FOUND, UNAUTHORIZED
from ikone.support.models import SupportRequest
from ikone.support.selectors import request_list_of_requester


@extend_schema_view(
    list=extend_schema(
        summary=_("Eigene Unterstützungsanfragen auflisten"),
        description=_(
            "Die Anfragen, die die Person gestellt hat, und die ihrer Organisationen, "
            "mit Status und Verlauf (ohne interne Notizen), neueste zuerst."
        ),
        responses={200: SupportRequestSerializer(many=True), 401: UNAUTHORIZED},
    ),
    retrieve=extend_schema(
        summary=_("Eine eigene Unterstützungsanfrage"),
        responses={200: SupportRequestSerializer, 401: UNAUTHORIZED, 404: NOT_FOUND},
    ),
)
class SupportRequestViewSet(viewsets.ReadOnlyModelViewSet[SupportRequest]):
    authentication_classes = [
        authentication.TokenAuthentication,
        authentication.SessionAuthentication,
    ]
    permission_classes = [permissions.IsAuthenticated]
    filter_backends: list[type] = []
    serializer_class = SupportRequestSerializer
    lookup_value_regex = r"\d+"
    queryset = SupportRequest.objects.none()

    def get_queryset(self) -> QuerySet[SupportRequest]:
        return request_list_of_requester(user=self.request.user).prefetch_related("messages")
