"""memo.html_with_csrf: HTML with forms kept once, the CSRF token of each
request put in; no token is stored, and HTML without a form asks for none."""

from __future__ import annotations

from django.core.cache import cache
from django.test import RequestFactory

from ikone.core.pagecache import memo


def _render(calls: list[str]):
    def render(token: str) -> str:
        calls.append(token)
        return f'<form><input name="csrfmiddlewaretoken" value="{token}"></form><p>{token}</p>'

    return render


def test_each_request_gets_its_own_token_and_none_is_stored():
    calls: list[str] = []
    key = memo.key("test-csrf", 1)
    first_request = RequestFactory().get("/")
    second_request = RequestFactory().get("/")
    first = memo.html_with_csrf(first_request, key, _render(calls))
    second = memo.html_with_csrf(second_request, key, _render(calls))
    assert len(calls) == 1  # computed once
    first_token = first_request.META["CSRF_COOKIE"]
    assert first_token and second_request.META["CSRF_COOKIE"] != first_token
    assert calls[0] not in first and calls[0] not in second
    stored = str(cache.get(memo.KEY_PREFIX + key))
    assert calls[0] not in stored
    assert first.count('value="') == 1 and second.count('value="') == 1
    assert first != second


def test_html_without_a_token_asks_for_none():
    request = RequestFactory().get("/")
    html = memo.html_with_csrf(request, memo.key("test-csrf", 2), lambda token: "<p>ohne</p>")
    assert html == "<p>ohne</p>"
    assert "CSRF_COOKIE" not in request.META
