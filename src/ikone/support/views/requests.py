"""/unterstuetzung/: the requester's list, a new request, one request with
its thread, and the actions on it (reply, note, handling, status)."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.accounts.models import Organization, User
from ikone.applications.models import Draft
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.pagecache import memo
from ikone.core.ratelimit import ratelimit
from ikone.qa.models import Question
from ikone.support import permissions, selectors, services
from ikone.support.forms import HandlingForm, MessageForm, RequestForm
from ikone.support.list_results import PAGE_SIZE, request_results
from ikone.support.models import SupportRequest
from ikone.support.workflow import HANDLER, Action, actions_for

DETAIL_TEMPLATE = "support/request_detail.html"
DETAIL_MEMO_PREFIX = "support:request-detail:v1"


@require_safe
@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    results = request_results(user=request.user, page=request.GET.get("seite") or "")
    # Count and rows come from a memo; the paginator only numbers the pages
    # for the navigation (a range: nothing reads its rows).
    paginator = Paginator(range(results.count), PAGE_SIZE)
    return render(
        request,
        "support/request_list.html",
        {
            "page_obj": paginator.page(results.number),
            "paginator": paginator,
            "rows_html": results.rows,
            "can_view_queue": permissions.can_view_queue(request.user),
        },
    )


def _request_form(request: HttpRequest) -> RequestForm:
    user = cast(User, request.user)
    organizations = Organization.objects.filter(memberships__user=user).order_by("name")
    return RequestForm(
        request.POST or None,
        initial={"topic": request.GET.get("thema", "")},
        organizations=organizations,
        drafts=Draft.objects.filter(organization__in=organizations).order_by("title"),
        questions=Question.objects.filter(author=user).order_by("-created_at"),
    )


@require_http_methods(["GET", "POST"])
@login_required
@ratelimit(scope="support.request_create", rate="20/h,100/d", key="user")
def request_create(request: HttpRequest) -> HttpResponse:
    form = _request_form(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.request_create(
                data=services.RequestData(
                    topic=data["topic"],
                    subject=data["subject"],
                    message=data["message"],
                    organization=data["organization"],
                    draft=data["draft"],
                    question=data["question"],
                ),
                actor=Actor.from_request(request),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Ihre Anfrage ist angekommen."))
            return redirect(created)
    return render(request, "support/request_form.html", {"form": form})


@require_safe
@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The content below the layout is a memo (ADR 0006, issue 15) with the
    CSRF token put in per request, keyed by the request, the person and
    their role on it (handler or requester: notes, e-mail address, the
    handling form). Inside, the request is read again, so the memo notes
    its tables; the thread, the people to assign and the canned replies
    note theirs. The right to see it is checked first on every request."""
    user = request.user
    support_request = selectors.request_get_for_view(user=user, pk=pk)
    role = permissions.role_for(user, support_request)
    parts = (
        int(pk),
        user.pk,
        role,
        bool(getattr(user, "is_coordinator", False)),
        bool(user.is_superuser),
    )

    def content_context(_token: str | None) -> dict[str, Any]:
        fresh = selectors.request_get_for_view(user=user, pk=pk)
        return _detail_context(request, fresh)

    content = memo.content(request, DETAIL_TEMPLATE, content_context, DETAIL_MEMO_PREFIX, parts)
    context = {
        "support_request": support_request,
        "handler": role == HANDLER,
        "content_html": content,
    }
    return render(request, DETAIL_TEMPLATE, context)


def _detail_context(request: HttpRequest, support_request, **forms) -> dict:  # type: ignore[no-untyped-def]
    role = permissions.role_for(request.user, support_request)
    handler = role == HANDLER
    context = {
        "support_request": support_request,
        "thread": selectors.request_messages(request=support_request, handler=handler),
        "handler": handler,
        "actions": [
            a for a in actions_for(support_request.status, role or "") if a in _STATUS_ACTIONS
        ],
        "message_form": forms.get("message_form") or MessageForm(),
    }
    if handler:
        context["handling_form"] = forms.get("handling_form") or HandlingForm(
            initial={
                "assignee": support_request.assignee_id,
                "priority": support_request.priority,
                "due_date": support_request.due_date,
                "version": support_request.version,
            },
            assignees=selectors.assignee_choices(),
            shown=selectors.assignee_options(),
        )
        context["canned_replies"] = selectors.canned_replies(topic=support_request.topic)
    return context


