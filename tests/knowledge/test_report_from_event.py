"""From workshop to knowledge: a coordinator turns a past workshop into an
Erfahrungsbericht draft with one action."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from ikone.core.models import AuditEntry, FieldOfAction
from ikone.knowledge.models import ExperienceReportPage
from tests.calls.factories import make_call
from tests.core.helpers import sign_in
from tests.events.factories import EventFactory, MaterialFactory, SpeakerFactory
from tests.knowledge.factories import add_knowledge_index

pytestmark = pytest.mark.django_db


def test_a_past_workshop_becomes_an_unpublished_report(client, home, coordinator, staff_member):
    add_knowledge_index(home)
    call = make_call("aufruf-w")
    field, _created = FieldOfAction.objects.get_or_create(
        key="mobility", defaults={"label": "Mobilität"}
    )
    start = timezone.now() - dt.timedelta(days=30)
    event = EventFactory(
        slug="workshop-rat",
        title="Workshop Ratsbeschluss",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        call=call,
    )
    event.fields_of_action.set([field])
    SpeakerFactory(event=event, name="Dr. Gast", affiliation="Digitalagentur")
    MaterialFactory(event=event, title="Folien Ratsbeschluss")
    url = reverse("knowledge:report_from_event")

    sign_in(client, staff_member)
    assert client.get(url).status_code == 403
    client.logout()
    sign_in(client, coordinator)
    assert "Workshop Ratsbeschluss" in client.get(url).content.decode()
    response = client.post(url, {"veranstaltung": "workshop-rat"})
    page = ExperienceReportPage.objects.get()
    assert response.status_code == 302 and str(page.pk) in response["Location"]
    assert not page.live
    assert page.date == timezone.localdate(start)
    assert page.guest_authors == "Dr. Gast (Digitalagentur)"
    assert list(page.calls.all()) == [call]
    assert list(page.fields_of_action.all()) == [field]
    assert "Folien Ratsbeschluss" in str(page.body)
    assert [link.url for link in page.links.all()] == ["/veranstaltungen/workshop-rat/"]
    assert AuditEntry.objects.filter(action="knowledge.article.drafted").exists()
