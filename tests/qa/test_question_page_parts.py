"""The question page writes its cited sections and the answer form's
section checkboxes in Python (`{% cited_sections %}`, `{% choice_fieldset %}`
in qa_tags, issue 15). They must write what the include templates wrote, up
to whitespace: compared part by part, and the whole page with the former
template (the includes) for every role and both languages."""

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

# The page's template as it was: the includes in place of the tags.
FORMER = {
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
    bare = QuestionFactory(call=call.call)
    former_templates = _former_templates(tmp_path)
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