_STATUS_ACTIONS = (Action.SOLVE, Action.CLOSE, Action.REOPEN)


@require_POST
@login_required
@ratelimit(scope="support.message", rate="60/h", key="user")
def request_message(request: HttpRequest, pk: int) -> HttpResponse:
    """A reply (handlers), an internal note (handlers, `note=1`) or the
    requester's answer."""
    support_request = selectors.request_get_for_view(user=request.user, pk=pk)
    handler = permissions.role_for(request.user, support_request) == HANDLER
    if "baustein" in request.POST:
        return _insert_canned_reply(request, support_request, handler=handler)
    form = MessageForm(request.POST)
    actor = Actor.from_request(request)
    if form.is_valid():
        text = form.cleaned_data["text"]
        try:
            if handler and request.POST.get("note"):
                services.request_note(request=support_request, text=text, actor=actor)
                messages.success(request, _("Notiz gespeichert."))
            elif handler:
                services.request_reply(request=support_request, text=text, actor=actor)
                messages.success(request, _("Antwort gesendet."))
            else:
                services.request_requester_reply(request=support_request, text=text, actor=actor)
                messages.success(request, _("Ihre Rückmeldung ist angekommen."))
        except DomainError as error:
            form.add_error("text", error.message)
        else:
            return redirect(support_request)
    context = _detail_context(request, support_request, message_form=form)
    return render(request, "support/request_detail.html", context, status=400)


def _insert_canned_reply(
    request: HttpRequest, support_request: SupportRequest, *, handler: bool
) -> HttpResponse:
    """The reply form again, with the chosen canned reply added after what
    was typed; nothing is sent. A plain form submit, so it works without
    JavaScript; with htmx only the form is swapped."""
    if not handler:
        raise PermissionDenied
    typed = request.POST.get("text", "").rstrip()
    canned = selectors.canned_reply_get(pk=request.POST.get("baustein", ""))
    status = 200
    if canned is None:
        messages.error(request, _("Diesen Textbaustein gibt es nicht mehr."))
        status = 400
    else:
        typed = "\n\n".join(part for part in (typed, canned.text.strip()) if part)
    form = MessageForm(initial={"text": typed})
    context = _detail_context(request, support_request, message_form=form)
    return render(request, "support/request_detail.html", context, status=status)


@require_POST
@login_required
def request_handle(request: HttpRequest, pk: int) -> HttpResponse:
    """Assignee, priority and due date (handlers)."""
    support_request = selectors.request_get_for_view(user=request.user, pk=pk)
    if not permissions.can_handle_request(request.user, support_request):
        raise PermissionDenied
    form = HandlingForm(request.POST, assignees=selectors.assignee_choices())
    actor = Actor.from_request(request)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["assignee"] != support_request.assignee:
                support_request = services.request_assign(
                    request=support_request,
                    assignee=data["assignee"],
                    based_on=data["version"],
                    actor=actor,
                )
                data["version"] = support_request.version
            services.request_update(
                request=support_request,
                priority=data["priority"],
                due_date=data["due_date"],
                based_on=data["version"],
                actor=actor,
            )
        except DomainError as error:
            form.add_error(None, error.message)
            status = 409
        else:
            messages.success(request, _("Gespeichert."))
            return redirect(support_request)
    context = _detail_context(request, support_request, handling_form=form)
    return render(request, "support/request_detail.html", context, status=status)


@require_POST
@login_required
def request_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Solve, close or reopen."""
    support_request = selectors.request_get_for_view(user=request.user, pk=pk)
    action = request.POST.get("action", "")
    try:
        version = int(request.POST.get("version", ""))
        services.request_transition(
            request=support_request,
            action=action,
            based_on=version,
            actor=Actor.from_request(request),
        )
    except ValueError:
        messages.error(request, _("Bitte laden Sie die Seite neu."))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Status geändert."))
    return redirect(support_request)
