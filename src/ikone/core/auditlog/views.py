from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from ikone.core.auditlog.forms import AuditFilterForm
from ikone.core.auditlog.permissions import can_view_audit_log
from ikone.core.auditlog.rows import entry_rows
from ikone.core.auditlog.selectors import audit_entry_list, audit_entry_page
from ikone.core.pagecache import memo

PAGE_SIZE = 50
TEMPLATE = "core/auditentry_list.html"
# v2: kept as `memo.content` keeps HTML (split at the CSRF token), not as a string.
MEMO_PREFIX = "core:audit-log:v2"


@require_safe
@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """The audit log for coordinators, filtered and paginated."""
    if not can_view_audit_log(request.user):
        raise PermissionDenied
    return render(request, TEMPLATE, {"content_html": _content_html(request)})


def _content_html(request: HttpRequest) -> SafeString:
    """Filters, entries and page links as a memo (issue 15, ADR 0006):
    keyed by the person and their flags that open the log (the right is
    checked per request before; keyed anyway, so a page is never reused for
    anyone else) and by every query parameter as sent (the form shows them
    as typed, the page links keep them); computed anew when an entry is
    written (or a person whose name a filter matched changes)."""
    user = request.user
    viewer = (user.pk, bool(user.is_superuser), bool(getattr(user, "is_coordinator", False)))

    def context(_token: str | None) -> dict[str, object]:
        form = AuditFilterForm(request.GET or None)
        entries = audit_entry_list(**form.filters())
        page = audit_entry_page(entries, number=_page_number(request), size=PAGE_SIZE)
        return {"form": form, "page": page, "rows_html": entry_rows(page.entries)}

    return memo.content(
        request, TEMPLATE, context, MEMO_PREFIX, (viewer, sorted(request.GET.lists()))
    )


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("seite", "")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 100_000 else 1
