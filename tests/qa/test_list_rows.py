"""The cards of /fragen/ are built in Python (`ikone.qa.list_rows`); they
must write what the template loop wrote, up to whitespace: compared here
with that loop (its text from before the move), for every status and
visibility, with and without the asking organisation, in both languages."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from ikone.accounts.visibility import Viewer
from ikone.qa.list_rows import question_rows
from ikone.qa.models import QuestionStatus, Visibility
from ikone.qa.selectors import question_list
from tests.accounts.factories import OrganizationFactory
from tests.html import normalized_html
from tests.qa.factories import AnswerFactory, QuestionFactory

ROWS = """{% load i18n %}{% for question, show_organization in rows %}
  <li class="kern-card">
    <div class="kern-card__container">
      <div class="kern-card__header">
        <h2 class="kern-heading-small"><a class="kern-link" href="{{ question.get_absolute_url }}">{{ question.title }}</a></h2>
      </div>
      <div class="kern-card__body">
        <p class="kern-body">
          {% include "qa/includes/status_badge.html" with question=question %}
          {% if question.visibility != "public" %}<span class="kern-badge kern-badge--info"><span class="kern-label kern-label--small">{{ question.get_visibility_display }}</span></span>{% endif %}
        </p>
        <p class="kern-body kern-body--small">
          {{ question.call.title }} ·
          {% if show_organization and question.organization %}{{ question.organization.name }}{% else %}{% translate "eine Kommune" %}{% endif %} ·
          <time datetime="{{ question.created_at|date:'c' }}">{{ question.created_at|date:"DATE_FORMAT" }}</time> ·
          {% blocktranslate count counter=question.answer_count %}{{ counter }} Antwort{% plural %}{{ counter }} Antworten{% endblocktranslate %}
        </p>
      </div>
    </div>
  </li>
{% endfor %}
"""


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_cards_match_the_template(call, language):
    organization = OrganizationFactory(name="Stadt <Kusel> & Co")
    kinds = [
        (QuestionStatus.OPEN, Visibility.PUBLIC, 0),
        (QuestionStatus.ANSWERED, Visibility.NETWORK, 1),
        (QuestionStatus.FAQ, Visibility.MENTORS, 2),
    ]
    for status, visibility, answers in kinds:
        question = QuestionFactory(
            call=call.call,
            organization=organization,
            status=status,
            visibility=visibility,
            title='Gilt "Eigenanteil" <auch> für & Co?',
        )
        for _number in range(answers):
            AnswerFactory(question=question)

    everyone = Viewer(user=None, signed_in=True, is_coordinator=True)
    questions = list(question_list(viewer=everyone))
    rows = [(question, index % 2 == 0) for index, question in enumerate(questions)]
    with translation.override(language):
        expected = Template(ROWS).render(Context({"rows": rows}))
        assert normalized_html(question_rows(rows)) == normalized_html(expected)
    assert len(rows) == 3
