"""The list of drafts, starting one, its overview page, sharing, status and outcome."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.applications import permissions, selectors, workflow
from ikone.applications.forms import DraftCreateForm, LessonsForm, ShareForm, TransitionForm
from ikone.applications.list_rows import draft_rows
from ikone.applications.models import Draft, DraftStatus
from ikone.applications.services import drafts as services
from ikone.applications.views._helpers import draft_flags
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.pagecache import memo

PAGE_SIZE = 50
LIST_TEMPLATE = "applications/draft_list.html"
# v2: kept as `memo.content` keeps HTML (split at the CSRF token), not as a string.
LIST_MEMO_PREFIX = "applications:draft-list:v2"
FIGURES_TEMPLATE = "applications/figures.html"
FIGURES_MEMO_PREFIX = "applications:figures:v2"


@login_required
@require_safe
def draft_list(request: HttpRequest) -> HttpResponse:
    """/bewerbungen/: the drafts the person may see.

    The content below the layout is a memo (ADR 0006, issue 15) keyed by
    the person, each flag of theirs that widens the list or shows a link
    (mentor: drafts shared with them; coordination or operator: drafts
    shared with the network and the figures), and the page as the request
    names it. It is computed anew when a table it was read from changes:
    drafts, mentor shares, memberships, organisations, calls."""
    user = request.user
    page_number = request.GET.get("seite")
    viewer = (
        user.pk,
        bool(getattr(user, "is_mentor", False)),
        bool(getattr(user, "is_coordinator", False)),
        bool(user.is_superuser),
    )

    def context(_token: str | None) -> dict[str, object]:
        page = Paginator(selectors.draft_list_for(user=user), PAGE_SIZE).get_page(page_number)
        return {
            "page": page,
            "rows": draft_rows(page.object_list),
            "can_create": selectors.organizations_for_new_draft(user=user).exists(),
            "can_view_figures": permissions.can_view_figures(user),
        }

    content = memo.content(
        request, LIST_TEMPLATE, context, LIST_MEMO_PREFIX, (viewer, page_number)
    )
    return render(request, LIST_TEMPLATE, {"content_html": content})


@login_required
@require_http_methods(["GET", "POST"])
def draft_create(request: HttpRequest) -> HttpResponse:
    """/bewerbungen/neu/: start a draft for a call, optionally as a copy."""
    organizations = selectors.organizations_for_new_draft(user=request.user)
    if not organizations.exists():
        raise PermissionDenied
    form = DraftCreateForm(
        request.POST or None,
        organizations=organizations,
        calls=selectors.calls_for_new_draft(),
        drafts=selectors.drafts_to_copy_for(user=request.user),
        initial={"call": request.GET.get("aufruf")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.draft_create(
                organization=form.cleaned_data["organization"],
                call=form.cleaned_data["call"],
                title=form.cleaned_data["title"],
                copy_from=form.cleaned_data["copy_from"],
                actor=Actor.from_request(request),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Der Entwurf ist angelegt."))
            return redirect(draft)
    status = 400 if form.errors else 200
    return render(request, "applications/draft_create.html", {"form": form}, status=status)


@login_required
@require_safe
def draft_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/<id>/: overview with sections and review. The readiness
    summary (which asks every check) is loaded by htmx from the readiness
    page, so the overview stays cheap; without JavaScript a link leads there."""
    draft = selectors.draft_get_for_view(user=request.user, pk=pk)
    flags = draft_flags(request, draft)
    context = {
        "draft": draft,
        "can": flags,
        "sections": selectors.draft_sections(draft=draft),
        "shares": selectors.draft_mentor_shares(draft=draft),
        "actions": _actions(draft) if flags.manage else [],
    }
    return render(request, "applications/draft_detail.html", context)


def _actions(draft: Draft) -> list[dict[str, object]]:
    return [
        {"action": action, "label": workflow.ACTION_LABELS[action]}
        for action in workflow.actions_from(draft.status)
    ]


@login_required
@require_http_methods(["GET", "POST"])
def draft_share(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/<id>/freigabe/: choose mentors and the network."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_manage_draft
    )
    shares = selectors.draft_mentor_shares(draft=draft)
    form = ShareForm(
        request.POST or None,
        mentors=selectors.mentor_choices(),
        initial={
            "mentors": [share.mentor_id for share in shares],
            "with_network": draft.shared_with_network,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.draft_share(
                draft=draft,
                mentors=form.cleaned_data["mentors"],
                with_network=form.cleaned_data["with_network"],
                actor=Actor.from_request(request),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Die Freigabe ist gespeichert."))
            return redirect(draft)
    status = 400 if form.errors else 200
    context = {"draft": draft, "form": form, "shares": shares}
    return render(request, "applications/draft_share.html", context, status=status)


@login_required
@require_POST
def draft_transition(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/<id>/status/: move the draft along the workflow."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_manage_draft
    )
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte prüfen Sie Ihre Angaben."))
        return redirect("applications:outcome", pk=draft.pk)
    try:
        draft = services.draft_transition(
            draft=draft,
            action=form.cleaned_data["action"],
            submitted_on=form.cleaned_data["submitted_on"],
            funded_amount=form.cleaned_data["funded_amount"],
            feedback=form.cleaned_data["feedback"],
            actor=Actor.from_request(request),
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("applications:outcome", pk=draft.pk)
    messages.success(
        request, _("Neuer Status: %(status)s.") % {"status": draft.get_status_display()}
    )
    return redirect(draft)


@login_required
@require_http_methods(["GET", "POST"])
def draft_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/<id>/ergebnis/: status moves, the funder's decision and lessons."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_manage_draft
    )
    lessons_open = draft.status in (DraftStatus.SUBMITTED, *workflow.DECIDED)
    form = LessonsForm(
        request.POST or None,
        initial={"lessons": draft.lessons_learned, "feedback": draft.outcome_feedback},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.draft_record_lessons(
                draft=draft,
                lessons=form.cleaned_data["lessons"],
                feedback=form.cleaned_data["feedback"],
                actor=Actor.from_request(request),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Ihre Erkenntnisse sind gespeichert. Danke!"))
            return redirect(draft)
    context = {
        "draft": draft,
        "form": form,
        "lessons_open": lessons_open,
        "actions": _actions(draft),
        "workflow": workflow,
    }
    status = 400 if form.errors else 200
    return render(request, "applications/draft_outcome.html", context, status=status)


@login_required
@require_safe
def figures(request: HttpRequest) -> HttpResponse:
    """/bewerbungen/auswertung/: coordinators' counts per call and status,
    and the anonymised lessons."""
    if not permissions.can_view_figures(request.user):
        raise PermissionDenied

    def context(_token: str | None) -> dict[str, object]:
        return {
            "figures": selectors.figures_by_call(),
            "statuses": DraftStatus.choices,
            "lessons": selectors.lessons_learned(),
        }

    # The same for everyone allowed to see it (checked above): a memo (ADR
    # 0006, issue 15) computed anew when drafts, calls, organisations or
    # municipalities change. The lessons' random order within a call is
    # drawn once per computation instead of once per visit.
    content = memo.content(request, FIGURES_TEMPLATE, context, FIGURES_MEMO_PREFIX, ())
    return render(request, FIGURES_TEMPLATE, {"content_html": content})
