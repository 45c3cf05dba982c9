"""The directory's tables are written in Python
(`ikone.municipalities.unit_rows`); they must write what the include
`municipalities/includes/unit_table.html` wrote, up to whitespace: with and
without the region columns, members and others, units without type label,
population, Kreis or Land, and names that need escaping, in both
languages."""

from __future__ import annotations

import pytest
from django.template import engines
from django.utils import translation

from ikone.municipalities.models import Level, Municipality
from ikone.municipalities.unit_rows import unit_table
from tests.html import normalized_html

FORMER_INCLUDE = """{% load i18n %}
<div class="kern-table-responsive">
  <table class="kern-table kern-table--striped">
    <caption class="kern-title">{{ caption }}</caption>
    <thead class="kern-table__head">
      <tr class="kern-table__row">
        <th scope="col" class="kern-table__header">{% translate "Name" %}</th>
        <th scope="col" class="kern-table__header">{% translate "Art" %}</th>
        {% if show_region %}
          <th scope="col" class="kern-table__header">{% translate "Kreis" %}</th>
          <th scope="col" class="kern-table__header">{% translate "Land" %}</th>
        {% endif %}
        <th scope="col" class="kern-table__header kern-table__header--numeric">{% translate "Einwohner" %}</th>
        <th scope="col" class="kern-table__header">{% translate "Netzwerk" %}</th>
      </tr>
    </thead>
    <tbody class="kern-table__body">
      {% for unit in units %}
        <tr class="kern-table__row">
          <th scope="row" class="kern-table__cell"><a class="kern-link" href="{% url 'municipalities:detail' unit.ags %}">{{ unit.name }}</a></th>
          <td class="kern-table__cell">{{ unit.type_label|default:unit.get_level_display }}</td>
          {% if show_region %}
            <td class="kern-table__cell">{{ unit.district.name|default:"–" }}</td>
            <td class="kern-table__cell">{{ unit.state.name|default:"–" }}</td>
          {% endif %}
          <td class="kern-table__cell kern-table__cell--numeric">{{ unit.population|default_if_none:"–" }}</td>
          <td class="kern-table__cell">
            {% if unit.is_member %}
              <span class="kern-badge kern-badge--success kern-badge--small"><span class="kern-label kern-label--small">{% translate "Mitglied" %}</span></span>
            {% else %}
              <span class="kern-sr-only">{% translate "kein Mitglied" %}</span>
            {% endif %}
          </td>
        </tr>
      {% endfor %}
    </tbody>
  </table>
</div>
"""


def _units() -> list[Municipality]:
    state = Municipality(ags="07", level=Level.STATE, name="Rheinland-Pfalz")
    district = Municipality(ags="07335", level=Level.DISTRICT, name="Kaiserslautern <Land> & Co")
    units = [
        Municipality(ags="07", level=Level.STATE, name="Rheinland-Pfalz", population=4_129_569),
        Municipality(
            ags="07335", level=Level.DISTRICT, name="Kaiserslautern", type_label="Landkreis"
        ),
        Municipality(
            ags="073355002", level=Level.ASSOCIATION, name='Weilerbach "VG"', population=0
        ),
        Municipality(
            ags="07335004",
            level=Level.MUNICIPALITY,
            name="Bruchmühlbach-Miesau",
            type_label="Gemeinde <alt>",
            population=7_512,
        ),
    ]
    for number, unit in enumerate(units):
        unit.is_member = number % 2 == 1
        unit.state_name = unit.district_name = None
        if number >= 2:
            unit.state = state
            unit.district = district
            # As selectors.municipality_table_list annotates them.
            unit.state_name, unit.district_name = state.name, district.name
    return units


@pytest.mark.parametrize("show_region", [True, False])
@pytest.mark.parametrize("language", ["de", "en"])
def test_unit_table_matches_the_former_include(language, show_region):
    units = _units()
    caption = "Kommunen, Seite 1 von 2 <&>"
    with translation.override(language):
        former = (
            engines["django"]
            .from_string(FORMER_INCLUDE)
            .render({"units": units, "caption": caption, "show_region": show_region})
        )
        now = unit_table(units, caption, show_region=show_region)
    assert normalized_html(now) == normalized_html(former)
    assert "4.129.569" in now or "4,129,569" in now
    if show_region:
        assert "Kaiserslautern &lt;Land&gt; &amp; Co" in now
