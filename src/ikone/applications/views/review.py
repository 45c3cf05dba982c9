"""Comment threads on sections and the mentor's recommendation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ikone.applications import permissions, selectors
from ikone.applications.forms import CommentForm, RecommendationForm
from ikone.applications.models import SectionComment
from ikone.applications.services import review as services
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError


@login_required
@require_POST
def comment_add(request: HttpRequest, pk: int, section_key: str) -> HttpResponse:
    """/bewerbungen/<id>/abschnitte/<key>/kommentare/: open a thread or reply."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_comment_draft
    )
    section = selectors.section_get(draft=draft, key=section_key)
    target = reverse("applications:section", kwargs={"pk": draft.pk, "section_key": section.key})
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte schreiben Sie einen Kommentar."))
        return redirect(f"{target}#kommentare")
    parent = None
    if form.cleaned_data["parent"]:
        parent = SectionComment.objects.filter(
            pk=form.cleaned_data["parent"], section=section
        ).first()
    try:
        services.comment_add(
            section=section,
            text=form.cleaned_data["text"],
            parent=parent,
            actor=Actor.from_request(request),
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Ihr Kommentar ist gespeichert."))
    return redirect(f"{target}#kommentare")


@login_required
@require_POST
def comment_resolve(request: HttpRequest, pk: int, draft_comment: int) -> HttpResponse:
    """/bewerbungen/<id>/kommentare/<n>/erledigt/: resolve a thread or open it again."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_resolve_comment
    )
    comment = selectors.comment_get_for_draft(draft=draft, pk=draft_comment)
    comment.section.draft = draft
    resolved = request.POST.get("wieder_oeffnen") is None
    services.comment_resolve(comment=comment, resolved=resolved, actor=Actor.from_request(request))
    messages.success(
        request,
        _("Der Kommentar ist als erledigt markiert.")
        if resolved
        else _("Der Kommentar ist wieder offen."),
    )
    target = reverse(
        "applications:section", kwargs={"pk": draft.pk, "section_key": comment.section.key}
    )
    return redirect(f"{target}#kommentare")


@login_required
@require_http_methods(["GET", "POST"])
def recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    """/bewerbungen/<id>/empfehlung/: a shared mentor's overall recommendation."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_review_draft
    )
    share = selectors.mentor_share_get(draft=draft, user=request.user)
    form = RecommendationForm(
        request.POST or None,
        initial={"recommendation": share.recommendation, "text": share.recommendation_text},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.recommendation_save(
                draft=draft,
                recommendation=form.cleaned_data["recommendation"],
                text=form.cleaned_data["text"],
                actor=Actor.from_request(request),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Ihre Empfehlung ist gespeichert."))
            return redirect(draft)
    status = 400 if form.errors else 200
    return render(
        request, "applications/recommendation.html", {"draft": draft, "form": form}, status=status
    )
