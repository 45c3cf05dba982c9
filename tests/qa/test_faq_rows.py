"""The sections of a call's FAQ page are written in Python
(`ikone.qa.faq_rows`); they must write what the template loop of
`qa/call_faq.html` wrote, up to whitespace: compared here with that loop
(its text from before the move), with and without a section, with an
explanation that needs escaping and line breaks, a flagged entry, links
only to visible questions, for coordinators and others, in both languages."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from ikone.core.audit import Actor
from ikone.qa import services
from ikone.qa.faq_rows import faq_sections
from ikone.qa.models import FAQEntry
from ikone.qa.selectors_faq import faq_groups
from ikone.qa.views._helpers import call_url
from tests.html import normalized_html

LOOP = """{% load l10n i18n qa_tags %}{% for group in groups %}
    <section class="ikone-stack" aria-labelledby="faq-gruppe-{{ forloop.counter }}">
      <h2 class="kern-heading-medium" id="faq-gruppe-{{ forloop.counter }}">{% if group.number %}<a class="kern-link" href="{{ call|call_link }}#{{ group.anchor }}">{{ group.number }} {{ group.title }}</a>{% else %}{% translate "Allgemeine Fragen" %}{% endif %}</h2>
      {% for entry in group.entries %}
        <article class="kern-card" id="faq-{{ entry.pk|unlocalize }}" aria-labelledby="faq-{{ entry.pk|unlocalize }}-titel">
          <div class="kern-card__container">
            <div class="kern-card__header"><h3 class="kern-heading-small" id="faq-{{ entry.pk|unlocalize }}-titel">{{ entry.title }}</h3></div>
            <div class="kern-card__body ikone-stack">
              {% if can_moderate and entry.needs_review %}<p class="kern-body"><span class="kern-badge kern-badge--warning"><span class="kern-label kern-label--small">{% translate "Auslegung prüfen" %}</span></span></p>{% endif %}
              {% if entry.question_text %}<div class="ikone-text">{{ entry.question_text|linebreaks }}</div>{% endif %}
              <div class="ikone-richtext">{{ entry.answer_text|safe }}</div>
              <p class="kern-body kern-body--small">{% blocktranslate with date=entry.updated_at|date:"DATE_FORMAT" %}Stand: {{ date }}{% endblocktranslate %}{% if entry.question_id in visible_questions %} · <a class="kern-link" href="{% url 'qa:detail' entry.question_id %}">{% translate "Frage und alle Antworten" %}</a>{% endif %}</p>
            </div>
          </div>
        </article>
      {% endfor %}
    </section>
{% endfor %}
"""


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("can_moderate", [False, True])
def test_sections_match_the_template(
    call, mentor, coordinator, staff_member, language, can_moderate
):
    published = []
    for title, explanation, number in (
        ('Gilt "Eigenanteil" <auch> für & Co?', "Zeile 1\nZeile <2> & 'drei'\n\nAbsatz", "3.2"),
        ("Ohne Abschnitt", "", None),
        ("Zu eins", "Kurz", "1"),
        ("Noch eine zu eins", "", "1"),
    ):
        question = services.question_create(
            actor=Actor(user=staff_member), call=call.call, title=title, text="T"
        )
        answer = services.answer_create(actor=Actor(user=mentor), question=question, text="A")
        services.answer_mark_official(actor=Actor(user=coordinator), answer=answer)
        published.append(
            services.faq_publish(
                actor=Actor(user=coordinator),
                question=question,
                title=title,
                question_text=explanation,
                answer_text="<p>Antwort mit <strong>Auszeichnung</strong> &amp; mehr</p>",
                section=call.sections[number] if number else None,
            )
        )
    FAQEntry.objects.filter(pk=published[2].pk).update(needs_review=True)
    groups = faq_groups(call=call.call)
    visible = {published[0].question_id, published[2].question_id}
    with translation.override(language):
        expected = Template(LOOP).render(
            Context(
                {
                    "call": call.call,
                    "groups": groups,
                    "visible_questions": visible,
                    "can_moderate": can_moderate,
                }
            )
        )
        written = faq_sections(
            groups,
            call_url=call_url(call.call),
            visible_questions=visible,
            can_moderate=can_moderate,
        )
    assert normalized_html(written) == normalized_html(expected)
    assert len(groups) == 3
    assert ("kern-badge--warning" in written) is can_moderate
