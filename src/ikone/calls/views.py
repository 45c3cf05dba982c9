"""Pages of the funding calls: list, call, deadline file, versions, diff,
and the coordinators' amendment page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ikone.calls import amendment_page, permissions, selectors, services
from ikone.calls.calendar import deadline_calendar
from ikone.calls.detail_page import call_page, toc_of
from ikone.calls.diff import diff_versions
from ikone.calls.forms import AmendmentForm, CallFilterForm
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.ratelimit import ANY_METHOD, ratelimit


@require_safe
def call_list(request: HttpRequest) -> HttpResponse:
    """/foerderaufrufe/: all calls, filterable by status."""
    form = CallFilterForm(request.GET or None)
    calls = list(selectors.call_list(status=form.selected_status()))
    return render(request, "calls/call_list.html", {"form": form, "calls": calls})


@require_safe
def call_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """/foerderaufrufe/<slug>/: facts, rates, phases, documents, criteria
    and the current text with a table of contents (a memo, see
    `calls.detail_page`)."""
    page = call_page(slug=slug, can_manage=permissions.can_manage_calls(request.user))
    return render(
        request, "calls/call_detail.html", {"call": page.call, "content": page.content_html()}
    )


@ratelimit(scope="calls.calendar", rate="300/h,3000/d", methods=ANY_METHOD)
@require_safe
def call_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """/foerderaufrufe/<slug>.ics: the deadline as a calendar entry."""
    call = selectors.call_get(slug=slug, with_facts=False)
    if call.deadline is None:
        raise Http404
    response = HttpResponse(deadline_calendar(call), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="frist-{call.slug}.ics"'
    return response


@require_safe
def version_list(request: HttpRequest, slug: str) -> HttpResponse:
    """/foerderaufrufe/<slug>/versionen/: every published version."""
    call = selectors.call_get(slug=slug, with_facts=False)
    versions = list(selectors.call_versions(call))
    return render(
        request,
        "calls/version_list.html",
        {
            "call": call,
            "versions": versions,
            "can_manage": permissions.can_manage_calls(request.user),
        },
    )


@require_safe
def version_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """/foerderaufrufe/<slug>/versionen/<n>/: the text of one version."""
    call = selectors.call_get(slug=slug, with_facts=False)
    version = selectors.version_get(call=call, number=number)
    sections = selectors.version_sections(version)
    return render(
        request,
        "calls/version_detail.html",
        {
            "call": call,
            "version": version,
            "sections": sections,
            "toc": toc_of(sections),
            "is_current": version.pk == call.current_version_id,
        },
    )


@require_safe
def version_diff(request: HttpRequest, slug: str, old: int, new: int) -> HttpResponse:
    """/foerderaufrufe/<slug>/versionen/<a>/<b>/: what changed from a to b."""
    call = selectors.call_get(slug=slug, with_facts=False)
    if old == new:
        raise Http404
    old_version = selectors.version_get(call=call, number=old)
    new_version = selectors.version_get(call=call, number=new)
    diffs = diff_versions(
        selectors.version_sections(old_version), selectors.version_sections(new_version)
    )
    changed = [d for d in diffs if d.changed]
    return render(
        request,
        "calls/version_diff.html",
        {
            "call": call,
            "old": old_version,
            "new": new_version,
            "diffs": diffs,
            "changed": changed,
            "show_all": request.GET.get("alle") == "1",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def amendment(request: HttpRequest, slug: str) -> HttpResponse:
    """/foerderaufrufe/<slug>/aenderung/: coordinators edit sections of the
    current version and publish them as the next version (the empty form a
    memo, `calls.amendment_page`)."""
    if not permissions.can_manage_calls(request.user):
        selectors.call_get(slug=slug, with_facts=False)  # an unknown call is 404 for all
        raise PermissionDenied
    if request.method != "POST":
        page = amendment_page.amendment_page(request, slug=slug)
        context = {"call": page.call, "content_html": page.content_html(request)}
        return render(request, amendment_page.TEMPLATE, context)
    call = selectors.call_get(slug=slug, with_facts=False)
    sections = selectors.current_sections(call)
    current_number = call.current_version.number if call.current_version else None
    form = AmendmentForm(request.POST, sections=sections)
    if form.is_valid():
        try:
            version = services.publish_amendment(
                call=call,
                changes=form.changes(),
                note=form.cleaned_data["note"],
                actor=Actor.from_request(request),
                based_on=form.cleaned_data["based_on"],
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Fassung %(number)s ist veröffentlicht.") % {"number": version.number}
            )
            if version.number > 1:
                return redirect(
                    "calls:diff", slug=call.slug, old=version.number - 1, new=version.number
                )
            return redirect(call.get_absolute_url())
    return render(
        request,
        amendment_page.TEMPLATE,
        {
            "call": call,
            "content_html": amendment_page.content_html(request, call, form, current_number),
        },
        status=400,
    )
