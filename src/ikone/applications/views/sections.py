"""Writing a section: the editor with autosave, conflicts, history, diff, restore."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.applications import diff, permissions, selectors, selectors_history
from ikone.applications.exceptions import EditConflict
from ikone.applications.forms import CommentForm, RestoreForm, SectionForm
from ikone.applications.history_rows import history_rows
from ikone.applications.models import Draft, DraftSection
from ikone.applications.services import sections as services
from ikone.applications.signals import panels_for
from ikone.applications.views._helpers import DraftFlags, content_html, draft_flags
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.pagecache import tables

SECTION_TEMPLATE = "applications/section_edit.html"
HISTORY_TEMPLATE = "applications/section_history.html"


def _section_page(
    request: HttpRequest,
    section: DraftSection,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    """The section's page. Opened without a conflict or an error (`extra`),
    its content is a memo per section and the viewer's rights to edit,
    comment and resolve (ADR 0006); panels of other apps depend on no more
    (applications.signals). The version the editor is based on comes from
    the section's table, which outdates the memo."""
    draft = section.draft
    flags = draft_flags(request, draft)

    def context(token: str | None) -> dict[str, Any]:
        shown = section
        if token is not None:
            shown = selectors.section_get_for_view(user=request.user, pk=draft.pk, key=section.key)
        given = extra or {
            "form": SectionForm(initial={"text": shown.text, "based_on": shown.version})
        }
        return _section_context(request, shown.draft, shown, flags, **given)

    memo_parts = (section.pk, flags.edit, flags.comment, flags.resolve) if not extra else None
    html = content_html(request, SECTION_TEMPLATE, context, memo_parts)
    page = {"draft": draft, "section": section, "content_html": html}
    return render(request, SECTION_TEMPLATE, page, status=status)


def _section_context(
    request: HttpRequest, draft: Draft, section: DraftSection, flags: DraftFlags, **extra: Any
) -> dict[str, Any]:
    sections = selectors.draft_sections(draft=draft)
    position = next((i for i, s in enumerate(sections) if s.pk == section.pk), 0)
    return {
        "draft": draft,
        "section": section,
        "can": flags,
        "previous_section": sections[position - 1] if position > 0 else None,
        "next_section": sections[position + 1] if position + 1 < len(sections) else None,
        "threads": selectors.section_comment_threads(section=section),
        "comment_form": CommentForm(auto_id="kommentar_%s"),
        "panels": panels_for(draft=draft, section=section, user=request.user),
        **extra,
    }


def _conflict_response(
    request: HttpRequest, draft: Draft, section: DraftSection, conflict: EditConflict
) -> HttpResponse:
    segments = diff.word_diff(conflict.theirs.text, conflict.mine)
    merge = {"conflict": conflict, "segments": segments}
    if request.htmx:  # type: ignore[attr-defined]
        response = render(
            request,
            "applications/section_edit.html#merge",
            {"draft": draft, "section": section, **merge},
        )
        response["HX-Retarget"] = "#editor"
        response["HX-Reswap"] = "outerHTML"
        return response
    return _section_page(request, section, status=409, **merge)


@login_required
@require_http_methods(["GET", "POST"])
def section_edit(request: HttpRequest, pk: int, section_key: str) -> HttpResponse:
    """/bewerbungen/<id>/abschnitte/<key>/: read and write one section.

    A POST carries the text and the version it was based on. htmx autosave
    gets the save state back (and the new version out of band); a conflict
    swaps the editor for the merge view. Without JavaScript the same POST
    redirects back or shows the merge view with status 409."""
    section = selectors.section_get_for_view(user=request.user, pk=pk, key=section_key)
    draft = section.draft
    if request.method == "GET":
        return _section_page(request, section)
    if not permissions.can_edit_draft(request.user, draft):
        raise PermissionDenied
    form = SectionForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            section = services.section_save(
                section=section,
                text=form.cleaned_data["text"],
                based_on=form.cleaned_data["based_on"],
                actor=Actor.from_request(request),
            )
        except EditConflict as conflict:
            return _conflict_response(request, draft, section, conflict)
        except DomainError as domain_error:
            error = domain_error.message
    else:
        error = _("Der Text konnte nicht gespeichert werden: bitte prüfen Sie die Eingabe.")
    if request.htmx:  # type: ignore[attr-defined]
        context = {"section": section, "error": error, "oob": True}
        return render(request, "applications/section_edit.html#save_state", context)
    if error:
        return _section_page(request, section, status=400, form=form, error=error)
    messages.success(request, _("Der Abschnitt ist gespeichert."))
    return redirect("applications:section", pk=draft.pk, section_key=section.key)


