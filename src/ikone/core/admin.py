from django.contrib import admin
from django.http import HttpRequest

from ikone.core.models import AuditEntry, FieldOfAction


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin[AuditEntry]):
    """Read-only: the audit log is written by services, never by hand."""

    list_display = ["created_at", "actor_label", "action", "target_label", "ip_address"]
    list_filter = ["action", "created_at"]
    search_fields = ["actor_label", "action", "target_label", "target_id"]
    date_hierarchy = "created_at"
    list_select_related = False
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: AuditEntry | None = None) -> bool:
        return False


@admin.register(FieldOfAction)
class FieldOfActionAdmin(admin.ModelAdmin[FieldOfAction]):
    list_display = ["label", "key", "position"]
    search_fields = ["label", "key"]
    ordering = ["position"]
