"""Citing catalogue solutions from a draft's section (POST only; the
panel on the section page has the forms, draft_integration.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ikone.applications.models import DraftSection
from ikone.applications.selectors import draft_get_for_view
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.solutions.services.citations import citation_add, citation_remove


def _section(request: HttpRequest, section_pk: int) -> DraftSection:
    """The section if the person may see its draft (404 otherwise)."""
    section = get_object_or_404(DraftSection.objects.select_related("draft"), pk=section_pk)
    draft_get_for_view(user=request.user, pk=section.draft_id)
    return section


def _back(section: DraftSection) -> HttpResponse:
    return redirect("applications:section", pk=section.draft_id, section_key=section.key)


@login_required
@require_POST
def citation_add_view(request: HttpRequest, section_pk: int) -> HttpResponse:
    section = _section(request, section_pk)
    slug = request.POST.get("loesung", "").strip().strip("/").rsplit("/", 1)[-1]
    try:
        citation = citation_add(section=section, slug=slug, actor=Actor.from_request(request))
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("„%(title)s“ wird zitiert.") % {"title": citation.solution.title}
        )
    return _back(section)


@login_required
@require_POST
def citation_remove_view(request: HttpRequest, section_pk: int) -> HttpResponse:
    section = _section(request, section_pk)
    try:
        citation_remove(
            section=section,
            slug=request.POST.get("loesung", ""),
            actor=Actor.from_request(request),
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Das Zitat ist entfernt."))
    return _back(section)
