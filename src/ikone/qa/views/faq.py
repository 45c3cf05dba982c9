"""The call's FAQ page and publishing a question to it (coordinators)."""

from __future__ import annotations

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
from ikone.qa import permissions, selectors, services
from ikone.qa.exceptions import EditConflictError
from ikone.qa.faq_page import faq_page
from ikone.qa.forms import FAQEntryForm
from ikone.qa.models import Answer
from ikone.qa.text import plain_text
from ikone.qa.views._helpers import actor, call_url, report, viewer


@require_safe
def call_faq(request: HttpRequest, slug: str) -> HttpResponse:
    """/foerderaufrufe/<slug>/faq/: the published entries, grouped by section."""
    call = Call.objects.filter(slug=slug).first()
    if call is None:
        raise Http404
    page = faq_page(request, call, viewer(request), call_url=call_url(call))
    context = {"call": call, "faq_html": page.sections, "json_ld": page.json_ld}
    return render(request, "qa/call_faq.html", context)


def _initial(question, entry, official: Answer | None) -> dict:
    if entry is not None:
        return {
            "title": entry.title,
            "question_text": entry.question_text,
            "answer_text": entry.answer_text,
            "section": entry.section_id,
            "version": entry.version,
        }
    cited = list(official.cited_sections.all()) if official is not None else []
    return {
        "title": question.title,
        "question_text": question.text,
        "answer_text": official.text if official is not None else "",
        "section": cited[0].pk if cited else None,
    }


@login_required
@require_http_methods(["GET", "POST"])
def faq_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """/fragen/<id>/faq/: publish the question with its official answer to
    the call's FAQ, or edit the published wording (coordinators). The
    original question and answer stay as they are; each wording is a revision."""
    who = viewer(request)
    question = selectors.question_get_for_action(
        viewer=who, pk=pk, check=permissions.can_publish_faq
    )
    entry = selectors.faq_entry_for_question(question=question)
    official = (
        Answer.objects.filter(question=question, is_official=True)
        .prefetch_related("cited_sections")
        .first()
    )
    sections = call_selectors.current_sections(question.call)
    current = {section.pk for section in sections}
    initial = _initial(question, entry, official)
    if initial.get("section") not in current:
        initial["section"] = None
    form = FAQEntryForm(request.POST or None, initial=initial, sections=sections)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if entry is not None and entry.is_published:
                services.faq_entry_update(
                    actor=actor(request),
                    entry=entry,
                    title=data["title"],
                    question_text=data["question_text"],
                    answer_text=data["answer_text"],
                    section=data["section"],
                    based_on=data["version"] or 0,
                    note=data["note"],
                )
            else:
                services.faq_publish(
                    actor=actor(request),
                    question=question,
                    title=data["title"],
                    question_text=data["question_text"],
                    answer_text=data["answer_text"],
                    section=data["section"],
                    note=data["note"],
                )
        except EditConflictError as error:
            form.add_error(None, error.message)
            mutable = request.POST.copy()
            mutable["version"] = str(error.current.version)
            form.data = mutable
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Der FAQ-Eintrag ist veröffentlicht."))
            return redirect(question)
    context = {
        "form": form,
        "question": question,
        "entry": entry,
        "official": official,
        "official_text": plain_text(official.text) if official is not None else "",
    }
    return render(request, "qa/faq_form.html", context, status=400 if form.errors else 200)


def _entry_for(request: HttpRequest, pk: int):
    who = viewer(request)
    question = selectors.question_get_for_action(
        viewer=who, pk=pk, check=permissions.can_publish_faq
    )
    entry = selectors.faq_entry_for_question(question=question)
    if entry is None:
        raise Http404
    if not permissions.can_review_faq_entry(who, entry):
        raise PermissionDenied
    return question, entry


@login_required
@require_POST
def faq_review_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """POST: the flagged FAQ entry still holds for the amended call."""
    question, entry = _entry_for(request, pk)
    try:
        services.faq_entry_review_confirm(actor=actor(request), entry=entry)
    except DomainError as error:
        report(request, error)
    else:
        messages.success(request, _("Bestätigt: Der FAQ-Eintrag gilt auch für die neue Fassung."))
    return redirect(question)


@login_required
@require_POST
def faq_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    """POST: take the entry off the call's FAQ (history stays)."""
    question, entry = _entry_for(request, pk)
    services.faq_entry_unpublish(actor=actor(request), entry=entry)
    messages.success(request, _("Der Eintrag ist nicht mehr in den FAQ."))
    return redirect(question)
