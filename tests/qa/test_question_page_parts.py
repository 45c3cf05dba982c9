"""The question page writes its answers, cited sections and the answer
form's section checkboxes in Python (`{% answer_cards %}`,
`{% cited_sections %}`, `{% choice_fieldset %}` in qa_tags, issue 15). They
must write what the template loop and the include templates wrote, up to
whitespace: compared part by part, and the whole page with the former
template (the loop and the includes) for every role and both languages."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template
from django.test import Client, override_settings
from django.utils import translation

from ikone.qa.forms import AnswerForm
from ikone.qa.models import QuestionFollow
from tests.core.helpers import sign_in
from tests.html import normalized_html
from tests.qa.factories import AnswerFactory, QuestionFactory

PAGE = Path(__file__).parents[2] / "src/ikone/qa/templates/qa/question_detail.html"

ANSWERS_LOOP = """    {% for item in answers %}
      {% with answer=item.answer %}
      <article class="kern-card" id="antwort-{{ answer.pk|unlocalize }}" aria-labelledby="antwort-{{ answer.pk|unlocalize }}-titel">
        <div class="kern-card__container">
          <div class="kern-card__header">
            <h3 class="kern-heading-small" id="antwort-{{ answer.pk|unlocalize }}-titel">
              {% if answer.is_official %}{% translate "Offizielle Auslegung" %}{% else %}{% blocktranslate with number=forloop.counter %}Antwort {{ number }}{% endblocktranslate %}{% endif %}
            </h3>
            <p class="kern-body kern-body--small">
              {% if can.see_names and answer.author %}{{ answer.author }}{% if answer.author.is_mentor %} ({% translate "Mentor:in" %}){% elif answer.author.is_coordinator %} ({% translate "Netzwerkkoordination" %}){% endif %}{% elif answer.author.is_mentor %}{% translate "Mentor:in" %}{% elif answer.author.is_coordinator %}{% translate "Netzwerkkoordination" %}{% endif %}
              {% if item.show_organization %} · {{ answer.organization.name }}{% endif %}
              · <time datetime="{{ answer.created_at|date:'c' }}">{{ answer.created_at|date:"DATETIME_FORMAT" }}</time>
            </p>
          </div>
          <div class="kern-card__body ikone-stack">
            {% if item.show_flag %}
              <div class="kern-alert kern-alert--warning" role="status">
                <div class="kern-alert__header"><span class="kern-title">{% translate "Auslegung prüfen" %}</span></div>
                <div class="kern-alert__body">
                  <p class="kern-body">{% blocktranslate with numbers=answer.review_numbers|join:", " %}Der Aufruf wurde geändert; diese Antwort zitiert die geänderten Abschnitte {{ numbers }}. Bitte bestätigen Sie, dass sie weiter gilt, oder passen Sie sie an.{% endblocktranslate %}</p>
                  <form method="post" action="{% url 'qa:answer_review_confirm' answer.pk %}" class="ikone-actions">{% csrf_token %}
                    <button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{% translate "Antwort gilt weiter" %}</span></button>
                    <a class="kern-link" href="{% url 'qa:answer_edit' answer.pk %}">{% translate "Antwort anpassen" %}</a>
                  </form>
                </div>
              </div>
            {% endif %}
            <div class="ikone-richtext">{{ answer.text|safe }}</div>
            {% translate "Stützt sich auf" as based_label %}
            {% cited_sections answer.cited_sections.all question.call based_label %}
            {% if item.can_edit or can.moderate %}
              <div class="ikone-actions">
                {% if item.can_edit %}<a class="kern-link" href="{% url 'qa:answer_edit' answer.pk %}">{% translate "Bearbeiten" %}</a>{% endif %}
                {% if can.moderate %}
                  <form method="post" action="{% url 'qa:answer_official' answer.pk %}" class="ikone-inline-form">{% csrf_token %}
                    {% if answer.is_official %}<input type="hidden" name="entfernen" value="1"><button type="submit" class="kern-btn kern-btn--tertiary"><span class="kern-label">{% translate "Offizielle Markierung entfernen" %}</span></button>
                    {% else %}<button type="submit" class="kern-btn kern-btn--secondary"><span class="kern-label">{% translate "Als offizielle Auslegung markieren" %}</span></button>{% endif %}
                  </form>
                {% endif %}
              </div>
            {% endif %}
          </div>
        </div>
      </article>
      {% endwith %}
    {% empty %}
      <p class="kern-body">{% translate "Noch keine Antwort." %}</p>
    {% endfor %}
