"""The public catalogue: /loesungen/ (filtered list) and one profile."""

from __future__ import annotations

import json
from typing import Any

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_safe

from ikone.core.mail import absolute_url
from ikone.solutions import permissions, selectors, workflow
from ikone.solutions.card_rows import solution_cards
from ikone.solutions.forms import CatalogueFilterForm, CommentForm, DocumentForm, TransitionForm
from ikone.solutions.models import Solution

PAGE_SIZE = 20
LIST_TEMPLATE = "solutions/solution_list.html"


@require_safe
def solution_list(request: HttpRequest) -> HttpResponse:
    """Published profiles with search, filters and pages; htmx gets the results."""
    choices = selectors.catalogue_choices()
    form = CatalogueFilterForm(
        request.GET,
        fields_of_action=choices.fields_of_action,
        states=choices.states,
        programmes=choices.programmes,
    )
    paginator = Paginator(selectors.solution_list_published(filters=form.to_filter()), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    htmx = getattr(request, "htmx", None)
    wants_fragment = bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
    context = {
        "form": form,
        "page_obj": page,
        "paginator": paginator,
        "cards": solution_cards(page.object_list),
        "can_propose": permissions.can_propose_solution(request.user),
    }
    template = f"{LIST_TEMPLATE}#results" if wants_fragment else LIST_TEMPLATE
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_safe
def solution_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One profile with adopters, similar solutions and, for the people
    involved, its review history and actions."""
    try:
        solution = selectors.solution_get_for_view(user=request.user, slug=slug)
    except Solution.DoesNotExist:
        raise Http404 from None
    user = request.user
    actions = _allowed_actions(user, solution)
    can_comment = permissions.can_comment_solution(user, solution)
    adoptions = selectors.adoption_list_for_solution(solution=solution, user=user)
    context = {
        "solution": solution,
        "adoptions": adoptions,
        "score": selectors.transferability_for(solution=solution, adoptions=adoptions),
        "similar": selectors.similar_solutions(solution=solution),
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
        "json_ld": _script_json(_json_ld(solution)) if solution.is_published else "",
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


_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _script_json(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(text)  # noqa: S308  # escaped above; a data block, never executed


def _json_ld(solution: Solution) -> dict[str, Any]:
    """schema.org CreativeWork: a described solution, its authors, licence, code."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": solution.title,
        "description": solution.summary,
        "url": absolute_url(solution.get_absolute_url()),
        "inLanguage": "de",
        "author": [
            {"@type": "GovernmentOrganization", "name": organization.name}
            for organization in solution.organizations.all()
        ],
        "keywords": [field.label for field in solution.fields_of_action.all()],
    }
    if solution.has_open_licence:
        data["license"] = f"https://spdx.org/licenses/{solution.licence}.html"
    if solution.code_repository:
        data["isBasedOn"] = solution.code_repository
    if solution.start_year:
        data["dateCreated"] = str(solution.start_year)
    return data


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
