"""The criteria matrix, the documents checklist and the readiness check."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.applications import permissions, selectors, selectors_checklist
from ikone.applications.criteria_rows import criteria_html
from ikone.applications.forms import DocumentForm, MentorAssessmentForm, SelfAssessmentForm
from ikone.applications.models import Draft, DraftSection
from ikone.applications.readiness import readiness_for
from ikone.applications.services import checklist as services
from ikone.applications.services import review as review_services
from ikone.applications.services.templates import document_fill_from_template, templates_for
from ikone.applications.views._helpers import DraftFlags, content_html, draft_flags, fresh_draft
from ikone.calls.models import EvaluationCriterion
from ikone.core import document_templates
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError


def _criteria_rows(
    viewer: Any,
    draft: Draft,
    flags: DraftFlags,
    sections: list[DraftSection],
    bound: tuple[int, Any] | None = None,
) -> list[dict[str, Any]]:
    choices = [(section.pk, section.title) for section in sections]
    rows = []
    for row in selectors_checklist.criteria_matrix(draft=draft, sections=sections):
        assessment = row.assessment
        pk = row.criterion.pk
        bound_form = bound[1] if bound and bound[0] == pk else None
        entry: dict[str, Any] = {"row": row, "covered_ids": set(row.section_ids)}
        if flags.edit and not row.retired:
            entry["self_form"] = bound_form or SelfAssessmentForm(
                prefix=f"k{pk}",
                section_choices=choices,
                initial={
                    "sections": row.section_ids,
                    "score": assessment.self_score if assessment else None,
                    "note": assessment.self_note if assessment else "",
                },
            )
        if flags.review and not row.retired:
            mine = row.mentor_assessment_of(viewer)
            entry["mentor_form"] = bound_form or MentorAssessmentForm(
                prefix=f"k{pk}",
                initial={
                    "score": mine.score if mine else None,
                    "note": mine.note if mine else "",
                },
            )
        rows.append(entry)
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def criteria(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/<id>/kriterien/: the criteria matrix. The organisation
    links sections and assesses itself; a shared mentor adds their view.
    A POST saves one criterion (`kriterium`)."""
    draft = selectors.draft_get_for_view(user=request.user, pk=pk)
    flags = draft_flags(request, draft)
    if request.method == "POST":
        if not (flags.edit or flags.review):
            raise PermissionDenied
        sections = selectors.draft_sections(draft=draft)
        bound = _criteria_post(request, draft, flags, sections)
        if isinstance(bound, HttpResponse):
            return bound
        memo_parts = None
    else:
        sections = None
        bound = None
        # Everyone with the same rights sees the same matrix; a mentor's
        # forms hold their own assessment.
        memo_parts = (draft.pk, flags.edit, flags.review, request.user.pk if flags.review else 0)

    def context(token: str | None) -> dict[str, Any]:
        shown_draft = fresh_draft(request, draft, token)
        shown = sections if sections is not None else selectors.draft_sections(draft=shown_draft)
        rows = _criteria_rows(request.user, shown_draft, flags, shown, bound)
        has_form = any("self_form" in entry or "mentor_form" in entry for entry in rows)
        return {
            "draft": shown_draft,
            "can": flags,
            "sections": shown,
            "rows": rows,
            "html": criteria_html(
                rows, csrf_token=(token or get_token(request)) if has_form else ""
            ),
            "uncovered": sum(
                1 for entry in rows if not (entry["row"].covered or entry["row"].retired)
            ),
        }

    template = "applications/criteria.html"
    page = {"draft": draft, "content_html": content_html(request, template, context, memo_parts)}
    return render(request, template, page, status=400 if bound else 200)


def _criteria_post(
    request: HttpRequest, draft: Draft, flags: DraftFlags, sections: list[DraftSection]
) -> HttpResponse | tuple[int, Any]:
    """Save one criterion (`kriterium`): the redirect, or the criterion's
    id and its form with the errors."""
    criterion = EvaluationCriterion.objects.filter(
        pk=request.POST.get("kriterium") or 0, call_id=draft.call_id
    ).first()
    if criterion is None:
        raise Http404
    form: SelfAssessmentForm | MentorAssessmentForm
    if flags.edit:
        form = SelfAssessmentForm(
            request.POST,
            prefix=f"k{criterion.pk}",
            section_choices=[(section.pk, section.title) for section in sections],
        )
    else:
        form = MentorAssessmentForm(request.POST, prefix=f"k{criterion.pk}")
    if form.is_valid():
        actor = Actor.from_request(request)
        try:
            if flags.edit:
                by_id = {section.pk: section for section in sections}
                services.self_assessment_save(
                    draft=draft,
                    criterion=criterion,
                    sections=[by_id[i] for i in form.cleaned_data["sections"] if i in by_id],
                    score=form.cleaned_data["score"],
                    note=form.cleaned_data["note"],
                    actor=actor,
                )
            else:
                review_services.mentor_assessment_save(
                    draft=draft,
                    criterion=criterion,
                    score=form.cleaned_data["score"],
                    note=form.cleaned_data["note"],
                    actor=actor,
                )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("„%(criterion)s“ ist gespeichert.") % {"criterion": criterion.title}
            )
            return redirect(f"{request.path}#kriterium-{criterion.pk}")
    return (criterion.pk, form)


