from __future__ import annotations

from rest_framework import serializers

from ikone.notifications.models import Notification


class NotificationSerializer(serializers.ModelSerializer[Notification]):
    read = serializers.BooleanField(source="is_read", read_only=True)

    class Meta:
        model = Notification
        fields = ["id", "kind", "subject", "body", "url", "created_at", "read", "read_at"]
        read_only_fields = fields
