from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ikone.core.auditlog.forms import AuditFilterForm
from ikone.core.auditlog.permissions import can_view_audit_log
from ikone.core.auditlog.rows import entry_rows
from ikone.core.auditlog.selectors import audit_entry_list, audit_entry_page

PAGE_SIZE = 50


@require_safe
@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """The audit log for coordinators, filtered and paginated."""
    if not can_view_audit_log(request.user):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    entries = audit_entry_list(**form.filters())
    page = audit_entry_page(entries, number=_page_number(request), size=PAGE_SIZE)
    context = {"form": form, "page": page, "rows_html": entry_rows(page.entries)}
    return render(request, "core/auditentry_list.html", context)


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("seite", "")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 100_000 else 1
