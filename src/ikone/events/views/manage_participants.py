"""Coordinators' pages about an event's participants: the list with the
waiting list, registering others, exports, a message to everyone,
check-in and the figures."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.accounts.visibility import viewer_of_request
from ikone.core.audit import Actor, record
from ikone.core.datetimes import filename_date
from ikone.core.exceptions import DomainError
from ikone.core.ratelimit import ANY_METHOD, ratelimit
from ikone.events import attendance_list, exports, permissions
from ikone.events import selectors_manage as selectors
from ikone.events.forms import (
    MessageForm,
    PersonSearchForm,
    RegisterOtherForm,
)
from ikone.events.participant_list import participant_list
from ikone.events.services import participants as services
from ikone.events.views.manage import manage_context

EXPORT_RATE = "30/h,200/d"


@login_required
@require_safe
def manage_participants(request: HttpRequest, slug: str) -> HttpResponse:
    """/veranstaltungen/<slug>/verwaltung/teilnehmende/: everyone registered,
    the waiting list in order, cancellations; search people to register."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_manage_participants
    )
    participants = participant_list(event=event)
    search = PersonSearchForm(request.GET if "q" in request.GET else None)
    found = []
    if search.is_valid():
        found = selectors.person_search(
            event=event, query=search.cleaned_data["q"], viewer=viewer_of_request(request)
        )
    context = {
        **manage_context(request, event, "participants"),
        "rows_html": participants.rows,
        "counts": participants.counts,
        "search": search,
        "found": found,
        "searched": search.is_bound,
    }
    return render(request, "events/manage/participants.html", context)


@login_required
@require_POST
def manage_register(request: HttpRequest, slug: str) -> HttpResponse:
    """Register a person found by the search (POST `person`, optional `note`)."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_manage_participants
    )
    form = RegisterOtherForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie eine Person aus der Suche."))
        return redirect("events:manage_participants", slug=event.slug)
    person, organization = selectors.person_get_for_registration(
        pk=form.cleaned_data["person"], viewer=viewer_of_request(request)
    )
    try:
        registration = services.participant_register(
            event=event,
            person=person,
            organization=organization,
            note=form.cleaned_data["note"],
            actor=Actor.from_request(request),
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        if registration.status == "waitlisted":
            text = _("%(person)s steht jetzt auf der Warteliste (die Veranstaltung ist voll).")
        else:
            text = _("%(person)s ist angemeldet und erhält eine Bestätigung per E-Mail.")
        messages.success(request, text % {"person": person})
    return redirect("events:manage_participants", slug=event.slug)


def _export(request: HttpRequest, slug: str, file_format: str) -> HttpResponse:
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_manage_participants
    )
    table = selectors.participant_table(event=event)
    if file_format == "xlsx":
        content, content_type = exports.to_xlsx(table), exports.XLSX_CONTENT_TYPE
    else:
        content, content_type = exports.to_csv(table), exports.CSV_CONTENT_TYPE
    record(
        Actor.from_request(request),
        "events.participants.exported",
        target=event,
        data={"format": file_format, "rows": len(table.rows)},
    )
    response = HttpResponse(content, content_type=content_type)
    filename = f"teilnehmende-{event.slug}-{filename_date()}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_safe
@ratelimit(scope="events.participants_export", rate=EXPORT_RATE, key="user", methods=ANY_METHOD)
def manage_export_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """The participant list as CSV (semicolons, UTF-8 with BOM)."""
    return _export(request, slug, "csv")


@never_cache
@login_required
@require_safe
@ratelimit(scope="events.participants_export", rate=EXPORT_RATE, key="user", methods=ANY_METHOD)
def manage_export_xlsx(request: HttpRequest, slug: str) -> HttpResponse:
    """The participant list as an Excel workbook."""
    return _export(request, slug, "xlsx")


@login_required
@require_http_methods(["GET", "POST"])
@ratelimit(scope="events.participants_message", rate="10/h,30/d", key="user")
def manage_message(request: HttpRequest, slug: str) -> HttpResponse:
    """/veranstaltungen/<slug>/verwaltung/nachricht/: an e-mail to all participants."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_manage_participants
    )
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.participants_message(
                event=event, actor=Actor.from_request(request), **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Die Nachricht geht an %(count)s Personen.") % {"count": count},
            )
            return redirect("events:manage_participants", slug=event.slug)
    context = {
        **manage_context(request, event, "participants"),
        "form": form,
        "confirmed": services.message_recipient_count(event=event, include_waitlisted=False),
        "with_waitlist": services.message_recipient_count(event=event, include_waitlisted=True),
    }
    return render(
        request, "events/manage/message_form.html", context, status=400 if form.errors else 200
    )


@login_required
@require_safe
def manage_attendance(request: HttpRequest, slug: str) -> HttpResponse:
    """/veranstaltungen/<slug>/verwaltung/anwesenheit/: tick who is there;
    `?q=` finds a person by name on site. htmx requests get the list only.
    The content (the list alone for htmx) is a memo (`events.attendance_list`)."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_manage_participants
    )
    if not getattr(request, "htmx", False):
        flags = permissions.event_flags(request.user, event)
        content = attendance_list.attendance_content(request, event=event, flags=flags)
        return render(
            request, "events/manage/attendance.html", {"event": event, "content_html": content}
        )
    search, query = attendance_list.search_of(request)
    found = attendance_list.attendance_list(request, event=event, query=query, htmx=True)
    context = {
        **manage_context(request, event, "attendance"),
        "search": search,
        "query": query,
        "registrations": found,
        "attended": found.attended,
        "rows_html": found.rows,
        "htmx": True,
    }
    return render(request, f"{attendance_list.CONTENT_TEMPLATE}#results", context)


@login_required
@require_POST
def manage_check_in(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Check one person in or out (POST `attended=1` or nothing). With htmx
    the row comes back; without, the list again (keeping the search)."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_manage_participants
    )
    registration = selectors.registration_get_for_check_in(event=event, pk=pk)
    attended = request.POST.get("attended") in ("1", "on", "true")
    error = ""
    try:
        services.attendance_set(
            registration=registration, attended=attended, actor=Actor.from_request(request)
        )
    except DomainError as problem:
        error = problem.message
    if getattr(request, "htmx", False):
        context = {
            **manage_context(request, event, "attendance"),
            "registration": registration,
            "error": error,
            "htmx": True,
            "attended_count": selectors.attended_count(event=event),
        }
        return render(request, "events/manage/attendance.html#row", context)
    if error:
        messages.error(request, error)
    url = reverse("events:manage_attendance", kwargs={"slug": event.slug})
    query = request.POST.get("q", "")
    search = f"?{urlencode({'q': query})}" if query else ""
    return redirect(f"{url}{search}#anmeldung-{registration.pk}")


@login_required
@require_safe
def manage_figures(request: HttpRequest, slug: str) -> HttpResponse:
    """/veranstaltungen/<slug>/verwaltung/zahlen/: people and organisations
    registered and attended, by Kreis and by network membership."""
    event = selectors.event_get_for_manage(
        user=request.user, slug=slug, check=permissions.can_view_figures
    )
    context = {
        **manage_context(request, event, "figures"),
        "figures": selectors.event_figures(event=event),
    }
    return render(request, "events/manage/figures.html", context)
