"""Proposing and editing profiles, the review steps, comments, documents,
and the list of one's own and waiting profiles (/loesungen/pruefung/)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.accounts.models import Organization
from ikone.accounts.permissions import is_network_coordinator
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.solutions import permissions, selectors
from ikone.solutions.forms import CommentForm, DocumentForm, SolutionForm, TransitionForm
from ikone.solutions.models import Solution
from ikone.solutions.services import documents as document_services
from ikone.solutions.services import solutions as services
from ikone.solutions.services.solutions import ProfileData


def _organizations_for(user: Any) -> Any:
    if is_network_coordinator(user):
        return Organization.objects.order_by("name")
    return Organization.objects.filter(pk__in=permissions.organization_ids_of(user)).order_by(
        "name"
    )


def _solution_or_404(request: HttpRequest, slug: str) -> Solution:
    try:
        return selectors.solution_get_for_view(user=request.user, slug=slug)
    except Solution.DoesNotExist:
        raise Http404 from None


def _data(form: SolutionForm) -> ProfileData:
    return ProfileData(
        title=form.cleaned_data["title"],
        summary=form.cleaned_data["summary"],
        organizations=list(form.cleaned_data["organizations"]),
        fields_of_action=list(form.cleaned_data["fields_of_action"]),
        values=form.profile_values(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def solution_create(request: HttpRequest) -> HttpResponse:
    """/loesungen/neu/: propose a profile for one's organisation (as a draft)."""
    if not (
        permissions.can_propose_solution(request.user) or is_network_coordinator(request.user)
    ):
        raise PermissionDenied
    form = SolutionForm(request.POST or None, organizations=_organizations_for(request.user))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                solution = services.solution_create(
                    data=_data(form), actor=Actor.from_request(request)
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _(
                        "Der Steckbrief ist als Entwurf gespeichert. Reichen Sie ihn zur Prüfung ein."
                    ),
                )
                return redirect(solution)
        status = 400
    context = {"form": form, "solution": None}
    return render(request, "solutions/solution_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def solution_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Edit a profile; a save based on an older version keeps the input and
    says someone else saved (409)."""
    solution = _solution_or_404(request, slug)
    if not permissions.can_edit_solution(request.user, solution):
        raise PermissionDenied
    form = SolutionForm(
        request.POST or None, instance=solution, organizations=_organizations_for(request.user)
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.solution_update(
                    solution=Solution.objects.get(pk=solution.pk),
                    data=_data(form),
                    based_on=form.cleaned_data["version"] or 0,
                    actor=Actor.from_request(request),
                )
            except services.EditConflict as error:
                form.add_error(None, error.message)
                status = 409
            except DomainError as error:
                form.add_error(None, error.message)
                status = 400
            else:
                messages.success(request, _("Der Steckbrief ist gespeichert."))
                return redirect(solution)
        else:
            status = 400
    context = {"form": form, "solution": solution}
    return render(request, "solutions/solution_form.html", context, status=status)


@login_required
@require_POST
def solution_transition(request: HttpRequest, slug: str) -> HttpResponse:
    """A review step (submit, publish, return, withdraw) with its comment."""
    solution = _solution_or_404(request, slug)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte prüfen Sie Ihre Angaben."))
        return redirect(solution)
    try:
        solution = services.solution_transition(
            solution=solution,
            action=form.cleaned_data["action"],
            comment=form.cleaned_data["comment"],
            actor=Actor.from_request(request),
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(solution)
    messages.success(
        request,
        _("Der Steckbrief hat jetzt den Status „%(state)s“.")
        % {"state": solution.get_review_state_display()},
    )
    return redirect(solution)


@login_required
@require_POST
def solution_comment(request: HttpRequest, slug: str) -> HttpResponse:
    solution = _solution_or_404(request, slug)
    if not permissions.can_comment_solution(request.user, solution):
        raise PermissionDenied
    form = CommentForm(request.POST)
    if form.is_valid():
        services.solution_comment(
            solution=solution, text=form.cleaned_data["text"], actor=Actor.from_request(request)
        )
        messages.success(request, _("Ihr Kommentar ist gespeichert."))
    else:
        messages.error(request, _("Bitte schreiben Sie einen Kommentar."))
    return redirect(f"{solution.get_absolute_url()}#verlauf")


@login_required
@require_POST
def document_add(request: HttpRequest, slug: str) -> HttpResponse:
    solution = _solution_or_404(request, slug)
    if not permissions.can_edit_solution(request.user, solution):
        raise PermissionDenied
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = [str(error) for field_errors in form.errors.values() for error in field_errors]
        messages.error(request, " ".join(errors))
        return redirect(f"{solution.get_absolute_url()}#dokumente")
    try:
        document_services.solution_document_add(
            solution=solution,
            title=form.cleaned_data["title"],
            file=form.cleaned_data["file"],
            alt_text=form.cleaned_data["alt_text"],
            actor=Actor.from_request(request),
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Die Datei ist hinzugefügt."))
    return redirect(f"{solution.get_absolute_url()}#dokumente")


@login_required
@require_safe
def review_list(request: HttpRequest) -> HttpResponse:
    """/loesungen/pruefung/: one's unpublished profiles; for coordinators also
    the profiles waiting for review."""
    lists = selectors.solution_list_for_review(user=request.user)
    context = {
        "own": lists["own"],
        "waiting": lists.get("waiting"),
        "is_coordinator": is_network_coordinator(request.user),
    }
    return render(request, "solutions/review_list.html", context)
