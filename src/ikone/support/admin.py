from django.contrib import admin

from ikone.support.models import CannedReply


@admin.register(CannedReply)
class CannedReplyAdmin(admin.ModelAdmin):
    """Coordinators keep the canned replies here; requests themselves are
    handled on the platform (/unterstuetzung/warteschlange/), where the
    visibility rule of drafts applies."""

    list_display = ("title", "topic")
    list_filter = ("topic",)
    search_fields = ("title", "text")
