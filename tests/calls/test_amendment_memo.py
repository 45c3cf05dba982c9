"""The amendment page's empty form is a memo per call (calls/amendment_page.py):
the second visit reads less, a change to the call, a new version or a
section appears on the next visit, the right is checked per request, a
refused form renders anew with what was typed and no CSRF token is shared."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ikone.calls import services
from ikone.calls.models import Call, CallSection
from ikone.core.audit import Actor
from tests.calls.factories import make_call
from tests.core.helpers import get_counted

pytestmark = pytest.mark.django_db


def _url(call: Call) -> str:
    return reverse("calls:amend", kwargs={"slug": call.slug})


def _form_tokens(content: str) -> set[str]:
    form = content.split('<form method="post" class="ikone-stack" novalidate>')[1]
    return set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.split("</form>")[0]))


def test_the_form_is_built_once(client_for):
    call = make_call("memo")
    client = client_for("coordinator")
    first, _ = get_counted(client, _url(call))
    second, content = get_counted(client, _url(call))
    assert second < first
    assert "Testaufruf memo" in content and 'name="text_1-2"' in content


def test_each_change_appears_on_the_next_visit(client_for):
    call = make_call("wechsel")
    client = client_for("coordinator")
    assert "Personal und Sachmittel." in client.get(_url(call)).content.decode()

    Call.objects.filter(pk=call.pk).update(title="Neuer Titel des Aufrufs")
    content = client.get(_url(call)).content.decode()
    assert content.count("Neuer Titel des Aufrufs") >= 3  # title, breadcrumbs, content

    CallSection.objects.filter(version=call.current_version, number="1.2").update(
        title="Ausgaben neu", text="<p>Nur Personal.</p>"
    )
    content = client.get(_url(call)).content.decode()
    assert "Ausgaben neu" in content and "Nur Personal." in content

    services.publish_amendment(
        call=call,
        changes={"3": services.SectionText(title="Abrechnung", text="<p>Jährlich.</p>")},
        note="Abrechnung ergänzt",
        actor=Actor.system(),
        check_permission=False,
    )
    content = client.get(_url(call)).content.decode()
    assert 'name="based_on" value="2"' in content
    assert 'name="title_3"' in content and "Jährlich." in content


def test_calls_have_their_own_memo_and_the_right_comes_first(client_for):
    one, other = make_call("eins"), make_call("zwei", title="Der andere Aufruf")
    coordinator = client_for("coordinator")
    assert "Der andere Aufruf" not in coordinator.get(_url(one)).content.decode()
    assert "Der andere Aufruf" in coordinator.get(_url(other)).content.decode()
    response = client_for("contact_a").get(_url(one))
    assert response.status_code == 403
    assert 'name="text_1-2"' not in response.content.decode()
    assert (
        client_for("contact_a").get("/foerderaufrufe/gibt-es-nicht/aenderung/").status_code == 404
    )
    assert coordinator.get("/foerderaufrufe/gibt-es-nicht/aenderung/").status_code == 404


def test_a_refused_form_is_rendered_with_what_was_typed(client_for):
    call = make_call("abgelehnt")
    client = client_for("coordinator")
    client.get(_url(call))
    response = client.post(_url(call), {"based_on": 1, "note": "", "text_2": "Getippt."})
    assert response.status_code == 400
    assert "Getippt." in response.content.decode()
    assert "Getippt." not in client.get(_url(call)).content.decode()


def test_each_request_has_its_own_token(client_for):
    call = make_call("token")
    first = _form_tokens(client_for("coordinator").get(_url(call)).content.decode())
    second = _form_tokens(client_for("admin").get(_url(call)).content.decode())
    assert len(first) == 1 and len(second) == 1 and first != second
