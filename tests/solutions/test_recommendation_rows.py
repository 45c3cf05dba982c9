"""The catalogue's recommended and cited solutions are written in Python
(`ikone.solutions.recommendation_rows`, issue 15); they must write what the
template loops of the recommendations page and of a draft section's panel
wrote, up to whitespace: compared with those loops (their text from before
the move), with and without the right to cite, in both languages."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from ikone.solutions.models import Solution
from ikone.solutions.recommendations import Recommendation
from tests.html import normalized_html

TEMPLATES = Path(__file__).parents[2] / "src/ikone/solutions/templates/solutions"

FORMER_CITED = """      {% for citation in data.cited %}
        <li>
          <a class="kern-link" href="{{ citation.solution.get_absolute_url }}">{{ citation.solution.title }}</a>
          {% if data.can_cite %}
            <form method="post" action="{% url 'solutions:citation_remove' data.section.pk %}" class="ikone-inline-form">
              {% csrf_token %}
              <input type="hidden" name="loesung" value="{{ citation.solution.slug }}">
              <button type="submit" class="kern-btn kern-btn--tertiary"><span class="kern-label">{% blocktranslate with title=citation.solution.title %}„{{ title }}“ nicht mehr zitieren{% endblocktranslate %}</span></button>
            </form>
          {% endif %}
        </li>
      {% endfor %}
"""
FORMER_RECOMMENDED = """      {% for result in data.recommended %}
        <li>
          <a class="kern-link" href="{{ result.solution.get_absolute_url }}">{{ result.solution.title }}</a>
          <span class="kern-body kern-body--small">{% translate "Warum:" %} {{ result.reasons|join:"; " }}</span>
          {% if data.can_cite %}
            <form method="post" action="{% url 'solutions:citation_add' data.section.pk %}" class="ikone-inline-form">
              {% csrf_token %}
              <input type="hidden" name="loesung" value="{{ result.solution.slug }}">
              <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{% blocktranslate with title=result.solution.title %}„{{ title }}“ zitieren{% endblocktranslate %}</span></button>
            </form>
          {% endif %}
        </li>
      {% endfor %}
"""
FORMER_RESULTS = """        {% for result in results %}
          <li class="ikone-stack">
            <h2 class="kern-heading-small"><a class="kern-link" href="{{ result.solution.get_absolute_url }}">{{ result.solution.title }}</a></h2>
            <p class="kern-body">{{ result.solution.summary }}</p>
            <p class="kern-body kern-body--small">{% translate "Warum:" %} {{ result.reasons|join:"; " }}</p>
          </li>
        {% endfor %}
"""


def _solutions() -> list[Solution]:
    return [
        Solution(slug="smart-village-app", title='Smart "Village" <App> & Co', summary="A <b>"),
        Solution(slug="parken_2", title="Parken", summary=""),
    ]


def _results() -> list[Recommendation]:
    first, second = _solutions()
    return [
        Recommendation(solution=first, reasons=["gleiche <Handlungsfelder>", "offene Lizenz"]),
        Recommendation(solution=second, reasons=[]),
    ]


def _render(text: str, **context) -> str:
    return Template(text).render(Context({"csrf_token": "token-abc", **context}))


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("can_cite", [True, False])
def test_panel_matches_the_former_loops(language, can_cite):
    panel = (TEMPLATES / "includes/section_panel.html").read_text()
    former = panel.replace("      {% panel_cited_items data %}\n", FORMER_CITED).replace(
        "      {% panel_recommended_items data %}\n", FORMER_RECOMMENDED
    )
    assert former != panel
    assert "panel_" not in former.replace("panel.context", "")
    data = {
        "cited": [SimpleNamespace(solution=solution) for solution in _solutions()],
        "recommended": _results(),
        "can_cite": can_cite,
        "section": SimpleNamespace(pk=4711),
    }
    with translation.override(language):
        now = _render(panel, panel=SimpleNamespace(context=data))
        before = _render(former, panel=SimpleNamespace(context=data))
    assert normalized_html(now) == normalized_html(before)
    assert ("Smart &quot;Village&quot; &lt;App&gt; &amp; Co" in now) is True
    assert ('name="loesung" value="parken_2"' in now) is can_cite


@pytest.mark.parametrize("language", ["de", "en"])
def test_recommendations_match_the_former_loop(language):
    with translation.override(language):
        now = _render(
            "{% load solutions_tags %}{% recommendation_items results %}", results=_results()
        )
        before = _render("{% load i18n %}" + FORMER_RESULTS, results=_results())
    assert normalized_html(now) == normalized_html(before)
    assert "gleiche &lt;Handlungsfelder&gt;; offene Lizenz" in now