def _document_rows(
    draft: Draft, flags: DraftFlags, bound: tuple[int, DocumentForm] | None = None
) -> list[dict[str, Any]]:
    rows = []
    templates = document_templates.all_templates() if flags.manage else []
    for row in selectors_checklist.document_checklist(draft=draft):
        entry: dict[str, Any] = {"row": row}
        if flags.manage and not row.retired:
            entry["templates"] = templates_for(row.required, templates)
            if bound and bound[0] == row.required.pk:
                entry["form"] = bound[1]
            else:
                document = row.document
                entry["form"] = DocumentForm(
                    prefix=f"u{row.required.pk}",
                    initial={
                        "status": row.status,
                        "note": document.note if document else "",
                    },
                )
        rows.append(entry)
    return rows


@login_required
@require_safe
def documents(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/<id>/unterlagen/: the call's required documents as a checklist."""
    draft = selectors.draft_get_for_view(user=request.user, pk=pk)
    flags = draft_flags(request, draft)
    context = {"draft": draft, "can": flags, "rows": _document_rows(draft, flags)}
    return render(request, "applications/documents.html", context)


@login_required
@require_POST
def document_update(request: HttpRequest, pk: int, required_document: int) -> HttpResponse:
    """/bewerbungen/<id>/unterlagen/<n>/: status, note and upload of one document."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_manage_draft
    )
    required = selectors_checklist.document_get_for_draft(
        draft=draft, required_pk=required_document
    )
    form = DocumentForm(request.POST, request.FILES, prefix=f"u{required.pk}")
    if form.is_valid():
        try:
            services.document_update(
                draft=draft,
                required=required,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                file=form.cleaned_data["file"],
                actor=Actor.from_request(request),
            )
        except ValidationError as error:
            form.add_error("file", error)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("„%(document)s“ ist gespeichert.") % {"document": required.title}
            )
            return redirect(f"{draft.get_absolute_url()}unterlagen/#unterlage-{required.pk}")
    flags = draft_flags(request, draft)
    context = {
        "draft": draft,
        "can": flags,
        "rows": _document_rows(draft, flags, (required.pk, form)),
    }
    return render(request, "applications/documents.html", context, status=400)


@login_required
@require_POST
def document_from_template(request: HttpRequest, pk: int, required_document: int) -> HttpResponse:
    """/bewerbungen/<id>/unterlagen/<n>/vorlage/: fill a Vorlage of the
    knowledge base from the draft and keep it as the document's file."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_manage_draft
    )
    required = selectors_checklist.document_get_for_draft(
        draft=draft, required_pk=required_document
    )
    try:
        document_fill_from_template(
            draft=draft,
            required=required,
            template_key=request.POST.get("vorlage", ""),
            actor=Actor.from_request(request),
        )
    except (DomainError, ValidationError) as error:
        messages.error(request, getattr(error, "message", None) or _("Das ging nicht."))
    else:
        messages.success(
            request,
            _("Die Vorlage ist ausgefüllt und bei „%(document)s“ abgelegt.")
            % {"document": required.title},
        )
    return redirect(f"{draft.get_absolute_url()}unterlagen/#unterlage-{required.pk}")


@login_required
@require_safe
def document_download(request: HttpRequest, pk: int, required_document: int) -> FileResponse:
    """/bewerbungen/<id>/unterlagen/<n>/datei/: the uploaded file, for those
    who may see the draft."""
    draft = selectors.draft_get_for_view(user=request.user, pk=pk)
    document = selectors_checklist.draft_document_get(draft=draft, required_pk=required_document)
    if document is None or not document.file:
        raise Http404
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name or (document.file.name or "").rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def readiness(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/<id>/bereitschaft/: score, itemised gaps and days left."""
    draft = selectors.draft_get_for_view(user=request.user, pk=pk)
    context = {"draft": draft, "readiness": readiness_for(draft)}
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "applications/readiness.html#summary", context)
    return render(request, "applications/readiness.html", context)
