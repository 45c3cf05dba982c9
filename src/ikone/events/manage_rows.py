"""Rows of the coordinators' long event lists as one string each (issue
15): 50 events or registrations with a link, a badge, dates and numbers
each cost the template engine more than the rest of the page; built here,
each label is translated once per page, each address derived from one
`reverse` and each pattern looked up once. The output is what the
templates rendered before (`events/manage/event_list.html`,
`participants.html`); every name and text is escaped, the rest are
numbers and labels escaped once.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.core.datetimes import pattern_formatter
from ikone.core.numbers import digit_grouper
from ikone.core.urlmemo import EACH, row_address
from ikone.events.formatting import when_formatter
from ikone.events.models import Event, EventStatus, Registration, RegistrationStatus


def status_badges() -> dict[str, str]:
    """The status badge of `events/manage/includes/status_badge.html` per
    status, translated once."""
    published = escape(_("veröffentlicht"))
    cancelled = escape(_("abgesagt"))
    draft = escape(_("Entwurf"))
    badge = '<span class="kern-badge kern-badge--{}"><span class="kern-label kern-label--small">{}</span></span>'
    return {
        EventStatus.PUBLISHED: badge.format("success", published),
        EventStatus.CANCELLED: badge.format("danger", cancelled),
        EventStatus.DRAFT: badge.format("warning", draft),
    }


def event_list_rows(events: Sequence[Event]) -> SafeString:
    """The table rows of /veranstaltungen/verwaltung/: `events` carry
    `confirmed_count`, `waitlisted_count` and `attended_count`."""
    edit_url = row_address("events:manage_edit", EACH)
    badges = status_badges()
    draft_badge = badges[EventStatus.DRAFT]
    when = when_formatter()
    number = digit_grouper()
    numeric = '<td class="kern-table__cell kern-table__cell--numeric">'
    rows = []
    for event in events:
        confirmed = number(event.confirmed_count)  # type: ignore[attr-defined]
        if event.capacity:
            confirmed += f" / {number(event.capacity)}"
        rows.append(
            '<tr class="kern-table__row">'
            f'<td class="kern-table__cell"><a class="kern-link" href="{escape(edit_url(event.slug))}">'
            f"{escape(event.title)}</a><br>"
            f'<span class="kern-body--small">{escape(when(event.starts_at, event.ends_at))}</span></td>'
            f'<td class="kern-table__cell">{badges.get(event.status, draft_badge)}</td>'
            f"{numeric}{confirmed}</td>"
            f"{numeric}{number(event.waitlisted_count)}</td>"  # type: ignore[attr-defined]
            f"{numeric}{number(event.attended_count)}</td>"  # type: ignore[attr-defined]
            "</tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - names and labels escaped above


def participant_rows(registrations: Sequence[Registration]) -> SafeString:
    """The table rows of an event's participant list: person and address,
    organisation, status, when registered, notes."""
    # str() first: escape() of a lazy label stays lazy and translates on every row.
    statuses = {value: escape(str(label)) for value, label in RegistrationStatus.choices}
    present = escape(_("anwesend"))
    accessibility = escape(_("Barrierefreiheit:"))
    registered_at = pattern_formatter("SHORT_DATETIME_FORMAT")
    cell = '<td class="kern-table__cell">'
    rows = []
    for registration in registrations:
        person = registration.person
        organization = registration.organization
        status: str = statuses.get(registration.status, escape(registration.status))
        if registration.attended_at:
            status += f", {present}"
        notes = escape(registration.note) if registration.note else ""
        if registration.accessibility_needs:
            if registration.note:
                notes += "<br>"
            notes += f"<strong>{accessibility}</strong> {escape(registration.accessibility_needs)}"
        rows.append(
            '<tr class="kern-table__row">'
            f'{cell}{escape(person)}<br><span class="kern-body--small">{escape(person.email)}</span></td>'
            f"{cell}{escape(organization.name) if organization and organization.name else '–'}</td>"
            f"{cell}{status}</td>"
            f"{cell}{escape(registered_at(registration.created_at))}</td>"
            f"{cell}{notes}</td>"
            "</tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - names and texts escaped above


def attendance_rows(
    registrations: Sequence[Registration],
    *,
    event: Event,
    csrf_token: str,
    query: str,
    htmx: bool,
) -> SafeString:
    """The check-in list's rows, as the `row` partial of
    `events/manage/attendance.html` renders each (that partial stays the
    check-in view's answer to htmx; a test keeps both equal)."""
    check_in_url = row_address("events:manage_check_in", slug=event.slug, pk=EACH)
    token = escape(csrf_token)
    query_value = escape(query)
    waitlisted = escape(_("Warteliste"))
    save_label = _("Anwesenheit von %(person)s speichern")
    hidden = " hidden" if htmx else ""
    rows = []
    for registration in registrations:
        pk = str(int(registration.pk))
        url = escape(check_in_url(pk))
        person = escape(registration.person)
        label: str = person
        if registration.organization:
            label += f", {escape(registration.organization.name)}"
        if registration.status == RegistrationStatus.WAITLISTED:
            label += f" ({waitlisted})"
        checked = " checked" if registration.attended_at else ""
        rows.append(
            f'<li id="anmeldung-{pk}" class="ikone-attendance__row">'
            f'<form method="post" action="{url}" class="ikone-inline-fields" hx-post="{url}" '
            f'hx-trigger="change" hx-target="#anmeldung-{pk}" hx-swap="outerHTML">'
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'
            f'<input type="hidden" name="q" value="{query_value}">'
            '<div class="kern-form-check">'
            '<input class="kern-form-check__checkbox" type="checkbox" name="attended" value="1" '
            f'id="anwesend-{pk}"{checked}>'
            f'<label class="kern-label" for="anwesend-{pk}">{label}</label>'
            "</div>"
            '<button type="submit" class="kern-btn kern-btn--secondary kern-btn--x-small" '
            f'data-js-hidden{hidden}><span class="kern-label">'
            f"{save_label % {'person': person}}</span></button>"
            "</form></li>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - names and texts escaped above
