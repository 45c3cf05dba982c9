"""/api/v1/notifications/: the token owner's own notifications only."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from ikone.notifications.models import Notification
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_token_lists_only_its_owners_notifications(django_assert_max_num_queries):
    owner, other = UserFactory(email="eigen@example.org"), UserFactory(email="fremd@example.org")
    for n in range(3):
        Notification.objects.create(user=owner, kind="qa.new_answer", subject=f"Eigen {n}")
    foreign = Notification.objects.create(user=other, kind="qa.new_answer", subject="Fremd")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=owner).key}")

    with django_assert_max_num_queries(4):
        response = client.get("/api/v1/notifications/")
    subjects = [item["subject"] for item in response.json()["results"]]
    assert subjects == ["Eigen 2", "Eigen 1", "Eigen 0"]
    assert response.json()["results"][0]["read"] is False
    assert client.get(f"/api/v1/notifications/{foreign.pk}/").status_code == 404
    assert APIClient().get("/api/v1/notifications/").status_code == 401


def test_the_schema_documents_both_endpoints():
    schema = APIClient().get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    paths = schema.json()["paths"] if schema["Content-Type"].endswith("json") else {}
    text = schema.content.decode()
    assert "/api/v1/notifications/" in text and "/api/v1/network/figures/" in text
    assert paths == {} or "/api/v1/network/figures/" in paths
