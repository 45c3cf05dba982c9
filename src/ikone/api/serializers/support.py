"""Support requests: the requester's own, with their public thread."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ikone.support.models import MessageKind, SupportMessage, SupportRequest


class SupportMessageSerializer(serializers.ModelSerializer[SupportMessage]):
    class Meta:
        model = SupportMessage
        fields = ["kind", "channel", "author_name", "text", "created_at"]


class SupportRequestSerializer(serializers.ModelSerializer[SupportRequest]):
    # A plain string, like the calls' and events' status, so that the API's
    # "status" enums do not collide.
    status = serializers.CharField(
        read_only=True,
        help_text=_("new, assigned, waiting (wartet auf Rückmeldung), solved oder closed."),
    )
    organization: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    messages = serializers.SerializerMethodField()

    class Meta:
        model = SupportRequest
        fields = [
            "id", "topic", "subject", "message", "status", "source", "organization",
            "created_at", "updated_at", "first_response_at", "resolved_at", "messages",
        ]  # fmt: skip

    @extend_schema_field(SupportMessageSerializer(many=True))
    def get_messages(self, request: Any) -> list[dict[str, Any]]:
        # Internal notes never leave the handlers.
        public = [m for m in request.messages.all() if m.kind != MessageKind.NOTE]
        return SupportMessageSerializer(public, many=True).data  # type: ignore[return-value]