"""

# The page's template as it was: the loop and the includes in place of the
# tags (the loop first: it holds the answers' cited_sections tag).
FORMER = {
    "{% answer_cards answers question can %}": ANSWERS_LOOP,
    "{% cited_sections question.cited_sections.all question.call cited_label %}": (
        '{% include "qa/includes/sections.html" with sections=question.cited_sections.all'
        " call=question.call label=cited_label %}"
    ),
    "{% cited_sections answer.cited_sections.all question.call based_label %}": (
        '{% include "qa/includes/sections.html" with sections=answer.cited_sections.all'
        " call=question.call label=based_label %}"
    ),
    '{% choice_fieldset answer_form.sections "checkbox" %}': (
        '{% include "qa/includes/choice_fieldset.html" with field=answer_form.sections'
        ' kind="checkbox" %}'
    ),
}


def _render(source: str, **context) -> str:
    return Template("{% load qa_tags %}" + source).render(Context(context))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_cited_sections_match_the_include(call, language):
    section = call.sections["3.2"]
    section.title = "Kosten <Personal> & Sachmittel"
    sections = [section, call.sections["3.1"]]
    with translation.override(language):
        for shown in (sections, []):
            former = _render(
                '{% include "qa/includes/sections.html" with sections=shown call=call'
                " label=label %}",
                shown=shown,
                call=call.call,
                label="Stützt sich auf <b>",
            )
            now = _render(
                "{% cited_sections shown call label %}",
                shown=shown,
                call=call.call,
                label="Stützt sich auf <b>",
            )
            assert normalized_html(now) == normalized_html(former)
            assert ("Kosten &lt;Personal&gt; &amp; Sachmittel" in now) == bool(shown)


class _Choices(forms.Form):
    sections = forms.MultipleChoiceField(
        choices=[(1, "1 Eins"), (2, "2 <Zwei>"), (30, "30 Drei")],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Mehrere möglich & <frei>",
    )
    one = forms.ChoiceField(
        choices=[("a", "A"), ("b", "B"), ("a", "A again")],
        widget=forms.RadioSelect,
        label="Eine <Wahl>",
    )


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_choice_fieldset_matches_the_include(call, language):
    sections = list(call.sections.values())
    forms_ = [
        AnswerForm(sections=sections),
        AnswerForm({"text": "", "sections": [sections[1].pk, sections[-1].pk]}, sections=sections),
        AnswerForm({"text": "x", "sections": ["999999"]}, sections=sections),
        _Choices(),
        _Choices({"sections": ["2", "30"], "one": "a"}),
        _Choices({"sections": ["5"]}),
    ]
    with translation.override(language):
        for form in forms_:
            form.is_valid()
            for name, kind in (("sections", "checkbox"), ("one", "radio")):
                if name not in form.fields:
                    continue
                field = form[name]
                former = _render(
                    '{% include "qa/includes/choice_fieldset.html" with field=field kind=kind %}',
                    field=field,
                    kind=kind,
                )
                now = _render("{% choice_fieldset field kind %}", field=field, kind=kind)
                assert normalized_html(now) == normalized_html(former)


def _former_templates(tmp_path: Path) -> list[dict]:
    source = PAGE.read_text()
    for now, former in FORMER.items():
        assert now in source
        source = source.replace(now, former)
    (tmp_path / "qa").mkdir()
    (tmp_path / "qa/question_detail.html").write_text(source)
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [str(tmp_path), *templates[0]["DIRS"]]
    return templates


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_question_page_matches_the_former_template(
    call, organization, staff_member, other_staff, mentor, coordinator, tmp_path, language
):
    question = QuestionFactory(call=call.call, organization=organization, author=staff_member)
    question.cited_sections.add(call.sections["3.2"], call.sections["3.1"])
    QuestionFollow.objects.create(question=question, user=staff_member)
    answer = AnswerFactory(question=question, author=mentor, organization=organization)
    answer.cited_sections.add(call.sections["3.1"])
    AnswerFactory(question=question, author=coordinator, is_official=True)
    # Flagged after an amendment ("Auslegung prüfen"), by the asking staff.
    AnswerFactory(
        question=question,
        author=staff_member,
        organization=organization,
        text="<p>Nur &amp; <em>teilweise</em></p>",
        needs_review=True,
        review_numbers=["3.1", "3.<2>"],
    )
    AnswerFactory(question=question, author=None)
    bare = QuestionFactory(call=call.call)
    former_templates = _former_templates(tmp_path)
    pages = []
    for user in (None, staff_member, other_staff, mentor, coordinator):
        client = Client()
        if user is not None:
            sign_in(client, user)
        for shown in (question, bare):
            url = shown.get_absolute_url()
            now = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            with override_settings(TEMPLATES=former_templates):
                former = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert now.status_code == former.status_code == 200
            assert normalized_html(now.content.decode()) == normalized_html(
                former.content.decode()
            )
            pages.append(now.content.decode())
    # Every branch of the cards was written: the review flag, the moderation
    # forms, an answer without author.
    assert any("3.&lt;2&gt;" in page for page in pages)
    assert any('name="entfernen"' in page for page in pages)
