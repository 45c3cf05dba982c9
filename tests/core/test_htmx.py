"""List pages answer htmx with their results part, but the whole page when
htmx restores a history entry (ikone.core.htmx)."""

from __future__ import annotations

from django.test import RequestFactory
from django_htmx.middleware import HtmxDetails

from ikone.core import htmx


def _request(**headers):
    request = RequestFactory().get("/", **headers)
    request.htmx = HtmxDetails(request)
    return request


def test_a_plain_visit_and_a_restored_history_entry_want_the_page():
    assert not htmx.wants_fragment(_request())
    assert not htmx.wants_fragment(
        _request(HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    )
    assert not htmx.wants_fragment(RequestFactory().get("/"))  # no middleware


def test_an_htmx_request_wants_the_part_and_the_answer_varies():
    request = _request(HTTP_HX_REQUEST="true")
    assert htmx.wants_fragment(request)
    response = htmx.part_or_page(request, "unused.html", "<p>Teil</p>", fragment=True)
    assert response.content == b"<p>Teil</p>"
    assert "HX-Request" in response["Vary"]
