"""The coordinators' long lists build their rows in Python
(`ikone.events.manage_rows`); they must write what the templates wrote,
up to whitespace: the event list's and the participant list's rows are
compared with the template loops they replaced, the check-in rows with the
`row` partial the check-in view still renders."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation

from ikone.events.manage_rows import attendance_rows, event_list_rows, participant_rows
from ikone.events.models import EventStatus, RegistrationStatus
from ikone.events.selectors_manage import registration_list, with_registration_counts
from tests.accounts.factories import OrganizationFactory, UserFactory
from tests.events.factories import EventFactory, RegistrationFactory

# The loops of events/manage/event_list.html and participants.html before
# their rows moved to Python.
EVENT_ROWS = """{% load i18n event_tags %}{% for event in events %}
<tr class="kern-table__row">
  <td class="kern-table__cell"><a class="kern-link" href="{% url 'events:manage_edit' event.slug %}">{{ event.title }}</a><br><span class="kern-body--small">{{ event|when }}</span></td>
  <td class="kern-table__cell">{% include "events/manage/includes/status_badge.html" %}</td>
  <td class="kern-table__cell kern-table__cell--numeric">{{ event.confirmed_count }}{% if event.capacity %} / {{ event.capacity }}{% endif %}</td>
  <td class="kern-table__cell kern-table__cell--numeric">{{ event.waitlisted_count }}</td>
  <td class="kern-table__cell kern-table__cell--numeric">{{ event.attended_count }}</td>
</tr>
{% endfor %}"""

PARTICIPANT_ROWS = """{% load i18n %}{% for registration in registrations %}
<tr class="kern-table__row">
  <td class="kern-table__cell">{{ registration.person }}<br><span class="kern-body--small">{{ registration.person.email }}</span></td>
  <td class="kern-table__cell">{{ registration.organization.name|default:"–" }}</td>
  <td class="kern-table__cell">{{ registration.get_status_display }}{% if registration.attended_at %}, {% translate "anwesend" %}{% endif %}</td>
  <td class="kern-table__cell">{{ registration.created_at|date:"SHORT_DATETIME_FORMAT" }}</td>
  <td class="kern-table__cell">{% if registration.note %}{{ registration.note }}{% endif %}{% if registration.accessibility_needs %}{% if registration.note %}<br>{% endif %}<strong>{% translate "Barrierefreiheit:" %}</strong> {{ registration.accessibility_needs }}{% endif %}</td>
</tr>
{% endfor %}"""


def _normal(html: str) -> str:
    """Whitespace between and inside tags collapsed; CSRF tokens (masked
    anew on every call) replaced."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', 'name="csrfmiddlewaretoken"', html)
    html = re.sub(r"\s+", " ", html)
    return re.sub(r">\s+<", "><", html).strip()


@pytest.fixture
def registrations(event):
    """Every kind of row: attended, waiting, cancelled, with and without an
    organisation, notes, accessibility needs and markup in names."""
    event.capacity = 1500
    event.save()
    organization = OrganizationFactory(name="Stadt <Kusel> & Co")
    started = timezone.now() - timedelta(days=3)
    rows = [
        RegistrationFactory(
            event=event,
            person=UserFactory(name='Ada "Admin" <Lovelace>'),
            organization=organization,
            attended_at=started,
            note="Bringe <Laptop> mit",
            accessibility_needs="Rollstuhl & Rampe",
        ),
        RegistrationFactory(
            event=event,
            person=UserFactory(name=""),
            status=RegistrationStatus.WAITLISTED,
            waitlisted_at=started,
            accessibility_needs="Gebärdensprache",
        ),
        RegistrationFactory(event=event, status=RegistrationStatus.CANCELLED, note="leider"),
    ]
    return rows


@pytest.mark.parametrize("language", ["de", "en"])
def test_event_list_rows_match_the_template(event, registrations, language):
    events = [
        event,
        EventFactory(status=EventStatus.DRAFT, title="Entwurf <neu>"),
        EventFactory(
            status=EventStatus.CANCELLED,
            starts_at=timezone.now(),
            ends_at=timezone.now() + timedelta(days=2),
        ),
    ]
    events = with_registration_counts(events)
    with translation.override(language):
        expected = Template(EVENT_ROWS).render(Context({"events": events}))
        assert _normal(event_list_rows(events)) == _normal(expected)
    assert "1.500" in event_list_rows(events)


@pytest.mark.parametrize("language", ["de", "en"])
def test_participant_rows_match_the_template(event, registrations, language):
    rows = registration_list(event=event)
    with translation.override(language):
        expected = Template(PARTICIPANT_ROWS).render(Context({"registrations": rows}))
        assert _normal(participant_rows(rows)) == _normal(expected)


@pytest.mark.parametrize("htmx", [False, True])
def test_attendance_rows_match_the_row_partial(event, registrations, htmx):
    request = RequestFactory().get("/")
    query = 'Ada "A" <L>'
    rows = registration_list(event=event, active_only=True)
    expected = "".join(
        render_to_string(
            "events/manage/attendance.html#row",
            {"event": event, "registration": registration, "query": query, "htmx": htmx},
            request=request,
        )
        for registration in rows
    )
    built = attendance_rows(rows, event=event, csrf_token="token", query=query, htmx=htmx)
    assert len(rows) == 2
    assert _normal(built) == _normal(expected)


@pytest.mark.parametrize("active_only", [False, True])
@pytest.mark.parametrize("query", ["", "lovelace", "kusel"])
def test_registration_list_is_what_the_full_query_gave(
    event, registrations, active_only, query, django_assert_num_queries
):
    """The prepared list (no search) and the searched one load only some
    fields: the same registrations in the same order as the query with
    every field, and the rows, counts and export ask for nothing more."""
    from django.db.models import Case, Q, Value, When

    from ikone.events.exports import to_csv
    from ikone.events.models import Registration
    from ikone.events.selectors_manage import participant_counts, participant_table

    RegistrationFactory(event=EventFactory(), person=registrations[0].person)
    full = Registration.objects.filter(event=event).select_related("person", "organization")
    if active_only:
        full = full.filter(
            status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]
        )
    if query:
        full = full.filter(
            Q(person__name__icontains=query)
            | Q(person__email__icontains=query)
            | Q(organization__name__icontains=query)
        )
    order = Case(
        When(status=RegistrationStatus.CONFIRMED, then=Value(0)),
        When(status=RegistrationStatus.WAITLISTED, then=Value(1)),
        default=Value(2),
    )
    expected = list(full.order_by(order, "waitlisted_at", "person__name", "person__email", "pk"))

    with django_assert_num_queries(1):
        rows = registration_list(event=event, query=query, active_only=active_only)
    assert [row.pk for row in rows] == [row.pk for row in expected]
    assert rows
    with django_assert_num_queries(0):
        participant_rows(rows)
        participant_counts(rows)
        attendance_rows(rows, event=event, csrf_token="token", query=query, htmx=False)
    with django_assert_num_queries(1):
        to_csv(participant_table(event=event))
