"""Questions: the list, asking, one question's page, following."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.calls import selectors as call_selectors
from ikone.calls.models import Call, CallSection
from ikone.core.exceptions import DomainError
from ikone.core.models import FieldOfAction
from ikone.core.pagecache import memo
from ikone.core.paginator import CountedPaginator
from ikone.core.prepared import PreparedQuery
from ikone.core.ratelimit import ratelimit
from ikone.qa import permissions, selectors, services
from ikone.qa.forms import AnswerForm, HideQuestionForm, QuestionFilterForm, QuestionForm
from ikone.qa.list_rows import question_rows
from ikone.qa.models import Question
from ikone.qa.views._helpers import actor, report, viewer

PAGE_SIZE = 25
DETAIL_TEMPLATE = "qa/question_detail.html"
DETAIL_MEMO_PREFIX = "qa:question-content:v1"


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


@dataclass(frozen=True)
class _Filtering:
    """The filters /fragen/ applies and its filter form, rendered."""

    filters: selectors.QuestionFilters
    form_html: SafeString


def _filtering(request: HttpRequest) -> _Filtering:
    """The filter form for the request's values of its fields: a memo per
    those values (and language), the same for everyone - the calls, their
    sections and the fields of action are public."""
    data = request.GET or None
    values = tuple(
        (name, tuple(request.GET.getlist(name))) for name in QuestionFilterForm.base_fields
    )
    return memo.get_or_compute(
        memo.key("qa:question-filters", data is not None, values),
        lambda: _filtering_for(data),
    )


def _filtering_for(data: QueryDict | None) -> _Filtering:
    calls = _calls()
    chosen = next((c for c in calls if data is not None and c.slug == data.get("call")), None)
    sections = call_selectors.current_sections(chosen) if chosen is not None else []
    form = QuestionFilterForm(
        data, calls=calls, sections=sections, fields_of_action=_FIELDS_OF_ACTION.all()
    )
    filters = selectors.QuestionFilters()
    if form.is_valid():
        cleaned = form.cleaned_data
        filters = selectors.QuestionFilters(
            call=cleaned["call"],
            status=cleaned["status"],
            section=cleaned["section"],
            field_of_action=cleaned["field"],
        )
    return _Filtering(
        filters=filters, form_html=render_to_string("components/form.html", {"form": form})
    )


class _Unread:
    """The list's questions for the paginator, built only when a page's rows
    are read: where the rows come from a memo, neither the queryset is built
    nor its rows fetched."""

    ordered = True

    def __init__(self, build: Callable[[], QuerySet[Question]]) -> None:
        self._build = build

    def __getitem__(self, key: slice) -> Any:
        return SimpleLazyObject(lambda: self._build()[key])


@require_safe
def question_list(request: HttpRequest) -> HttpResponse:
    """/fragen/: the questions the viewer may see, filtered, 25 per page."""
    filters = _filtering(request)
    who = viewer(request)
    page = CountedPaginator(
        _Unread(lambda: selectors.question_list(viewer=who, filters=filters.filters)),
        PAGE_SIZE,
        count=selectors.question_count(viewer=who, filters=filters.filters),
    ).get_page(request.GET.get("seite"))
    querystring = request.GET.copy()
    querystring.pop("seite", None)
    context = {
        "filter_form": filters.form_html,
        "page": page,
        "rows_html": selectors.remembered(
            "qa:question-rows",
            who,
            (filters.filters, page.number),
            lambda: question_rows(
                [
                    (question, permissions.can_see_organization(who, question))
                    for question in page.object_list
                ]
            ),
        ),
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
    page = selectors.question_page_for_view(viewer=who, pk=pk)
    # The content below the layout is a memo (ADR 0006, issue 15) with the
    # CSRF token put in per request, keyed by everything the viewer's flags
    # are made of (qa.permissions asks only the Viewer) and the path (the
    # sign-in link names it). Inside, the question page is asked again, so
    # the memo notes its tables (the question's memo, the follow).
    parts = (
        int(pk),
        request.path,
        who.pk,
        who.signed_in,
        who.is_coordinator,
        who.is_mentor,
        tuple(sorted(who.organization_ids)),
        who.in_network,
    )

    def context(_token: str | None) -> dict[str, Any]:
        fresh = selectors.question_page_for_view(viewer=who, pk=pk)
        return detail_context(request, fresh.question, citable_sections=fresh.citable_sections)

    content = memo.content(request, DETAIL_TEMPLATE, context, DETAIL_MEMO_PREFIX, parts)
    return render(request, DETAIL_TEMPLATE, {"question": page.question, "content_html": content})


def detail_context(
    request: HttpRequest,
    question: Question,
    answer_form: AnswerForm | None = None,
    *,
    citable_sections: list[CallSection] | None = None,
) -> dict[str, Any]:
    """What the question page shows, with the viewer's flags precomputed;
    `citable_sections` are the call's current sections when the caller read
    them already (`selectors.question_page_for_view`)."""
    who = viewer(request)
    can_answer = permissions.can_answer_question(who, question)
    can_hide = permissions.can_hide_question(who, question)
    can_moderate = permissions.can_moderate(who)
    sections: list[CallSection] = []
    if can_answer or can_moderate:
        sections = (
            citable_sections
            if citable_sections is not None
            else call_selectors.current_sections(question.call)
        )
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
            "hide": can_hide,
        },
        "hide_form_html": _hide_form_html() if can_hide else "",
        "following": bool(getattr(question, "viewer_follows", False)),
        "revisions": (
            selectors.faq_revisions(entry=entry) if entry is not None and can_moderate else []
        ),
        "has_official": any(answer.is_official for answer in question.answers.all()),
    }


# The empty hiding form is the same on every question page: its fields are
# rendered once per process, language and script prefix (the CSRF field and
# the address stay in the page template).
_HIDE_FORMS: dict[tuple[str, str], SafeString] = {}


def _hide_form_html() -> SafeString:
    key = (get_language(), get_script_prefix())
    html = _HIDE_FORMS.get(key)
    if html is None:
        html = _HIDE_FORMS[key] = render_to_string(
            "components/form.html", {"form": HideQuestionForm()}
        )
    return html


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
