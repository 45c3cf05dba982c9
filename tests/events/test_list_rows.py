"""The cards of /veranstaltungen/ are written in Python
(`ikone.events.list_rows`, issue 15); they must write what the include
`events/includes/event_card.html` (with its status badge) wrote, up to
whitespace: published, cancelled and draft events, with and without place,
summary, series, fields of action and places (free, booked out, grouped
digits), one-day and multi-day, texts that need escaping, in both languages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.template import engines
from django.utils import timezone, translation

from ikone.core.models import FieldOfAction
from ikone.events import selectors
from ikone.events.list_rows import event_cards
from ikone.events.models import EventFormat, EventSeries, EventStatus
from tests.accounts.factories import UserFactory
from tests.events.factories import EventFactory, RegistrationFactory
from tests.html import normalized_html

# The include of every card (and the badge it included) before the cards moved to Python.
FORMER_CARD = """{% load i18n event_tags %}{% for event in events %}
<li>
  <article class="kern-card">
    <div class="kern-card__container">
      <header class="kern-card__header">
        <h2 class="kern-title"><a class="kern-link" href="{{ event.get_absolute_url }}">{{ event.title }}</a></h2>
        <p class="kern-body kern-body--small">
{% if event.status == "cancelled" %}<span class="kern-badge kern-badge--danger"><span class="kern-label">{% translate "Abgesagt" %}</span></span>{% elif event.status == "draft" %}<span class="kern-badge kern-badge--warning"><span class="kern-label">{% translate "Entwurf" %}</span></span>{% endif %}
 {{ event|when }} · {{ event.get_format_display }}{% if event.place %} · {{ event.place }}{% endif %}</p>
      </header>
      <div class="kern-card__body">
        {% if event.summary %}<p class="kern-body">{{ event.summary }}</p>{% endif %}
        <p class="kern-body kern-body--small">
          {% if event.series %}{% translate "Reihe" %}: {{ event.series.title }}{% endif %}
          {% for field in event.fields_of_action.all %}{% if forloop.first %}{% if event.series %} · {% endif %}{% translate "Handlungsfelder" %}: {% endif %}{{ field.label }}{% if not forloop.last %}, {% endif %}{% endfor %}
        </p>
        {% if event.capacity and event.status == "published" %}
          <p class="kern-body kern-body--small">{% if event.confirmed_count >= event.capacity %}{% translate "Ausgebucht – Anmeldung auf die Warteliste möglich" %}{% else %}{% blocktranslate with taken=event.confirmed_count total=event.capacity trimmed %}{{ taken }} von {{ total }} Plätzen belegt{% endblocktranslate %}{% endif %}</p>
        {% endif %}
      </div>
    </div>
  </article>
</li>{% endfor %}
"""


@pytest.fixture
def events(db):
    series = EventSeries.objects.create(title="Reihe <Smart> & City", slug="reihe")
    fields = list(FieldOfAction.objects.order_by("position")[:2])
    FieldOfAction.objects.filter(pk=fields[0].pk).update(label="Mobilität & <Verkehr>")
    soon = timezone.now() + timedelta(days=3)
    EventFactory(
        title='Workshop <eins> & "zwei"',
        place="Rathaus <Saal> & Foyer",
        format=EventFormat.ONSITE,
        summary="Kurz & <knapp>",
        series=series,
        capacity=1500,
    ).fields_of_action.set(fields)
    booked_out = EventFactory(capacity=1, format=EventFormat.HYBRID, summary="", series=series)
    RegistrationFactory(event=booked_out)
    EventFactory(
        status=EventStatus.CANCELLED, capacity=20, starts_at=soon, ends_at=soon + timedelta(days=2)
    ).fields_of_action.set(fields[:1])
    EventFactory(status=EventStatus.DRAFT, title="Entwurf <neu>", capacity=5)
    EventFactory(capacity=None, place="")


@pytest.mark.parametrize("language", ["de", "en"])
def test_cards_match_the_former_include(events, language):
    rows = list(
        selectors.event_list(
            user=UserFactory(is_coordinator=True), filters=selectors.EventFilters()
        )
    )
    assert len(rows) == 5
    with translation.override(language):
        former = engines["django"].from_string(FORMER_CARD).render({"events": rows})
        now = event_cards(rows)
    assert normalized_html(now) == normalized_html(former)
    assert "Workshop &lt;eins&gt; &amp; &quot;zwei&quot;" in now
    assert "1.500" in now or "1,500" in now
    assert "Mobilität &amp; &lt;Verkehr&gt;" in now


def test_no_events_write_nothing():
    assert event_cards([]) == ""
