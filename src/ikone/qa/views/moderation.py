"""The asker's own question (edit, withdraw, ask for removal) and the
coordinators' moderation (hide with a reason, show again)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ikone.core.exceptions import DomainError
from ikone.qa import permissions, selectors
from ikone.qa.forms import HideQuestionForm, QuestionEditForm
from ikone.qa.services import moderation as services
from ikone.qa.views._helpers import actor, report, viewer


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """/fragen/<id>/bearbeiten/: the asker changes the question while unanswered."""
    question = selectors.question_get_for_action(
        viewer=viewer(request), pk=pk, check=permissions.can_edit_own_question
    )
    initial = {"title": question.title, "text": question.text, "version": question.version}
    form = QuestionEditForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.question_edit(
                    actor=actor(request),
                    question=question,
                    title=form.cleaned_data["title"],
                    text=form.cleaned_data["text"],
                    based_on=form.cleaned_data["version"],
                )
            except DomainError as error:
                form.add_error(None, error.message)
                status = 409
            else:
                messages.success(request, _("Ihre Frage ist geändert."))
                return redirect(question)
        else:
            status = 400
    context = {"question": question, "form": form}
    return render(request, "qa/question_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def question_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """/fragen/<id>/zurueckziehen/: confirm, then delete the unanswered question."""
    question = selectors.question_get_for_action(
        viewer=viewer(request), pk=pk, check=permissions.can_edit_own_question
    )
    if request.method == "POST":
        services.question_withdraw(actor=actor(request), question=question)
        messages.success(request, _("Ihre Frage ist zurückgezogen und gelöscht."))
        return redirect("qa:list")
    return render(request, "qa/question_withdraw.html", {"question": question})


@login_required
@require_POST
def question_request_removal(request: HttpRequest, pk: int) -> HttpResponse:
    """/fragen/<id>/entfernen-lassen/: the asker asks the coordinators."""
    question = selectors.question_get_for_action(
        viewer=viewer(request), pk=pk, check=permissions.can_request_removal
    )
    services.question_request_removal(actor=actor(request), question=question)
    messages.success(request, _("Die Netzwerkkoordination ist gebeten, Ihre Frage zu entfernen."))
    return redirect(question)


@login_required
@require_POST
def question_hide(request: HttpRequest, pk: int) -> HttpResponse:
    """/fragen/<id>/ausblenden/: coordinators hide the question with a reason."""
    question = selectors.question_get_for_action(
        viewer=viewer(request), pk=pk, check=permissions.can_hide_question
    )
    form = HideQuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte nennen Sie den Grund für die Ausblendung."))
        return _back(request, question, 400)
    try:
        services.question_hide(
            actor=actor(request), question=question, reason=form.cleaned_data["reason"]
        )
    except DomainError as error:
        report(request, error)
        return _back(request, question, 400)
    messages.success(request, _("Die Frage ist ausgeblendet."))
    return redirect(question)


@login_required
@require_POST
def question_unhide(request: HttpRequest, pk: int) -> HttpResponse:
    """/fragen/<id>/einblenden/: coordinators show a hidden question again."""
    question = selectors.question_get_for_action(
        viewer=viewer(request), pk=pk, check=permissions.can_hide_question
    )
    services.question_unhide(actor=actor(request), question=question)
    messages.success(request, _("Die Frage ist wieder sichtbar."))
    return redirect(question)


def _back(request: HttpRequest, question, status: int) -> HttpResponse:
    from ikone.qa.views.questions import detail_context

    return render(
        request, "qa/question_detail.html", detail_context(request, question), status=status
    )
