"""The criteria page's table rows and criterion sections are built in
Python (`ikone.applications.criteria_rows`); they must write what the
loops of `applications/criteria.html` wrote, up to whitespace: compared
here with that template (its loops from before the move) as whole pages
for the organisation (forms), a shared mentor (mentor forms), a
coordinator of a network-shared draft (read only) and a form sent with an
error, in both languages."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from ikone.applications.models import Draft, DraftMentor, MentorAssessment
from ikone.applications.services.checklist import self_assessment_save
from ikone.applications.services.review import mentor_assessment_save
from ikone.calls.models import EvaluationCriterion
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403
from tests.html import normalized_html

PAGE = Path(__file__).parents[2] / "src/ikone/applications/templates/applications/criteria.html"

TABLE_LOOP = """{% for entry in rows %}{% with row=entry.row %}
              <tr class="kern-table__row">
                <th class="kern-table__cell" scope="row"><a class="kern-link" href="#kriterium-{{ row.criterion.pk|unlocalize }}">{{ row.criterion.title }}</a>{% if row.retired %} <span class="kern-badge kern-badge--warning"><span class="kern-label kern-label--small">{% translate "nicht mehr gefordert" %}</span></span>{% endif %}</th>
                <td class="kern-table__cell">{% if row.covered %}{% for section in row.sections %}{{ section.title }}{% if not forloop.last %}, {% endif %}{% endfor %}{% elif row.retired %}–{% else %}<span class="kern-badge kern-badge--danger"><span class="kern-label kern-label--small">{% translate "nicht abgedeckt" %}</span></span>{% endif %}</td>
                <td class="kern-table__cell">{% if row.assessment.self_score is not None %}{{ row.assessment.self_score }} / 3{% else %}–{% endif %}</td>
                <td class="kern-table__cell">{% for given in row.mentor_assessments %}{% if given.score is not None %}{{ given.score }} / 3 ({% if given.mentor %}{{ given.mentor }}{% else %}{% translate "ehemalige:r Mentor:in" %}{% endif %}){% if not forloop.last %}<br>{% endif %}{% endif %}{% empty %}–{% endfor %}</td>
              </tr>
            {% endwith %}{% endfor %}"""

SECTION_LOOP = """{% for entry in rows %}{% with row=entry.row %}
      <section id="kriterium-{{ row.criterion.pk|unlocalize }}" class="ikone-stack ikone-criterion{% if not row.covered and not row.retired %} ikone-criterion--uncovered{% endif %}" aria-labelledby="kriterium-{{ row.criterion.pk|unlocalize }}-titel">
        <h2 class="kern-heading-small" id="kriterium-{{ row.criterion.pk|unlocalize }}-titel">{% if row.criterion.group %}{{ row.criterion.group }}: {% endif %}{{ row.criterion.title }}{% if row.criterion.weight %} ({% blocktranslate with weight=row.criterion.weight|floatformat:"-2" %}Gewichtung {{ weight }}{% endblocktranslate %}){% endif %}</h2>
        {% if row.retired %}<p class="kern-body"><span class="kern-badge kern-badge--warning"><span class="kern-label kern-label--small">{% translate "nicht mehr gefordert" %}</span></span> {% translate "Der Förderaufruf nennt dieses Kriterium nicht mehr. Die Einschätzungen bleiben erhalten." %}</p>{% endif %}
        {% if row.criterion.description %}<p class="kern-body ikone-text-preview">{{ row.criterion.description }}</p>{% endif %}
        {% if not row.covered and not row.retired %}<p class="kern-body ikone-missing">{% translate "Noch kein Abschnitt behandelt dieses Kriterium." %}</p>{% endif %}
        {% if entry.self_form %}
          <form method="post" class="ikone-form" novalidate>
            {% csrf_token %}
            <input type="hidden" name="kriterium" value="{{ row.criterion.pk|unlocalize }}">
            {% include "components/form.html" with form=entry.self_form %}
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{% translate "Speichern" %}</span></button>
          </form>
        {% else %}
          <p class="kern-body">{% translate "Selbsteinschätzung" %}: {% if row.assessment.self_score is not None %}{{ row.assessment.get_self_score_display }}{% else %}–{% endif %}{% if row.assessment.self_note %}<br><span class="ikone-text-preview">{{ row.assessment.self_note }}</span>{% endif %}</p>
        {% endif %}
        {% if entry.mentor_form %}
          <form method="post" class="ikone-form" novalidate>
            {% csrf_token %}
            <input type="hidden" name="kriterium" value="{{ row.criterion.pk|unlocalize }}">
            {% include "components/form.html" with form=entry.mentor_form %}
            <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{% translate "Einschätzung speichern" %}</span></button>
          </form>
        {% endif %}
        {% if row.mentor_assessments %}
          <h3 class="kern-heading-small">{% translate "Einschätzungen der Mentor:innen" %}</h3>
          <ul class="kern-list">
            {% for given in row.mentor_assessments %}
              <li>{% if given.mentor %}{{ given.mentor }}{% else %}{% translate "ehemalige:r Mentor:in" %}{% endif %}: {% if given.score is not None %}{{ given.get_score_display }}{% else %}–{% endif %}{% if given.note %}<br><span class="ikone-text-preview">{{ given.note }}</span>{% endif %}</li>
            {% endfor %}
          </ul>
        {% endif %}
      </section>
    {% endwith %}{% endfor %}"""


def _former_templates(tmp_path: Path) -> list[dict]:
    source = PAGE.read_text()
    for new, old in (
        ("{{ html.matrix_rows }}", TABLE_LOOP),
        ("{{ html.sections }}", SECTION_LOOP),
    ):
        assert new in source
        source = source.replace(new, old)
    source = source.replace("{% load i18n partials %}", "{% load l10n i18n static partials %}", 1)
    (tmp_path / "applications").mkdir(parents=True)
    (tmp_path / "applications/criteria.html").write_text(source)
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [str(tmp_path), *templates[0]["DIRS"]]
    return templates


@pytest.fixture
def assessed(workshop_draft, criteria, mentor, mentor_share, second_mentor, staff_member):
    """Every kind of row: group, weight, description with markup, a retired
    criterion with work on it (and one without), linked sections, notes,
    scored and unscored mentors, a deleted mentor's assessment."""
    DraftMentor.objects.create(draft=workshop_draft, mentor=second_mentor, shared_by=staff_member)
    first, second, third = criteria
    EvaluationCriterion.objects.filter(pk=first.pk).update(
        group="Strategie & <Ziele>", weight=Decimal("1.50"), description='Wie "gut" & <b>klar</b>?'
    )
    EvaluationCriterion.objects.filter(pk=second.pk).update(weight=Decimal("2"))
    sections = list(workshop_draft.sections.order_by("position"))
    self_assessment_save(
        draft=workshop_draft,
        criterion=first,
        sections=[sections[3], sections[0]],
        score=2,
        note="Gut <belegt> & mehr",
        actor=Actor(user=staff_member),
    )
    self_assessment_save(
        draft=workshop_draft,
        criterion=third,
        sections=[],
        score=0,
        note="",
        actor=Actor(user=staff_member),
    )
    for criterion, who, score, note in (
        (first, mentor, 1, "Zu <vage>"),
        (first, second_mentor, None, ""),
        (second, second_mentor, 3, "Überzeugend"),
        (second, mentor, None, "Noch offen"),
        (third, mentor, 2, ""),
        (third, second_mentor, 1, "Knapp"),
    ):
        mentor_assessment_save(
            draft=workshop_draft,
            criterion=criterion,
            score=score,
            note=note,
            actor=Actor(user=who),
        )
    retired = EvaluationCriterion.objects.create(
        call=workshop_draft.call, title="Alt <Kriterium>", position=9, retired=True
    )
    EvaluationCriterion.objects.create(
        call=workshop_draft.call, title="Alt, ohne Arbeit", position=10, retired=True
    )
    MentorAssessment.objects.create(
        draft=workshop_draft, criterion=retired, mentor=None, score=2, note="Ehemals"
    )
    return workshop_draft


