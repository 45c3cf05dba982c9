"""Coordinators edit calls in the Django admin; others do not get in."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ikone.calls.models import Call
from ikone.core.models import AuditEntry
from tests.calls.factories import make_call

pytestmark = pytest.mark.django_db


def _post_data(client, url):
    """The change form's current values, as the browser would send them."""
    response = client.get(url)
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if name == "fields_of_action":
            data[name] = [f.pk for f in value]
        elif name == "sources":
            data[name] = "[]"
        else:
            data[name] = value
    for formset in response.context["inline_admin_formsets"]:
        fs = formset.formset
        data.update({f"{fs.prefix}-{k}": v for k, v in fs.management_form.initial.items()})
        for i, inline in enumerate(fs.forms):
            for name in inline.fields:
                value = inline.initial.get(name)
                if value is not None:
                    data[f"{fs.prefix}-{i}-{name}"] = value
            data[f"{fs.prefix}-{i}-id"] = inline.instance.pk
            data[f"{fs.prefix}-{i}-call"] = inline.instance.call_id
    return data


def test_coordinator_edits_a_call_in_the_admin(client_for):
    call = make_call("admin-aufruf")
    client = client_for("coordinator")
    url = reverse("admin:calls_call_change", args=[call.pk])
    data = _post_data(client, url)
    data["title"] = "Neuer Titel"
    data["deadline_0"], data["deadline_1"] = "15.01.2027", "23:59:59"
    data.pop("deadline", None)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    call.refresh_from_db()
    assert call.title == "Neuer Titel"
    assert call.revision == 1
    assert AuditEntry.objects.filter(action="calls.call.changed", target_id=str(call.pk)).exists()


def test_stale_admin_form_is_refused(client_for):
    call = make_call("admin-konflikt")
    client = client_for("coordinator")
    url = reverse("admin:calls_call_change", args=[call.pk])
    data = _post_data(client, url)
    data["title"] = "Meine Änderung"
    data["deadline_0"], data["deadline_1"] = "15.01.2027", "23:59:59"
    data.pop("deadline", None)
    Call.objects.filter(pk=call.pk).update(revision=5)  # someone else saved
    response = client.post(url, data)
    assert response.status_code == 200
    assert "inzwischen gespeichert" in response.content.decode()
    assert "Meine Änderung" in response.content.decode()
    call.refresh_from_db()
    assert call.title != "Meine Änderung"


@pytest.mark.parametrize(
    ("role", "status"), [("coordinator", 200), ("admin", 200), ("mentor", 302), ("staff_a", 302)]
)
def test_admin_changelist_per_role(role, status, client_for):
    make_call("admin-liste")
    response = client_for(role).get(reverse("admin:calls_call_changelist"))
    assert response.status_code == status


def test_published_sections_are_read_only_in_the_admin(client_for):
    call = make_call("admin-fassung")
    client = client_for("coordinator")
    response = client.get(
        reverse("admin:calls_callversion_change", args=[call.current_version.pk])
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Förderfähige Ausgaben" in content
    assert 'name="sections-0-title"' not in content
