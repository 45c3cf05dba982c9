"""The public side of workshops: /veranstaltungen/ (list), one event,
its calendar file, the feed, registering and cancelling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from ikone.accounts.permissions import is_signed_in
from ikone.core import htmx
from ikone.core.audit import Actor
from ikone.core.datetimes import berlin_date, iso
from ikone.core.exceptions import DomainError
from ikone.core.mail import absolute_url
from ikone.core.pagecache import memo
from ikone.core.ratelimit import ANY_METHOD, ratelimit
from ikone.core.seo.meta import json_ld
from ikone.events import permissions, selectors
from ikone.events.calendar import build_calendar
from ikone.events.forms_public import EventFilterForm, RegistrationForm
from ikone.events.list_rows import PAGE_SIZE, event_results
from ikone.events.models import (
    Event,
    EventFormat,
    EventStatus,
    Registration,
    RegistrationStatus,
    Speaker,
)
from ikone.events.page_rows import event_page_rows
from ikone.events.services import registration as registration_services

FEED_PAST_DAYS = 365
FEED_CACHE_SECONDS = 24 * 3600
LIST_TEMPLATE = "events/event_list.html"
DETAIL_TEMPLATE = "events/event_detail.html"
DETAIL_MEMO_PREFIX = "events:detail-content:v1"


@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    """Upcoming (or past) events with filters and pages; htmx requests get
    only the results fragment."""
    form = EventFilterForm(
        request.GET,
        formats=selectors.format_choices(),
        series=selectors.series_choices(),
        fields_of_action=selectors.field_of_action_choices(),
    )
    filters = form.to_filters()
    results = event_results(
        user=request.user, filters=filters, page=request.GET.get("seite") or ""
    )
    # Count and cards come from a memo; the paginator only numbers the pages
    # for the navigation (a range: nothing reads its rows).
    paginator = Paginator(range(results.count), PAGE_SIZE)
    page = paginator.page(results.number)
    wants_fragment = htmx.wants_fragment(request)
    context = {
        "form": form,
        "filters": filters,
        "page_obj": page,
        "paginator": paginator,
        "cards": results.cards,
        "past": filters.when == selectors.PAST,
    }
    template = f"{LIST_TEMPLATE}#results" if wants_fragment else LIST_TEMPLATE
    return htmx.vary_on_htmx(render(request, template, context))


def _manage_url(event: Event) -> str | None:
    """The coordinators' edit page, once it exists."""
    try:
        return reverse("events:manage_edit", kwargs={"slug": event.slug})
    except NoReverseMatch:
        return None


def _json_ld(event: Event, *, request: HttpRequest, speakers: list[Speaker]) -> dict[str, Any]:
    """schema.org Event markup (no meeting link: it is not public)."""
    attendance = {
        EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
        EventFormat.ONSITE: "https://schema.org/OfflineEventAttendanceMode",
        EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
    }[EventFormat(event.format)]
    url = absolute_url(event.get_absolute_url())
    locations: list[dict[str, Any]] = []
    if event.format != EventFormat.ONLINE:
        locations.append(
            {"@type": "Place", "name": event.place or event.title, "address": event.place}
        )
    if event.format != EventFormat.ONSITE:
        locations.append({"@type": "VirtualLocation", "url": url})
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": iso(event.starts_at),
        "endDate": iso(event.ends_at),
        "eventStatus": (
            "https://schema.org/EventCancelled"
            if event.status == EventStatus.CANCELLED
            else "https://schema.org/EventScheduled"
        ),
        "eventAttendanceMode": attendance,
        "location": locations[0] if len(locations) == 1 else locations,
        "url": url,
        "inLanguage": "de",
        "isAccessibleForFree": True,
    }
    performers = [
        {"@type": "Person", "name": speaker.display_name}
        for speaker in speakers
        if speaker.display_name
    ]
    if performers:
        data["performer"] = performers
    if event.series is not None:
        data["superEvent"] = {"@type": "EventSeries", "name": event.series.title}
    return data


@require_safe
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """/veranstaltungen/<slug>/: everything public about an event, the
    viewer's registration and, for participants, the meeting link (for
    signed-in people a memo, `_detail_memo`)."""
    event = selectors.event_get_for_detail(user=request.user, slug=slug)
    if is_signed_in(request.user):
        return _detail_memo(request, event)
    organizations = selectors.organizations_for_registration(user=request.user)
    return _render_detail(request, event, RegistrationForm(organizations=organizations))


@dataclass(frozen=True)
class _DetailPage:
    json_ld: str
    pieces: tuple[str, ...]


def _detail_memo(request: HttpRequest, event: Event) -> HttpResponse:
    """The page below the layout and its JSON-LD as a memo (issue 15, ADR
    0006) for one signed-in person: their registration, waiting-list place,
    form, materials, meeting link, feedback and management links are all
    computed inside from the event read again, so each table read (event,
    registrations, speakers, agenda, materials, memberships, networks)
    outdates it. Keyed by the event, the person and their flags, what the
    clock decides (started, over, registration open, the Berlin day that
    ends a network membership), language and script prefix. The CSRF token
    is put in per request; a refused form is rendered anew (`_render_detail`)."""
    user = request.user
    moment = (event.has_started, event.is_past, _registration_open(event), berlin_date())
    viewer = (
        user.pk,
        bool(user.is_superuser),
        bool(getattr(user, "is_coordinator", False)),
        bool(getattr(user, "is_mentor", False)),
    )
    key = memo.key(DETAIL_MEMO_PREFIX, event.pk, viewer, moment)

    def compute() -> _DetailPage:
        current = selectors.event_get_for_detail(user=user, slug=event.slug)
        organizations = selectors.organizations_for_registration(user=user)
        context = _detail_context(request, current, RegistrationForm(organizations=organizations))
        pieces = memo.csrf_pieces(
            lambda token: render_to_string(
                f"{DETAIL_TEMPLATE}#content", {**context, "csrf_token": token}, request
            )
        )
        return _DetailPage(str(context["json_ld"]), pieces)

    page = memo.get_or_compute(key, compute)
    context = {
        "event": event,
        # Safe: made by `json_ld`, escaped for a script element.
        "json_ld": mark_safe(page.json_ld),  # noqa: S308
        "content_html": memo.with_csrf(request, page.pieces),
    }
    return render(request, DETAIL_TEMPLATE, context)


