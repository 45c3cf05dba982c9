from django.contrib import admin

from ikone.notifications.models import Digest, Notification, Preference


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["subject", "user", "kind", "delivery", "created_at", "read_at"]
    list_filter = ["kind", "delivery"]
    search_fields = ["user__email", "subject"]
    raw_id_fields = ["user"]


@admin.register(Preference)
class PreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "delivery"]
    raw_id_fields = ["user"]


@admin.register(Digest)
class DigestAdmin(admin.ModelAdmin):
    list_display = ["user", "day", "count", "sent_at"]
    raw_id_fields = ["user"]