def _compare(client, url, tmp_path, language, data=None):
    former_templates = _former_templates(tmp_path)

    def send():
        if data:
            return client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
        return client.get(url, HTTP_ACCEPT_LANGUAGE=language)

    now = send()
    # The page's content is a memo (views._helpers.content_html): the former
    # template must render it anew.
    cache.clear()
    with override_settings(TEMPLATES=former_templates):
        former = send()
    assert now.status_code == former.status_code
    content = now.content.decode()
    assert normalized_html(content) == normalized_html(former.content.decode())
    return content


@pytest.mark.parametrize("language", ["de", "en"])
def test_criteria_page_matches_the_former_loops(
    assessed, staff_member, mentor, coordinator, as_user, tmp_path, language
):
    url = reverse("applications:criteria", kwargs={"pk": assessed.pk})
    staff = _compare(as_user(staff_member), url, tmp_path / "staff", language)
    assert "Strategie &amp; &lt;Ziele&gt;" in staff
    assert staff.count('name="csrfmiddlewaretoken"') >= 4
    assert "Alt &lt;Kriterium&gt;" in staff and "Alt, ohne Arbeit" not in staff
    mentor_page = _compare(as_user(mentor), url, tmp_path / "mentor", language)
    assert "Zu &lt;vage&gt;</textarea>" in mentor_page
    Draft.objects.filter(pk=assessed.pk).update(shared_with_network=True)
    read_only = _compare(as_user(coordinator), url, tmp_path / "coordinator", language)
    assert "Gut &lt;belegt&gt; &amp; mehr" in read_only
    assert '<form method="post" class="ikone-form"' not in read_only


@pytest.mark.parametrize("language", ["de", "en"])
def test_criteria_page_with_a_refused_form_matches_the_former_loops(
    assessed, criteria, staff_member, as_user, tmp_path, language
):
    criterion = criteria[1]
    url = reverse("applications:criteria", kwargs={"pk": assessed.pk})
    data = {
        "kriterium": criterion.pk,
        f"k{criterion.pk}-score": "7",
        f"k{criterion.pk}-note": "Bleibt <stehen>",
    }
    content = _compare(as_user(staff_member), url, tmp_path, language, data)
    assert "Bleibt &lt;stehen&gt;</textarea>" in content
    assert 'aria-invalid="true"' in content