def _registration_open(event: Event) -> bool:
    if event.status != EventStatus.PUBLISHED or event.has_started:
        return False
    return event.registration_deadline is None or event.registration_deadline >= timezone.now()


@require_POST
@login_required
@ratelimit(scope="events.register", rate="20/h", key="user")
def event_register(request: HttpRequest, slug: str) -> HttpResponse:
    """Register the signed-in person; errors come back as messages on the
    event page, the form's text kept when it is shown again."""
    event = selectors.event_get_for_detail(user=request.user, slug=slug)
    organizations = selectors.organizations_for_registration(user=request.user)
    form = RegistrationForm(request.POST, organizations=organizations)
    if not form.is_valid():
        return _render_detail(request, event, form, status=400)
    try:
        registration = registration_services.register_self(
            event=event,
            actor=Actor.from_request(request),
            organization=form.cleaned_data.get("organization"),
            note=form.cleaned_data["note"],
            accessibility_needs=form.cleaned_data["accessibility_needs"],
        )
    except DomainError as error:
        form.add_error(None, error.message)
        return _render_detail(request, event, form, status=400)
    if registration.status == RegistrationStatus.CONFIRMED:
        messages.success(
            request,
            _("Sie sind angemeldet. Die Bestätigung kommt per E-Mail, mit Kalendereintrag."),
        )
    else:
        messages.info(
            request,
            _(
                "Die Veranstaltung ist ausgebucht. Sie stehen auf der Warteliste und erhalten eine E-Mail, sobald ein Platz frei wird."
            ),
        )
    return redirect(event.get_absolute_url())


def _render_detail(
    request: HttpRequest, event: Event, form: RegistrationForm, *, status: int = 200
) -> HttpResponse:
    """The event page rendered now; `form` is the registration form (bound
    when invalid)."""
    context = _detail_context(request, event, form)
    context["content_html"] = render_to_string(f"{DETAIL_TEMPLATE}#content", context, request)
    return render(request, DETAIL_TEMPLATE, context, status=status)


def _detail_context(request: HttpRequest, event: Event, form: RegistrationForm) -> dict[str, Any]:
    registration = selectors.registration_get_active(user=request.user, event=event)
    confirmed: int = event.confirmed_count  # type: ignore[attr-defined]  # event_get_for_detail
    rows = event_page_rows(event=event, user=request.user)
    flags = permissions.event_flags(request.user, event)
    context = {
        "event": event,
        "fields_of_action": rows.fields_of_action,
        "speakers": rows.speakers,
        "agenda": rows.agenda,
        "registration": registration,
        "position": (
            selectors.waitlist_position(registration=registration) if registration else None
        ),
        "form": form,
        "confirmed_count": confirmed,
        "seats_left": None if event.capacity is None else max(event.capacity - confirmed, 0),
        "registration_open": _registration_open(event),
        "show_meeting_link": selectors.can_see_meeting_link(
            request.user, event, registration, rows.speakers
        ),
        "materials": selectors.material_list_visible(
            user=request.user, event=event, registration=registration
        ),
        "can": flags,
        "can_give_feedback": permissions.can_give_feedback(request.user, event, registration),
        "manage_url": _manage_url(event) if flags.edit else None,
        "json_ld": json_ld(_json_ld(event, request=request, speakers=rows.speakers)),
    }
    return context


@require_POST
@login_required
def registration_cancel(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Cancel one's own registration (until the event starts)."""
    registration: Registration = selectors.registration_get_own(user=request.user, pk=pk)
    if registration.event.slug != slug:
        return redirect(registration.event.get_absolute_url())
    try:
        registration_services.registration_cancel(
            registration=registration, actor=Actor.from_request(request)
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Ihre Anmeldung ist storniert."))
    return redirect(registration.event.get_absolute_url())


# Calendar programs poll feeds; a few hundred an hour per address is plenty.
CALENDAR_RATE = "300/h,3000/d"


@ratelimit(scope="events.calendar", rate=CALENDAR_RATE, methods=ANY_METHOD)
@require_safe
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """/veranstaltungen/<slug>.ics: one public event as iCalendar file."""
    event = selectors.event_get_public(slug=slug)
    response = HttpResponse(build_calendar([event]), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@ratelimit(scope="events.calendar", rate=CALENDAR_RATE, methods=ANY_METHOD)
@require_safe
def event_feed(request: HttpRequest) -> HttpResponse:
    """/veranstaltungen/feed.ics: every public event of the last year and
    the future, as a subscribable calendar. The file is cached until an
    event in it changes (building it costs about 1 ms per event)."""
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    count, changed = selectors.feed_version(since=since)
    key = f"events:feed:{translation.get_language()}:{count}:{changed}"
    body = cache.get(key)
    if body is None:
        body = build_calendar(selectors.feed_events(since=since), name=_("Veranstaltungen"))
        cache.set(key, body, FEED_CACHE_SECONDS)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
