from django.contrib import admin

from ikone.knowledge.accessibility import AccessibilityFeedback


@admin.register(AccessibilityFeedback)
class AccessibilityFeedbackAdmin(admin.ModelAdmin):
    """Reported barriers, read-only: they are the sender's words."""

    list_display = ("created_at", "page_url", "name", "email")
    search_fields = ("page_url", "description", "name", "email")
    readonly_fields = (
        "page_url",
        "description",
        "name",
        "email",
        "user",
        "language",
        "created_at",
    )

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
