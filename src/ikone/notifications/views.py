"""/konto/benachrichtigungen/: the person's notification centre, the
header badge (loaded by htmx at most once a minute) and the settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.core.audit import Actor
from ikone.notifications import selectors, services
from ikone.notifications.forms import PreferencesForm
from ikone.notifications.models import Notification


def _user_id(request: HttpRequest) -> int:
    """The signed-in person's id (the views require a login)."""
    return int(request.user.pk or 0)


def _page_number(request: HttpRequest) -> int:
    raw = request.GET.get("seite", "")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 100_000 else 1


@never_cache
@require_safe
@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """Every notification of the person, newest first, grouped by day."""
    unread_only = request.GET.get("ungelesen") == "1"
    page = selectors.notification_page(
        user_id=_user_id(request), number=_page_number(request), unread_only=unread_only
    )
    context = {
        "page": page,
        "unread_only": unread_only,
        "unread": selectors.unread_count(user_id=_user_id(request)),
    }
    return render(request, "notifications/notification_list.html", context)


@never_cache
@require_safe
@login_required
def badge(request: HttpRequest) -> HttpResponse:
    """The unread count for the header (an htmx fragment, empty when 0)."""
    count = selectors.unread_count(user_id=_user_id(request))
    return render(request, "notifications/badge.html", {"count": count})


@require_POST
@login_required
def mark_read(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read, then open its page (or go back)."""
    try:
        notification = services.notification_mark_read(
            actor=Actor.from_request(request), notification_id=pk
        )
    except Notification.DoesNotExist as error:
        raise Http404 from error
    target = notification.url if request.POST.get("oeffnen") else ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:list")


@require_POST
@login_required
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.notifications_mark_all_read(actor=Actor.from_request(request))
    if count:
        messages.success(request, _("Alle Benachrichtigungen sind als gelesen markiert."))
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    """Per kind: immediately, daily digest or off (mandatory kinds fixed)."""
    form = PreferencesForm(
        request.POST or None,
        kinds=selectors.settable_kinds(),
        current=selectors.preferences_of(user_id=_user_id(request)),
    )
    if request.method == "POST" and form.is_valid():
        services.preferences_save(actor=Actor.from_request(request), choices=form.choices())
        messages.success(request, _("Ihre Einstellungen wurden gespeichert."))
        return redirect("notifications:settings")
    status = 400 if form.errors else 200
    return render(request, "notifications/preferences.html", {"form": form}, status=status)
