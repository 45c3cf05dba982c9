"""Questions: the list, asking, one question's page, following."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.calls import selectors as call_selectors
from ikone.calls.models import Call
from ikone.core.exceptions import DomainError
from ikone.core.models import FieldOfAction
from ikone.core.paginator import CountedPaginator
from ikone.core.prepared import PreparedQuery
from ikone.core.ratelimit import ratelimit
from ikone.qa import permissions, selectors, services
from ikone.qa.forms import AnswerForm, HideQuestionForm, QuestionFilterForm, QuestionForm
from ikone.qa.list_rows import question_rows
from ikone.qa.models import Question
from ikone.qa.views._helpers import actor, report, viewer

PAGE_SIZE = 25


# The list's filter choices, read on every request: built and compiled once
# per process (core.prepared).
_CALLS: PreparedQuery[Call] = PreparedQuery(
    lambda: Call.objects.select_related("current_version").order_by("-published_on", "title")
)
_FIELDS_OF_ACTION: PreparedQuery[FieldOfAction] = PreparedQuery(
    lambda: FieldOfAction.objects.all()
)


def _calls() -> list[Call]:
    return _CALLS.all()


@require_safe
def question_list(request: HttpRequest) -> HttpResponse:
    """/fragen/: the questions the viewer may see, filtered, 25 per page."""
    calls = _calls()
    chosen = next((c for c in calls if c.slug == request.GET.get("call")), None)
    sections = call_selectors.current_sections(chosen) if chosen is not None else []
    fields = _FIELDS_OF_ACTION.all()
    form = QuestionFilterForm(
        request.GET or None, calls=calls, sections=sections, fields_of_action=fields
    )
    filters = selectors.QuestionFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.QuestionFilters(
            call=data["call"],
            status=data["status"],
            section=data["section"],
            field_of_action=data["field"],
        )
    who = viewer(request)
    page = CountedPaginator(
        selectors.question_list(viewer=who, filters=filters),
        PAGE_SIZE,
        count=selectors.question_count(viewer=who, filters=filters),
    ).get_page(request.GET.get("seite"))
    rows = [
        (question, permissions.can_see_organization(who, question))
        for question in page.object_list
    ]
    querystring = request.GET.copy()
    querystring.pop("seite", None)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "rows_html": question_rows(rows),
        "querystring": querystring.urlencode(),
        "can_ask": permissions.can_ask_question(who),
        "can_moderate": permissions.can_moderate(who),
    }
    return render(request, "qa/question_list.html", context)


def _choose_call(request: HttpRequest) -> HttpResponse:
    return render(request, "qa/question_choose_call.html", {"calls": _calls()})


@login_required
@require_http_methods(["GET", "POST"])
@ratelimit(scope="qa.question_create", rate="20/h,100/d", key="user")
def question_create(request: HttpRequest) -> HttpResponse:
    """/fragen/neu/?call=<slug>: ask a question on a call."""
    who = viewer(request)
    if not permissions.can_ask_question(who):
        raise PermissionDenied
    slug = request.POST.get("call") or request.GET.get("call")
    if not slug:
        return _choose_call(request)
    call = Call.objects.select_related("current_version").filter(slug=slug).first()
    if call is None:
        raise Http404
    sections = call_selectors.current_sections(call)
    organizations = selectors.viewer_organizations(viewer=who)
    form = QuestionForm(
        request.POST or None,
        sections=sections,
        organizations=organizations,
        fields_of_action=list(FieldOfAction.objects.all()),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organization = data.get("organization") or (
            organizations[0] if len(organizations) == 1 else None
        )
        try:
            question = services.question_create(
                actor=actor(request),
                call=call,
                title=data["title"],
                text=data["text"],
                visibility=data["visibility"],
                show_organization=data["show_organization"],
                organization=organization,
                sections=data["sections"],
                fields_of_action=data["fields_of_action"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Ihre Frage ist gestellt. Sie erhalten eine E-Mail, sobald jemand antwortet."),
            )
            return redirect(question)
    context = {"form": form, "call": call, "has_sections": bool(sections)}
    return render(request, "qa/question_form.html", context, status=400 if form.errors else 200)


@require_safe
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """/fragen/<id>/: the question, its cited sections and answers."""
    who = viewer(request)
    question = selectors.question_get_for_view(viewer=who, pk=pk)
    return render(request, "qa/question_detail.html", detail_context(request, question))


def detail_context(
    request: HttpRequest, question: Question, answer_form: AnswerForm | None = None
) -> dict[str, Any]:
    """What the question page shows, with the viewer's flags precomputed."""
    who = viewer(request)
    can_answer = permissions.can_answer_question(who, question)
    can_moderate = permissions.can_moderate(who)
    sections = call_selectors.current_sections(question.call) if can_answer or can_moderate else []
    answers: list[dict[str, Any]] = [
        {
            "answer": answer,
            "can_edit": permissions.can_edit_answer(who, answer),
            "show_flag": answer.needs_review and permissions.can_review_answer(who, answer),
            "show_organization": answer.organization_id is not None
            and (
                answer.organization_id != question.organization_id
                or permissions.can_see_organization(who, question)
            ),
        }
        for answer in question.answers.all()
    ]
    entry = selectors.faq_entry_of(question)
    return {
        "question": question,
        "answers": answers,
        "answer_form": (answer_form or AnswerForm(sections=sections)) if can_answer else None,
        "entry": entry,
        "can": {
            "answer": can_answer,
            "moderate": can_moderate,
            "follow": permissions.can_follow_question(who, question),
            "see_organization": permissions.can_see_organization(who, question),
            "see_names": who.signed_in,
            "edit_own": permissions.can_edit_own_question(who, question),
            "request_removal": permissions.can_request_removal(who, question),
            "hide": permissions.can_hide_question(who, question),
        },
        "hide_form": HideQuestionForm(),
        "following": bool(getattr(question, "viewer_follows", False)),
        "revisions": (
            selectors.faq_revisions(entry=entry) if entry is not None and can_moderate else []
        ),
        "has_official": any(answer.is_official for answer in question.answers.all()),
    }


@login_required
@require_POST
def question_follow(request: HttpRequest, pk: int) -> HttpResponse:
    """Follow a question: an e-mail on each new answer."""
    who = viewer(request)
    question = selectors.question_get_for_action(
        viewer=who, pk=pk, check=permissions.can_follow_question
    )
    services.question_follow(actor=actor(request), question=question)
    messages.success(request, _("Sie folgen der Frage und erhalten neue Antworten per E-Mail."))
    return redirect(question)


@login_required
@require_POST
def question_unfollow(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop following a question."""
    who = viewer(request)
    question = selectors.question_get_for_action(
        viewer=who, pk=pk, check=permissions.can_follow_question
    )
    try:
        services.question_unfollow(actor=actor(request), question=question)
    except DomainError as error:  # pragma: no cover - no domain rule yet
        report(request, error)
    messages.success(request, _("Sie folgen der Frage nicht mehr."))
    return redirect(question)
