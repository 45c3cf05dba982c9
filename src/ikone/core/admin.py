from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_tasks_db.models import DBTaskResult

from ikone.core import audit, tasks
from ikone.core.audit import Actor
from ikone.core.models import AuditEntry, FieldOfAction, OutgoingMail


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


TASK_FIELDS = (
    "task_path",
    "status",
    "attempts",
    "enqueued_at",
    "started_at",
    "run_after",
    "finished_at",
    "args_kwargs",
    "worker_ids",
    "exception_class_path",
    "formatted_traceback",
)


class BackgroundTaskAdmin(admin.ModelAdmin[DBTaskResult]):
    """Background tasks (django-tasks-db's queue), read-only, with the one
    action coordinators need: queue failed tasks again once the cause (a
    mail server, a missing file) is fixed. Replaces the library's admin;
    the accounts app opens it to coordinators."""

    list_display = ["task_label", "status", "attempts", "enqueued_at", "run_after", "error"]
    list_filter = ["status", "queue_name"]
    ordering = ["-enqueued_at"]
    actions = ["retry"]
    show_full_result_count = False
    fields = TASK_FIELDS
    readonly_fields = TASK_FIELDS

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: DBTaskResult | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: DBTaskResult | None = None) -> bool:
        return False

    def has_retry_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)

    @admin.display(description=_("Aufgabe"), ordering="task_path")
    def task_label(self, obj: DBTaskResult) -> str:
        return obj.task_path.rsplit(".", 1)[-1]

    @admin.display(description=_("Versuche"))
    def attempts(self, obj: DBTaskResult) -> str:
        return f"{tasks.attempts(obj)} / {tasks.max_attempts()}"

    @admin.display(description=_("Letzter Fehler"))
    def error(self, obj: DBTaskResult) -> str:
        return obj.exception_class_path.rsplit(".", 1)[-1] or "–"

    @admin.display(description=_("Fehlerverlauf"))
    def formatted_traceback(self, obj: DBTaskResult) -> str:
        return format_html("<pre>{}</pre>", obj.traceback) if obj.traceback else "–"

    @admin.action(
        description=_("Fehlgeschlagene Aufgaben erneut versuchen"), permissions=["retry"]
    )
    def retry(self, request: HttpRequest, queryset: QuerySet[DBTaskResult]) -> None:
        ids = [str(pk) for pk in queryset.filter(status="FAILED").values_list("pk", flat=True)]
        count = tasks.retry_failed(queryset)
        if count:
            audit.record(Actor.from_request(request), "core.tasks.retried", data={"tasks": ids})
        self.message_user(
            request,
            ngettext(
                "%(count)d Aufgabe wird erneut versucht.",
                "%(count)d Aufgaben werden erneut versucht.",
                count,
            )
            % {"count": count},
            messages.SUCCESS if count else messages.WARNING,
        )


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin[OutgoingMail]):
    """The at-most-once ledger of `core.mail` (operators): a row left in
    "wird gesendet" means a worker stopped while handing that mail over."""

    list_display = ["created_at", "kind", "state", "sent_at", "key"]
    list_filter = ["state", "kind"]
    search_fields = ["key"]
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: OutgoingMail | None = None) -> bool:
        return False


# The library registers its own admin when autodiscovery reaches it, after
# core: import it now, then replace it.
import django_tasks_db.admin  # noqa: E402, F401

admin.site.unregister(DBTaskResult)
admin.site.register(DBTaskResult, BackgroundTaskAdmin)
