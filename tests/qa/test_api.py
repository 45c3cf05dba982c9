"""/api/v1/faq/?call=: published FAQ entries only, in the OpenAPI schema."""

from __future__ import annotations

import io

import yaml
from django.core.management import call_command
from django.test import Client

from ikone.core.audit import Actor
from ikone.qa import services
from ikone.qa.models import Visibility
from tests.qa.factories import make_call


def _publish(call, staff_member, mentor, coordinator, title, *, section=None, publish=True):
    question = services.question_create(
        actor=Actor(user=staff_member),
        call=call,
        title=title,
        text="Interne Erläuterung",
        visibility=Visibility.MENTORS,
    )
    answer = services.answer_create(actor=Actor(user=mentor), question=question, text="Roh")
    services.answer_mark_official(actor=Actor(user=coordinator), answer=answer)
    entry = services.faq_publish(
        actor=Actor(user=coordinator),
        question=question,
        title=f"{title} (FAQ)",
        question_text="",
        answer_text="Veröffentlichte Antwort.",
        section=section,
    )
    if not publish:
        services.faq_entry_unpublish(actor=Actor(user=coordinator), entry=entry)
    return entry


def test_faq_api_lists_published_entries_of_a_call(
    call, staff_member, mentor, coordinator, django_assert_max_num_queries
):
    other = make_call(slug="beispiel", title="Beispielaufruf").call
    for number in range(5):
        _publish(
            call.call,
            staff_member,
            mentor,
            coordinator,
            f"F{number}",
            section=call.sections["3.2"],
        )
    _publish(call.call, staff_member, mentor, coordinator, "Zurückgezogen", publish=False)
    _publish(other, staff_member, mentor, coordinator, "Anderer Aufruf")
    client = Client()
    with django_assert_max_num_queries(3):
        response = client.get("/api/v1/faq/", {"call": call.slug})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 5
    first = data["results"][0]
    assert first["call"] == call.slug
    assert first["section"]["number"] == "3.2"
    assert first["section"]["url"].endswith(f"/foerderaufrufe/{call.slug}/#abschnitt-3-2")
    assert first["answer_text"] == "Veröffentlichte Antwort."
    assert first["answer_html"] == "<p>Veröffentlichte Antwort.</p>"
    assert first["url"].endswith(f"/foerderaufrufe/{call.slug}/faq/#faq-{first['id']}")
    content = response.content.decode()
    assert "Interne Erläuterung" not in content
    assert "Zurückgezogen" not in content
    assert client.get("/api/v1/faq/").json()["count"] == 6
    assert client.get("/api/v1/faq/", {"call": "gibt-es-nicht"}).json()["count"] == 0
    assert client.get("/api/v1/faq/", {"call": "kein slug!"}).status_code == 400


def test_faq_api_in_schema():
    out = io.StringIO()
    call_command("spectacular", "--validate", "--fail-on-warn", stdout=out)
    paths = yaml.safe_load(out.getvalue())["paths"]
    parameters = {p["name"] for p in paths["/api/v1/faq/"]["get"]["parameters"]}
    assert "call" in parameters
