"""The demo's follow-up: minutes of 12 January 2021, a past example
workshop with attendance, materials and feedback; idempotent."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ikone.events import demo
from ikone.events.demo_followup import MINUTES_TITLE, PAST_EXAMPLE_SLUG
from ikone.events.models import Event, FeedbackResponse, Material
from ikone.events.selectors_manage import event_figures
from tests.events.test_demo import rlp_directory  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_followup_is_seeded_once_and_shown(rlp_directory, client):  # noqa: F811
    demo.seed_demo_events()
    counts = (Material.objects.count(), FeedbackResponse.objects.count(), Event.objects.count())
    demo.seed_demo_events()
    assert (
        Material.objects.count(),
        FeedbackResponse.objects.count(),
        Event.objects.count(),
    ) == counts

    minutes = Material.objects.get(title=MINUTES_TITLE)
    assert minutes.visibility == "public"
    url = reverse(
        "events:material_download", kwargs={"slug": minutes.event.slug, "pk": minutes.pk}
    )
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    example = Event.objects.get(slug=PAST_EXAMPLE_SLUG)
    assert example.title.startswith("Beispiel")
    assert example.is_past
    figures = event_figures(event=example)
    assert figures.total.attended_people >= 9
    assert all(
        response.comment == "" or response.comment.startswith("Beispiel")
        for response in example.feedback.all()
    )
    assert example.feedback.count() == 5
