"""The rows of /unterstuetzung/ and /unterstuetzung/warteschlange/ are
built in Python (`ikone.support.list_rows`); they must write what the
template loops wrote, up to whitespace: compared here with those loops
(their text from before the move), for every status, with and without
organisation, assignee, due date and membership, in both languages, and
on the pages as the requester, the organisation's people, the assigned
mentor and the coordination see them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from ikone.support import selectors
from ikone.support.forms import QueueFilterForm
from ikone.support.list_rows import queue_rows, request_rows
from ikone.support.models import Priority, Source, SupportRequest, Topic
from ikone.support.selectors import QueueFilters
from ikone.support.workflow import Status
from tests.applications.core_fixtures import *  # noqa: F403
from tests.core.helpers import sign_in
from tests.html import normalized_html

pytestmark = pytest.mark.django_db

# support/request_list.html's loop before the move.
LIST_ROWS = """{% load i18n %}{% for item in items %}
          <tr class="kern-table__row">
            <td class="kern-table__cell"><a class="kern-link" href="{{ item.get_absolute_url }}">{{ item.subject }}</a></td>
            <td class="kern-table__cell">{% include "support/includes/status_badge.html" %}</td>
            <td class="kern-table__cell">{{ item.organization.name|default:item.organization_name|default:"–" }}</td>
            <td class="kern-table__cell">{{ item.created_at|date:"j. F Y" }}</td>
          </tr>
        {% endfor %}"""

# support/queue.html's loop before the move; the labels were set by the view.
QUEUE_ROWS = """{% load i18n %}{% for item in items %}
              <tr class="kern-table__row">
                <td class="kern-table__cell"><a class="kern-link" href="{{ item.get_absolute_url }}">#{{ item.pk }} {{ item.subject }}</a></td>
                <td class="kern-table__cell"><span class="kern-badge{% if item.status == 'new' %} kern-badge--info{% elif item.status == 'waiting' %} kern-badge--warning{% elif item.status == 'solved' or item.status == 'closed' %} kern-badge--success{% endif %}"><span class="kern-label kern-label--small">{{ item.status_label }}</span></span></td>
                <td class="kern-table__cell">{{ item.topic_label }}</td>
                <td class="kern-table__cell">{{ item.organization.name|default:item.organization_name|default:item.requester_name }}{% if not item.is_member %} ({% translate "kein Mitglied" %}){% endif %}</td>
                <td class="kern-table__cell">{% if item.assignee %}{{ item.assignee.name|default:item.assignee.email }}{% else %}–{% endif %}</td>
                <td class="kern-table__cell">{{ item.priority_label }}</td>
                <td class="kern-table__cell">{{ item.due_date|date:"j. F Y"|default:"–" }}</td>
              </tr>
            {% endfor %}"""


# support/queue.html's filter fields before they were written by `form_field` directly.
FILTERS = """<div class="ikone-filters__group">
      {% include "components/field.html" with field=form.status %}
      {% include "components/field.html" with field=form.thema %}
      {% include "components/field.html" with field=form.zustaendig %}
      {% include "components/field.html" with field=form.prioritaet %}
      {% include "components/field.html" with field=form.mitglied %}
    </div>"""


def _old_queue_rows(items: list[SupportRequest]) -> str:
    for item in items:
        item.status_label = dict(Status.choices).get(item.status, item.status)  # type: ignore[attr-defined]
        item.topic_label = dict(Topic.choices).get(item.topic, item.topic)  # type: ignore[attr-defined]
        item.priority_label = dict(Priority.choices).get(item.priority, item.priority)  # type: ignore[attr-defined]
    return Template(QUEUE_ROWS).render(Context({"items": items}))


def _tbody(html: str) -> str:
    match = re.search(r'<tbody class="kern-table__body">(.*?)</tbody>', html, re.S)
    assert match, "no table on the page"
    return match.group(1)


@pytest.fixture
def every_kind(organization, staff_member, mentor, coordinator) -> list[SupportRequest]:
    """A request per status, from the platform and the contact form, with
    and without assignee (with and without a name), due date and membership;
    subjects and names with markup."""
    coordinator.name = ""
    coordinator.save(update_fields=["name"])
    organization.name = "Stadt <Astadt> & Co"
    organization.save(update_fields=["name"])
    created = []
    assignees = [None, mentor, coordinator]
    for number, status in enumerate(Status.values):
        for platform in (True, False):
            created.append(
                SupportRequest.objects.create(
                    topic=Topic.values[number % len(Topic.values)],
                    subject=f'Anfrage {number} "Eigenanteil" <b>&</b>',
                    message="…",
                    source=Source.PLATFORM if platform else Source.CONTACT,
                    status=status,
                    priority=Priority.values[number % len(Priority.values)],
                    requester=staff_member if platform else None,
                    requester_name="Petra <P.> Beispiel",
                    requester_email="petra@example.org",
                    organization=organization if platform else None,
                    organization_name="" if number % 2 else "Gemeinde <Bedorf>",
                    assignee=assignees[(number + platform) % 3],
                    due_date=dt.date(2027, 1 + number, 3 + number) if platform else None,
                    is_member=platform,
                )
            )
    # Received at the turn of a Berlin day (22:30 UTC in winter is the next day).
    SupportRequest.objects.filter(pk=created[0].pk).update(
        created_at=dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)
    )
    return created


@pytest.mark.parametrize("language", ["de", "en"])
def test_rows_match_the_templates(every_kind, coordinator, language):
    items = list(SupportRequest.objects.select_related("organization", "assignee").order_by("pk"))
    queue = list(selectors.queue_for(user=coordinator, filters=QueueFilters(status="all")))
    assert len(items) == len(queue) == 2 * len(Status.values)
    with translation.override(language):
        expected = Template(LIST_ROWS).render(Context({"items": items}))
        assert normalized_html(request_rows(items)) == normalized_html(expected)
        assert normalized_html(queue_rows(queue)) == normalized_html(_old_queue_rows(queue))
        if language == "en":
            assert "3. January 2027" in queue_rows(queue)
            assert "1. January 2027" in request_rows(items)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("who", ["staff_member", "contact_person", "mentor", "coordinator"])
def test_the_pages_show_the_rows_as_before(client, every_kind, who, language, request):
    user = request.getfixturevalue(who)
    sign_in(client, user)
    with translation.override(language):
        response = client.get(reverse("support:list"), HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        # The page's paginator only numbers pages (its rows come from a memo):
        # the first page of what the view lists.
        items = list(selectors.request_list_for(user=user)[:25])
        assert items, "every role sees some requests"
        expected = Template(LIST_ROWS).render(Context({"items": items}))
        assert normalized_html(_tbody(response.content.decode())) == normalized_html(expected)
        if who != "coordinator":
            return
        for query in ({}, {"status": "all"}, {"status": "all", "thema": Topic.PARTNER}):
            response = client.get(reverse("support:queue"), query, HTTP_ACCEPT_LANGUAGE=language)
            # The content comes from a memo (views.queue): the first page of
            # what the view lists, with the form it shows.
            form = QueueFilterForm(query)
            filters_of_form = form.to_filters()
            queue = list(selectors.queue_for(user=user, filters=filters_of_form)[:30])
            assert queue
            expected = _old_queue_rows(queue)
            assert normalized_html(_tbody(response.content.decode())) == normalized_html(expected)
            filters = Template(FILTERS).render(Context({"form": form}))
            assert normalized_html(filters) in normalized_html(response.content.decode())
