"""The amendment page's section fieldsets are built in Python
(`ikone.calls.amendment_rows`); they must write what the loop of
`calls/amendment_form.html` wrote (an include of components/field.html per
field), up to whitespace: compared as the whole page, empty and sent back
with errors, in both languages."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from ikone.calls.models import CallSection
from tests.calls.factories import make_call
from tests.html import normalized_html

pytestmark = pytest.mark.django_db

PAGE = Path(__file__).parents[2] / "src/ikone/calls/templates/calls/amendment_form.html"

FORMER_LOOP = """    {% for row in form.section_rows %}
      <fieldset class="ikone-amend-section ikone-amend-section--depth-{{ row.section.depth }}">
        <legend class="kern-title">{% blocktranslate with number=row.section.number %}Abschnitt {{ number }}{% endblocktranslate %}</legend>
        {% include "components/field.html" with field=row.title %}
        {% include "components/field.html" with field=row.text %}
        {% include "components/field.html" with field=row.remove %}
      </fieldset>
    {% endfor %}
"""


def _former_templates(tmp_path: Path) -> list[dict]:
    source = PAGE.read_text()
    assert "    {{ section_fieldsets }}\n" in source
    source = source.replace("    {{ section_fieldsets }}\n", FORMER_LOOP)
    (tmp_path / "calls").mkdir(parents=True)
    (tmp_path / "calls/amendment_form.html").write_text(source)
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [str(tmp_path), *templates[0]["DIRS"]]
    return templates


@pytest.mark.parametrize("language", ["de", "en"])
def test_amendment_page_matches_the_former_loop(client_for, tmp_path, language):
    call = make_call("vergleich", amended=True)
    CallSection.objects.filter(version=call.current_version, number="1.2").update(
        title='Ausgaben & "Mittel" <neu>'
    )
    client = client_for("coordinator")
    url = reverse("calls:amend", kwargs={"slug": call.slug})
    former_templates = _former_templates(tmp_path)
    sent = {
        "based_on": call.current_version.number,
        "note": "",
        "title_1-2": "",
        "text_1-2": "Getippt <mit> & Zeichen.",
        "remove_2": "on",
    }
    for data in (None, sent):
        if data is None:
            now = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
            with override_settings(TEMPLATES=former_templates):
                former = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        else:
            now = client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
            with override_settings(TEMPLATES=former_templates):
                former = client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
        assert now.status_code == former.status_code
        content = now.content.decode()
        assert normalized_html(content) == normalized_html(former.content.decode())
        assert (
            content.count("<fieldset")
            == CallSection.objects.filter(version=call.current_version).count() + 1
        )
    assert "Getippt &lt;mit&gt; &amp; Zeichen." in content
    assert 'aria-invalid="true"' in content
    assert call.versions.count() == 2


def test_the_empty_forms_fieldsets_follow_every_change_of_a_section(client_for):
    """The empty form's fieldsets are cached under a hash of the sections'
    numbers, titles and texts and the language: a changed section is another
    key, never the former text."""
    call = make_call("zwischenspeicher", amended=True)
    client = client_for("coordinator")
    url = reverse("calls:amend", kwargs={"slug": call.slug})
    assert 'value="Neue Überschrift"' not in client.get(url).content.decode()
    CallSection.objects.filter(version=call.current_version, number="1.2").update(
        title="Neue Überschrift", text="<p>Neuer Text &amp; mehr</p>"
    )
    content = client.get(url).content.decode()
    assert 'value="Neue Überschrift"' in content
    assert "Neuer Text &amp; mehr" in content
    with translation.override("en"):
        english = client.get(reverse("calls:amend", kwargs={"slug": call.slug}))
    assert "Section 1.2" in english.content.decode()
    assert "Abschnitt 1.2" in client.get(url).content.decode()
