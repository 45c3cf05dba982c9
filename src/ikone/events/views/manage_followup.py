"""After the event: materials (managed by coordinators and speakers,
opened by whoever the visibility allows) and feedback (given by
participants, read by coordinators)."""

from __future__ import annotations

import mimetypes
from pathlib import PurePath
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.accounts.models import User
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.events import permissions
from ikone.events import selectors_manage as selectors
from ikone.events.forms import FeedbackForm, MaterialForm
from ikone.events.models import EventStatus, Material
from ikone.events.services import followup as services
from ikone.events.views.manage import manage_context


@login_required
@require_http_methods(["GET", "POST"])
def manage_materials(request: HttpRequest, slug: str) -> HttpResponse:
    """/veranstaltungen/<slug>/verwaltung/materialien/: attach slides,
    minutes, a recording link; see and remove what is there."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_add_material
    )
    form = MaterialForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            material = services.material_add(
                event=event, actor=Actor.from_request(request), **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("„%(title)s“ ist hinzugefügt.") % {"title": material.title}
            )
            return redirect("events:manage_materials", slug=event.slug)
    materials = selectors.material_list(event=event)
    context = {
        **manage_context(request, event, "materials"),
        "form": form,
        "materials": [
            (material, permissions.can_delete_material(request.user, _with_event(material, event)))
            for material in materials
        ],
    }
    return render(
        request, "events/manage/materials.html", context, status=400 if form.errors else 200
    )


def _with_event(material: Material, event: object) -> Material:
    material.event = event  # type: ignore[assignment]
    return material


@login_required
@require_POST
def manage_material_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Remove one material (POST from the materials page)."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_add_material
    )
    material = Material.objects.filter(event=event, pk=pk).first()
    if material is None:
        raise Http404
    material.event = event
    try:
        services.material_delete(material=material, actor=Actor.from_request(request))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("„%(title)s“ ist entfernt.") % {"title": material.title})
    return redirect("events:manage_materials", slug=event.slug)


@require_safe
def material_download(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    """/veranstaltungen/<slug>/materialien/<pk>/: the file, or the link, if
    the material's visibility allows the viewer (else 404)."""
    material = selectors.material_get_for_download(user=request.user, slug=slug, pk=pk)
    if not material.file:
        if not material.url:
            raise Http404
        return redirect(material.url)
    name = PurePath(material.file.name or "material").name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(
        material.file.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    if material.visibility != "public":
        response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest, slug: str) -> HttpResponse:
    """/veranstaltungen/<slug>/rueckmeldung/: a participant rates the event
    (1–5) and comments; sending again changes the earlier feedback."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=lambda user, event: event.status != EventStatus.DRAFT
    )
    user = cast(User, request.user)
    registration = selectors.own_registration(user=user, event=event)
    if not permissions.can_give_feedback(user, event, registration):
        closed: dict[str, Any] = {"event": event, "registration": registration}
        return render(request, "events/manage/feedback_closed.html", closed, status=403)
    existing = selectors.feedback_get_own(user=user, event=event)
    initial = {"rating": existing.rating, "comment": existing.comment} if existing else {}
    form = FeedbackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_save(
                event=event, actor=Actor.from_request(request), **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Danke für Ihre Rückmeldung!"))
            return redirect(event)
    context = {"event": event, "form": form, "existing": existing}
    return render(
        request, "events/manage/feedback_form.html", context, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def manage_feedback(request: HttpRequest, slug: str) -> HttpResponse:
    """/veranstaltungen/<slug>/verwaltung/rueckmeldungen/: average,
    distribution and comments (coordinators); POST asks participants for
    feedback by e-mail, once."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_view_feedback_results
    )
    if request.method == "POST":
        try:
            services.feedback_request_send(event=event, actor=Actor.from_request(request))
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Die Teilnehmenden werden per E-Mail um Rückmeldung gebeten.")
            )
        return redirect("events:manage_feedback", slug=event.slug)
    context = {
        **manage_context(request, event, "feedback"),
        "results": selectors.feedback_results(event=event),
        "requested": services.feedback_last_requested(event=event),
    }
    return render(request, "events/manage/feedback_results.html", context)
