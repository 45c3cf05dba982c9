"""/bewerbungen/<id>/zeitplan/: milestones of a draft against the call's deadline.

Everyone who may read the draft sees the schedule; its organisation's people
change it while the draft is editable (optimistic locking per milestone).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.applications import permissions, selectors, selectors_plan
from ikone.applications.forms_plan import ConfirmForm, MilestoneForm, add_validation_errors
from ikone.applications.models import Draft, Milestone
from ikone.applications.services import schedule as services
from ikone.applications.views._helpers import content_html, fresh_draft
from ikone.core.audit import Actor
from ikone.core.datetimes import berlin_date
from ikone.core.exceptions import DomainError


def _page(draft: Draft) -> HttpResponse:
    return redirect("applications:schedule", pk=draft.pk)


def _milestone(draft: Draft, milestone_pk: int) -> Milestone:
    milestone = Milestone.objects.filter(pk=milestone_pk, draft_id=draft.pk).first()
    if milestone is None:
        raise Http404
    milestone.draft = draft
    return milestone


SCHEDULE_TEMPLATE = "applications/schedule/schedule.html"


def _schedule_page(
    request: HttpRequest, draft: Draft, status: int = 200, **extra: Any
) -> HttpResponse:
    """The schedule page; unless a form comes with errors (`extra`), its
    content is a memo per draft, right to edit and Berlin day (the warnings
    count days to the deadline)."""
    can_edit = permissions.can_edit_draft(request.user, draft)
    today = berlin_date()
    html = content_html(
        request,
        SCHEDULE_TEMPLATE,
        lambda token: _context(fresh_draft(request, draft, token), can_edit, today, **extra),
        None if extra else (draft.pk, can_edit, today),
    )
    return render(
        request, SCHEDULE_TEMPLATE, {"draft": draft, "content_html": html}, status=status
    )


def _context(draft: Draft, can_edit: bool, today: date, **extra: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "draft": draft,
        "overview": selectors_plan.schedule_overview(
            draft=draft, today=today, with_call_dates=True
        ),
        "can_edit": can_edit,
    }
    if can_edit:
        context["form"] = MilestoneForm()
    context.update(extra)
    return context


@login_required
@require_safe
def schedule(request: HttpRequest, pk: int) -> HttpResponse:
    """The milestones in date order with warnings against the deadline."""
    draft = selectors.draft_get_for_view(user=request.user, pk=pk)
    return _schedule_page(request, draft)


@login_required
@require_POST
def milestone_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a milestone; on errors the schedule page shows the form as typed."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_edit_draft
    )
    form = MilestoneForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.milestone_create(
                draft=draft,
                actor=Actor.from_request(request),
                title=data["title"],
                kind=data["kind"],
                date=data["date"],
                done=data["done"],
                note=data["note"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(
                request, _("Meilenstein „%(title)s“ hinzugefügt.") % {"title": data["title"]}
            )
            return _page(draft)
    return _schedule_page(request, draft, status=400, form=form)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_edit(request: HttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    """Change one milestone (optimistic locking on its version)."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_edit_draft
    )
    milestone = _milestone(draft, milestone_pk)
    current = None
    status = 200
    if request.method == "POST":
        form = MilestoneForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.milestone_update(
                    milestone=milestone,
                    based_on=data["version"] or 0,
                    actor=Actor.from_request(request),
                    title=data["title"],
                    kind=data["kind"],
                    date=data["date"],
                    done=data["done"],
                    note=data["note"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            except DomainError:
                current = Milestone.objects.filter(pk=milestone.pk).first()
                if current is None:
                    messages.error(request, _("Dieser Meilenstein wurde inzwischen gelöscht."))
                    return _page(draft)
                fresh = request.POST.copy()
                fresh["version"] = str(current.version)
                form = MilestoneForm(fresh)
                form.is_valid()
                status = 409
            else:
                messages.success(request, _("Meilenstein gespeichert."))
                return _page(draft)
        status = status if current else 400
    else:
        form = MilestoneForm(
            initial={
                "title": milestone.title,
                "kind": milestone.kind,
                "date": milestone.date,
                "done": milestone.done,
                "note": milestone.note,
                "version": milestone.version,
            }
        )
    context = {"draft": draft, "milestone": milestone, "form": form, "current": current}
    return render(request, "applications/schedule/milestone_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def milestone_delete(request: HttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    """Confirm and delete one milestone."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_edit_draft
    )
    milestone = _milestone(draft, milestone_pk)
    form = ConfirmForm(request.POST or None, initial={"version": milestone.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.milestone_delete(
                milestone=milestone,
                based_on=form.cleaned_data["version"],
                actor=Actor.from_request(request),
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Meilenstein „%(title)s“ gelöscht.") % {"title": milestone.title}
            )
        return _page(draft)
    context = {"draft": draft, "milestone": milestone, "form": form}
    return render(request, "applications/schedule/milestone_delete.html", context)
