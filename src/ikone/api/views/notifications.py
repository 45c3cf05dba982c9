"""/api/v1/notifications/: the token owner's notifications, newest first
(read-only). Authentication by token or a browser session; nobody sees
another person's notifications."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import authentication, permissions, viewsets

from ikone.api.serializers.notifications import NotificationSerializer
from ikone.api.views.applications import NOT_FOUND, UNAUTHORIZED
from ikone.notifications.models import Notification


@extend_schema_view(
    list=extend_schema(
        summary=_("Eigene Benachrichtigungen auflisten"),
        description=_(
            "Alle Benachrichtigungen der Person, neueste zuerst, seitenweise; "
            "`?ungelesen=1` nur die ungelesenen."
        ),
        # 404: a page number beyond the last page.
        responses={200: NotificationSerializer(many=True), 401: UNAUTHORIZED, 404: NOT_FOUND},
    ),
    retrieve=extend_schema(
        summary=_("Eine eigene Benachrichtigung"),
        responses={200: NotificationSerializer, 401: UNAUTHORIZED, 404: NOT_FOUND},
    ),
)
class NotificationViewSet(viewsets.ReadOnlyModelViewSet[Notification]):
    authentication_classes = [
        authentication.TokenAuthentication,
        authentication.SessionAuthentication,
    ]
    permission_classes = [permissions.IsAuthenticated]
    filter_backends: list[type] = []
    serializer_class = NotificationSerializer
    lookup_value_regex = r"\d+"
    queryset = Notification.objects.none()

    def get_queryset(self) -> QuerySet[Notification]:
        rows = Notification.objects.filter(user_id=int(self.request.user.pk or 0))
        if self.request.query_params.get("ungelesen") == "1":
            rows = rows.filter(read_at__isnull=True)
        return rows.order_by("-created_at", "-pk")
