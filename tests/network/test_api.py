"""/api/v1/network/figures/: the public aggregates, as on /netzwerk/zahlen/."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_public_figures_are_aggregates_of_the_known_world(world):
    body = APIClient().get("/api/v1/network/figures/").json()
    values = {item["key"]: item["value"] for item in body["figures"]}
    assert values["accounts.members"] == 1
    assert values["events.held"] == 1
    assert values["events.administrations_reached"] == 2
    assert values["qa.answered"] == 1
    assert "qa.open" not in values  # coordinators only
    assert all(set(item) == {"key", "label", "value"} for item in body["figures"])


def test_the_public_page_shows_the_same_figures(client, world):
    html = client.get(reverse("network:public_figures")).content.decode()
    assert "Mitglieder im Netzwerk" in html and "Verwaltungen erreicht" in html
    assert "offene Fragen" not in html
    assert "Astadt" not in html