@login_required
@require_safe
def section_history(request: HttpRequest, pk: int, section_key: str) -> HttpResponse:
    """/bewerbungen/<id>/abschnitte/<key>/versionen/: the versions with who
    and when, 50 per page (`?seite=`); `?a=&b=` compares two of them.

    The rights are checked on every request; the content is a memo per
    section, the viewer's flags, the page and the versions compared (ADR
    0006), outdated by every new version (an autosave) through the tables
    it was read from (the section's own read included)."""
    # The section read is recorded: a memo computed now counts its tables as
    # read with the tokens from before this read, so the request's copy
    # serves the memo without reading the section a second time.
    with tables.recording() as section_read:
        section = selectors.section_get_for_history(user=request.user, pk=pk, key=section_key)
    draft = section.draft
    flags = draft_flags(request, draft)
    number = request.GET.get("seite")
    a, b = _compared_versions(request)

    def context(token: str | None) -> dict[str, Any]:
        tables.note_reused(section_read.tokens)
        return _history_context(section, flags, number, a, b)

    memo_parts = (section.pk, draft.pk, flags, number, a, b)
    html = content_html(request, HISTORY_TEMPLATE, context, memo_parts)
    page = {"draft": draft, "section": section, "content_html": html}
    return render(request, HISTORY_TEMPLATE, page)


def _compared_versions(request: HttpRequest) -> tuple[int, int]:
    """`?a=&b=` as numbers, both 0 unless both are numbers."""
    try:
        return int(request.GET.get("a", "")), int(request.GET.get("b", ""))
    except ValueError:
        return 0, 0


def _history_context(
    section: DraftSection, can: DraftFlags, number: str | None, a: int, b: int
) -> dict[str, Any]:
    draft = section.draft
    page = selectors_history.section_revision_page(section=section, number=number)
    rows = list(page.object_list)
    compare = None
    chosen = (
        selectors_history.section_revisions_for_compare(section=section, versions=(a, b))
        if a and b and a != b
        else []
    )
    if len(chosen) == 2:
        old, new = chosen
        segments = diff.word_diff(old.text, new.text)
        inserted, deleted = diff.count_changes(segments)
        compare = {
            "old": old,
            "new": new,
            "segments": segments,
            "inserted": inserted,
            "deleted": deleted,
        }
    else:
        # The first page starts with the two newest versions: no query for them.
        latest = (
            [revision.version for revision in rows[:2]]
            if page.number == 1
            else selectors_history.latest_two_versions(section=section)
        )
        if len(latest) == 2:
            b, a = latest
    return {
        "draft": draft,
        "section": section,
        "page": page,
        "revisions": page.object_list,
        "rows_html": history_rows(
            rows,
            draft_pk=draft.pk,
            section_key=section.key,
            current_version=section.version,
            a=a,
            b=b,
            can_edit=can.edit,
        ),
        "compare": compare,
        "a": a,
        "b": b,
        "can": can,
        "restore_form": RestoreForm(initial={"based_on": section.version}),
    }


@login_required
@require_POST
def section_restore(
    request: HttpRequest, pk: int, section_key: str, section_revision: int
) -> HttpResponse:
    """/bewerbungen/<id>/abschnitte/<key>/versionen/<n>/wiederherstellen/"""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_edit_draft
    )
    section = selectors.section_get(draft=draft, key=section_key)
    selectors.section_revision_get(section=section, version=section_revision)
    form = RestoreForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.")
        )
        return redirect("applications:history", pk=draft.pk, section_key=section.key)
    try:
        services.section_restore(
            section=section,
            version=section_revision,
            based_on=form.cleaned_data["based_on"],
            actor=Actor.from_request(request),
        )
    except EditConflict as conflict:
        messages.error(request, conflict.message)
        return redirect("applications:history", pk=draft.pk, section_key=section.key)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("applications:history", pk=draft.pk, section_key=section.key)
    messages.success(
        request, _("Version %(version)s ist wiederhergestellt.") % {"version": section_revision}
    )
    return redirect("applications:section", pk=draft.pk, section_key=section.key)
