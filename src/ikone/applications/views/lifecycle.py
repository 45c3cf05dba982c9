"""Renaming a draft, the trash (delete, list, restore), reopening a
submitted draft and removing an uploaded file. Every destructive step has a
confirmation page (GET) and does its work on POST."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.applications import (
    permissions,
    selectors,
    selectors_checklist,
    selectors_trash,
    workflow,
)
from ikone.applications.forms import RenameForm
from ikone.applications.models.drafts import TRASH_DAYS
from ikone.applications.services import lifecycle as services
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError


@login_required
@require_http_methods(["GET", "POST"])
def draft_rename(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/<id>/umbenennen/: a new title for the draft."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_rename_draft
    )
    form = RenameForm(
        request.POST or None, initial={"title": draft.title, "based_on": draft.version}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.draft_rename(
                draft=draft,
                title=form.cleaned_data["title"],
                based_on=form.cleaned_data["based_on"],
                actor=Actor.from_request(request),
            )
        except ValidationError as error:
            form.add_error("title", error.message_dict.get("title", error.messages))
        except DomainError as error:
            # The next attempt starts from what is saved now, with the title kept.
            current = selectors.draft_get_for_view(user=request.user, pk=pk)
            form = RenameForm({"title": form.cleaned_data["title"], "based_on": current.version})
            form.is_valid()
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Der Entwurf heißt jetzt „%(title)s“.") % {"title": draft.title}
            )
            return redirect(draft)
    status = 400 if form.errors else 200
    return render(
        request, "applications/draft_rename.html", {"draft": draft, "form": form}, status=status
    )


@login_required
@require_http_methods(["GET", "POST"])
def draft_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/<id>/loeschen/: asks, then moves the draft to the trash."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_delete_draft
    )
    if request.method == "POST":
        try:
            services.draft_delete(draft=draft, actor=Actor.from_request(request))
        except DomainError as error:
            messages.error(request, error.message)
            return redirect(draft)
        messages.success(
            request,
            _(
                "„%(title)s“ liegt im Papierkorb. Sie können den Entwurf %(days)s Tage "
                "lang wiederherstellen."
            )
            % {"title": draft.title, "days": TRASH_DAYS},
        )
        return redirect("applications:trash")
    context = {"draft": draft, "days": TRASH_DAYS}
    return render(request, "applications/draft_delete.html", context)


@login_required
@require_safe
def draft_trash(request: HttpRequest) -> HttpResponse:
    """/bewerbungen/papierkorb/: the deleted drafts of the person's organisations."""
    context = {"drafts": selectors_trash.draft_trash_for(user=request.user), "days": TRASH_DAYS}
    return render(request, "applications/draft_trash.html", context)


@login_required
@require_POST
def draft_restore(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/papierkorb/<id>/wiederherstellen/: back out of the trash."""
    draft = selectors_trash.draft_get_from_trash(user=request.user, pk=pk)
    try:
        services.draft_restore(draft=draft, actor=Actor.from_request(request))
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("applications:trash")
    messages.success(request, _("„%(title)s“ ist wiederhergestellt.") % {"title": draft.title})
    return redirect(draft)


@login_required
@require_http_methods(["GET", "POST"])
def draft_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/<id>/wieder-oeffnen/: asks, then takes a submitted draft
    back into editing."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_reopen_draft
    )
    if request.method == "POST":
        try:
            draft = services.draft_reopen(draft=draft, actor=Actor.from_request(request))
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Der Entwurf ist wieder in Bearbeitung. Die Änderung ist protokolliert."),
            )
        return redirect(draft)
    context = {"draft": draft, "reopenable": draft.status in workflow.REOPEN_SUBMITTED}
    return render(request, "applications/draft_reopen.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def document_file_remove(request: HttpRequest, pk: int, required_document: int) -> HttpResponse:
    """/bewerbungen/<id>/unterlagen/<n>/datei/entfernen/: asks, then removes
    the uploaded file of one document."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_manage_draft
    )
    document = selectors_checklist.draft_document_get(draft=draft, required_pk=required_document)
    if document is None or not document.file:
        raise Http404
    back = f"{reverse('applications:documents', kwargs={'pk': draft.pk})}#unterlage-{required_document}"
    if request.method == "POST":
        document.draft = draft
        try:
            services.document_file_remove(document=document, actor=Actor.from_request(request))
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Die Datei „%(name)s“ ist entfernt.") % {"name": document.original_name},
            )
        return redirect(back)
    context = {"draft": draft, "document": document, "back": back}
    return render(request, "applications/document_file_remove.html", context)
