"""Query budgets of the calls pages (the layout itself costs 2 queries)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.calls.factories import make_call

pytestmark = pytest.mark.django_db


def test_list_queries_do_not_grow_with_calls(client, django_assert_max_num_queries):
    for i in range(6):
        make_call(f"liste-{i}", amended=True)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("calls:list"))
    assert response.content.decode().count('class="kern-card"') == 6


def test_detail_queries(client, django_assert_max_num_queries):
    call = make_call("viele", amended=True)
    with django_assert_max_num_queries(10):
        response = client.get(call.get_absolute_url())
    assert response.status_code == 200


def test_version_pages_queries(client, django_assert_max_num_queries):
    call = make_call("fassungen-q", amended=True)
    with django_assert_max_num_queries(6):
        client.get(reverse("calls:versions", kwargs={"slug": call.slug}))
    with django_assert_max_num_queries(10):
        client.get(reverse("calls:version", kwargs={"slug": call.slug, "number": 1}))
    with django_assert_max_num_queries(11):
        client.get(reverse("calls:diff", kwargs={"slug": call.slug, "old": 1, "new": 2}))


def test_amendment_page_queries(client_for, django_assert_max_num_queries):
    call = make_call("aenderung-q")
    client = client_for("coordinator")
    with django_assert_max_num_queries(14):
        response = client.get(reverse("calls:amend", kwargs={"slug": call.slug}))
    assert response.status_code == 200
