"""The public catalogue: /loesungen/ (filtered list) and one profile."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ikone.core import htmx
from ikone.solutions import permissions, selectors, workflow
from ikone.solutions.catalogue_page import catalogue_page
from ikone.solutions.detail_body import detail_body, visible_adopters
from ikone.solutions.forms import CatalogueFilterForm, CommentForm, DocumentForm, TransitionForm
from ikone.solutions.models import Solution

LIST_TEMPLATE = "solutions/solution_list.html"


@require_safe
def solution_list(request: HttpRequest) -> HttpResponse:
    """Published profiles with search, filters and pages; htmx gets the
    results. The page of results comes from a memo (solutions/catalogue_page.py)."""
    choices = selectors.catalogue_choices()
    form = CatalogueFilterForm(
        request.GET,
        fields_of_action=choices.fields_of_action,
        states=choices.states,
        programmes=choices.programmes,
    )
    page = catalogue_page(form.to_filter(), request.GET.get("page"))
    wants_fragment = htmx.wants_fragment(request)
    context = {
        "form": form,
        "page_obj": page,
        "paginator": page,
        "cards": page.cards,
        "can_propose": permissions.can_propose_solution(request.user),
    }
    template = f"{LIST_TEMPLATE}#results" if wants_fragment else LIST_TEMPLATE
    return htmx.vary_on_htmx(render(request, template, context))


@require_safe
def solution_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One profile with adopters, similar solutions and, for the people
    involved, its review history and actions. What is the same for everyone
    who may see the profile comes from a memo (solutions/detail_body.py)."""
    try:
        solution = selectors.solution_for_page(user=request.user, slug=slug)
    except Solution.DoesNotExist:
        raise Http404 from None
    user = request.user
    actions = _allowed_actions(user, solution)
    can_comment = permissions.can_comment_solution(user, solution)
    body = detail_body(solution)
    context = {
        "solution": solution,
        "body": {part: body.html(part) for part in ("about", "documents", "similar")},
        "adopters": visible_adopters(body, user),
        "can": {
            "edit": permissions.can_edit_solution(user, solution),
            "comment": can_comment,
            "adopt": solution.is_published and permissions.can_propose_solution(user),
        },
        "actions": actions,
        "transition_form": TransitionForm(),
        "history": selectors.review_entries(solution=solution) if can_comment else [],
        "comment_form": CommentForm(),
        "document_form": DocumentForm(),
        "json_ld": body.html("json_ld") if solution.is_published else "",
    }
    return render(request, "solutions/solution_detail.html", context)


def _allowed_actions(user: Any, solution: Solution) -> list[dict[str, Any]]:
    """The review steps this person may take now, with their labels."""
    allowed = {
        workflow.COORDINATOR: permissions.can_review_solution(user, solution),
        workflow.PROPOSER: permissions.can_submit_solution(user, solution),
    }
    return [
        {"action": action, "label": workflow.ACTION_LABELS[action]}
        for action in workflow.actions_from(solution.review_state)
        if allowed[workflow.TRANSITIONS[(solution.review_state, action)][1]]
    ]


@require_safe
def document_download(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    """A profile's document or image, for those who may see the profile."""
    try:
        solution = selectors.solution_get_for_view(user=request.user, slug=slug)
    except Solution.DoesNotExist:
        raise Http404 from None
    document = next((d for d in solution.documents.all() if d.pk == pk), None)
    if document is None:
        raise Http404
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=not document.is_image,
        filename=(document.file.name or "").rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    if not solution.is_published:
        response["Cache-Control"] = "private, no-store"
    return response
