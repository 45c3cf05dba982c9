"""A profile's adopters are written in Python (`ikone.solutions.detail_rows`,
issue 15); they must write what the loop of `solutions/solution_detail.html`
wrote, up to whitespace: every status, with and without a start month and
an experience text, names and texts that need escaping or cleaning, in both
languages."""

from __future__ import annotations

from datetime import date

import pytest
from django.template import engines
from django.utils import translation

from ikone.accounts.models import Organization
from ikone.solutions.detail_rows import adoption_items
from ikone.solutions.models import Adoption, AdoptionStatus
from tests.html import normalized_html

FORMER_LOOP = """{% load i18n core_tags solutions_tags %}
        {% for adoption in adoptions %}
          <li class="ikone-stack">
            <p class="kern-body"><a class="kern-link" href="{{ adoption.organization.get_absolute_url }}">{{ adoption.organization.name }}</a> – {{ adoption.get_status_display }}{% if adoption.since %} {% blocktranslate with since=adoption.since|long_date:"month" %}seit {{ since }}{% endblocktranslate %}{% endif %}</p>
            {% if adoption.experience %}<div class="ikone-richtext">{{ adoption.experience|rich }}</div>{% endif %}
          </li>
        {% endfor %}
"""


def _adoptions() -> list[Adoption]:
    organizations = [
        Organization(name='Stadt <A> & "B"', slug="stadt-a-b"),
        Organization(name="Landkreis Süd", slug="landkreis-sued"),
        Organization(name="Gemeinde Ümlaut", slug="gemeinde-uemlaut"),
    ]
    experiences = [
        "",
        "<p>Gut <strong>gelaufen</strong> &amp; günstig</p>",
        "<p>Mit <script>alert(1)</script> Skript</p>",
        "Nur Text & <b>fett</b>",
    ]
    adoptions = []
    for number, status in enumerate([*AdoptionStatus.values, "unbekannt"]):
        adoptions.append(
            Adoption(
                organization=organizations[number % len(organizations)],
                status=status,
                since=date(2021 + number, 1 + number * 3, 15) if number % 2 else None,
                experience=experiences[number % len(experiences)],
            )
        )
    return adoptions


@pytest.mark.parametrize("language", ["de", "en"])
def test_adopters_match_the_former_loop(language):
    adoptions = _adoptions()
    with translation.override(language):
        former = engines["django"].from_string(FORMER_LOOP).render({"adoptions": adoptions})
        now = adoption_items(adoptions)
    assert normalized_html(now) == normalized_html(former)
    assert "Stadt &lt;A&gt; &amp; &quot;B&quot;" in now
    assert "<script>" not in now


def test_no_adopters_write_nothing():
    assert adoption_items([]) == ""
