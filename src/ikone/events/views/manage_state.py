"""Coordinators' actions on one event's state: publish or withdraw a
draft, cancel with a message to everyone registered."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.events import permissions
from ikone.events import selectors_manage as selectors
from ikone.events.forms import CancelEventForm
from ikone.events.services import management as services
from ikone.events.views.manage import manage_context


@login_required
@require_POST
def manage_status(request: HttpRequest, slug: str) -> HttpResponse:
    """Publish a draft or withdraw it to draft (POST `action=publish|unpublish`)."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_publish_event
    )
    actor = Actor.from_request(request)
    action = request.POST.get("action")
    try:
        if action == "publish":
            services.event_publish(event=event, actor=actor)
            messages.success(
                request, _("Die Veranstaltung ist veröffentlicht; Anmeldungen sind möglich.")
            )
        elif action == "unpublish":
            services.event_unpublish(event=event, actor=actor)
            messages.success(request, _("Die Veranstaltung ist wieder ein Entwurf."))
        else:
            messages.error(request, _("Bitte wählen Sie „Veröffentlichen“ oder „Zurückziehen“."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("events:manage_edit", slug=event.slug)


@login_required
@require_http_methods(["GET", "POST"])
def manage_cancel(request: HttpRequest, slug: str) -> HttpResponse:
    """/veranstaltungen/<slug>/verwaltung/absagen/: cancel after confirming;
    everyone registered gets an e-mail."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_cancel_event
    )
    form = CancelEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_cancel(
                event=event, reason=form.cleaned_data["reason"], actor=Actor.from_request(request)
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Die Veranstaltung ist abgesagt. Alle Angemeldeten werden benachrichtigt."),
            )
        return redirect("events:manage_edit", slug=event.slug)
    context = {**manage_context(request, event, "edit"), "form": form}
    return render(
        request, "events/manage/event_cancel.html", context, status=400 if form.errors else 200
    )
