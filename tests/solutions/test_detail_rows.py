"""A profile's facts and adopters are written in Python
(`ikone.solutions.detail_rows`, issue 15); they must write what the includes
and the loop of `solutions/solution_detail.html` wrote, up to whitespace:
every fact set and unset, every adoption status, with and without a start
month and an experience text, names and texts that need escaping or
cleaning, in both languages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.template import engines
from django.utils import translation

from ikone.accounts.models import Organization
from ikone.core.models import FieldOfAction
from ikone.solutions.detail_rows import adoption_items, solution_facts
from ikone.solutions.models import Adoption, AdoptionStatus, Licence, ModelProject
from ikone.solutions.models.choices import Effort, ModelProjectCategory
from tests.html import normalized_html
from tests.solutions.factories import SolutionFactory

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


FORMER_FACTS = """{% load i18n solutions_tags %}
    {% include "solutions/includes/fact.html" with key=_("Organisationen") value=solution.organizations.all|join:", " %}
    {% include "solutions/includes/fact.html" with key=_("Handlungsfelder") value=solution.fields_of_action.all|join:", " %}
    {% include "solutions/includes/fact.html" with key=_("Stand") value=solution.get_status_display %}
    {% include "solutions/includes/fact.html" with key=_("Startjahr") value=solution.start_year %}
    {% include "solutions/includes/fact.html" with key=_("Kosten") value=solution.costs_eur|euro note=solution.costs_note %}
    {% include "solutions/includes/fact.html" with key=_("Förderprogramm") value=solution.funding_programme %}
    {% include "solutions/includes/fact.html" with key=_("Fördersumme") value=solution.funding_eur|euro link=solution.funding_source_url %}
    {% include "solutions/includes/fact.html" with key=_("Lizenz") value=solution.get_licence_display %}
    {% include "solutions/includes/fact.html" with key=_("Code-Repository") value=solution.code_repository link=solution.code_repository %}
    {% include "solutions/includes/fact.html" with key=_("Datenstandards") value=solution.data_standards %}
    {% include "solutions/includes/fact.html" with key=_("Schnittstellen") value=solution.interfaces %}
    {% include "solutions/includes/fact.html" with key=_("Passt zu") value=solution|size_labels %}
    {% include "solutions/includes/fact.html" with key=_("Aufwand der Übernahme") value=solution.get_adoption_effort_display %}
    {% include "solutions/includes/fact.html" with key=_("Kontakt") value=solution.contact_name link=solution.contact_email|mailto %}
    {% if solution.model_project %}
      {% include "solutions/includes/fact.html" with key=_("Modellprojekt Smart Cities") value=solution.model_project link=solution.model_project.organization.get_absolute_url %}
    {% endif %}
"""


@pytest.fixture
def profiles(db):
    """A profile with every fact (texts that need escaping, line breaks,
    amounts, links, a model project) and one with none."""
    owner = Organization.objects.create(name="Stadt <Ulm> & Land", slug="stadt-ulm")
    project = ModelProject.objects.create(
        organization=owner,
        name='Modellprojekt "Ulm" & <mehr>',
        kind_label="Stadt",
        round_year=2019,
        category=ModelProjectCategory.values[0],
    )
    full = SolutionFactory(
        title="Alles drin",
        start_year=2019,
        costs_eur=Decimal("1250000"),
        costs_note="je Jahr <netto>",
        funding_programme="Smart Cities & <Co>",
        funding_eur=Decimal("300000"),
        funding_source_url="https://example.org/?a=1&b=2",
        licence=Licence.EUPL,
        code_repository="https://gitlab.opencode.de/x?y=1&z=2",
        data_standards="XÖV & <OParl>\nzweite Zeile",
        interfaces="REST",
        suits_sizes=["village", "small_town"],
        adoption_effort=Effort.MEDIUM,
        contact_name='Ada "A" <Lovelace>',
        contact_email="ada@example.org",
        model_project=project,
    )
    full.organizations.add(owner, Organization.objects.create(name="Kreis B", slug="kreis-b"))
    full.fields_of_action.add(*FieldOfAction.objects.order_by("position")[:2])
    empty = SolutionFactory(
        title="Nichts drin",
        start_year=None,
        licence="",
        suits_sizes=[],
        funding_programme="",
        contact_name="",
        contact_email="x@example.org",
    )
    return [full, empty]


@pytest.mark.parametrize("language", ["de", "en"])
def test_facts_match_the_former_includes(profiles, language):
    with translation.override(language):
        for solution in profiles:
            former = engines["django"].from_string(FORMER_FACTS).render({"solution": solution})
            now = solution_facts(solution)
            assert normalized_html(now) == normalized_html(former)
    full = solution_facts(profiles[0])
    assert "Stadt &lt;Ulm&gt; &amp; Land" in full
    assert "<br>" in full
    assert 'href="https://example.org/?a=1&amp;b=2"' in full
