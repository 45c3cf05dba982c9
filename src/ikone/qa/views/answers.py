"""Answering, editing an answer, the official mark, confirming after an amendment."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ikone.calls import selectors as call_selectors
from ikone.core.exceptions import DomainError
from ikone.core.ratelimit import ratelimit
from ikone.qa import permissions, selectors, services
from ikone.qa.exceptions import EditConflictError
from ikone.qa.forms import AnswerForm
from ikone.qa.views._helpers import actor, report, viewer
from ikone.qa.views.questions import detail_context


@login_required
@require_POST
@ratelimit(scope="qa.answer_create", rate="30/h,200/d", key="user")
def answer_create(request: HttpRequest, pk: int) -> HttpResponse:
    """POST /fragen/<id>/antworten/: answer; errors keep what was typed."""
    who = viewer(request)
    question = selectors.question_get_for_action(
        viewer=who, pk=pk, check=permissions.can_answer_question
    )
    form = AnswerForm(request.POST, sections=call_selectors.current_sections(question.call))
    if form.is_valid():
        organizations = selectors.viewer_organizations(viewer=who)
        try:
            services.answer_create(
                actor=actor(request),
                question=question,
                text=form.cleaned_data["text"],
                sections=form.cleaned_data["sections"],
                organization=organizations[0] if len(organizations) == 1 else None,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Danke! Ihre Antwort ist veröffentlicht."))
            return redirect(question)
    question = selectors.question_get_for_view(viewer=who, pk=pk)
    return render(
        request,
        "qa/question_detail.html",
        detail_context(request, question, answer_form=form),
        status=400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def answer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """/fragen/antworten/<id>/bearbeiten/: its author or a coordinator edits;
    a colleague's save in between is shown, never overwritten."""
    who = viewer(request)
    answer = selectors.answer_get_for_action(viewer=who, pk=pk, check=permissions.can_edit_answer)
    question = answer.question
    sections = call_selectors.current_sections(question.call)
    current_numbers = {section.number: section.pk for section in sections}
    initial = {
        "text": answer.text,
        "version": answer.version,
        "sections": [
            current_numbers[s.number]
            for s in answer.cited_sections.all()
            if s.number in current_numbers
        ],
    }
    form = AnswerForm(request.POST or None, initial=initial, sections=sections)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_update(
                actor=actor(request),
                answer=answer,
                text=form.cleaned_data["text"],
                sections=form.cleaned_data["sections"],
                based_on=form.cleaned_data["version"] or 0,
            )
        except EditConflictError as error:
            conflict = error.current
            form.add_error(None, error.message)
            data = request.POST.copy()
            data["version"] = str(conflict.version)
            form.data = data
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Die Antwort ist gespeichert."))
            return redirect(question)
    context = {"form": form, "answer": answer, "question": question, "conflict": conflict}
    return render(request, "qa/answer_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def answer_official(request: HttpRequest, pk: int) -> HttpResponse:
    """POST: mark (or with `entfernen=1` unmark) the official interpretation."""
    who = viewer(request)
    answer = selectors.answer_get_for_action(
        viewer=who, pk=pk, check=lambda v, _a: permissions.can_moderate(v)
    )
    if request.POST.get("entfernen"):
        services.answer_unmark_official(actor=actor(request), answer=answer)
        messages.success(request, _("Die Antwort ist nicht mehr die offizielle Auslegung."))
    else:
        services.answer_mark_official(actor=actor(request), answer=answer)
        messages.success(request, _("Die Antwort ist jetzt die offizielle Auslegung."))
    return redirect(answer.question)


@login_required
@require_POST
def answer_review_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """POST: the flagged answer still holds for the amended call."""
    who = viewer(request)
    answer = selectors.answer_get_for_action(
        viewer=who, pk=pk, check=permissions.can_review_answer
    )
    try:
        services.answer_review_confirm(actor=actor(request), answer=answer)
    except DomainError as error:
        report(request, error)
    else:
        messages.success(request, _("Bestätigt: Die Antwort gilt auch für die geänderte Fassung."))
    return redirect(answer.question)
