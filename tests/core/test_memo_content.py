"""memo.content: a page's `content` partial kept once per key and reused
without its context, each request's own CSRF token put in; without parts
rendered anew for the one request (a refused form as typed)."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from ikone.core.pagecache import memo

PAGE = (
    "{% load partials %}"
    "{% partialdef content %}"
    '<form method="post">{% csrf_token %}<input name="q" value="{{ typed }}"></form>'
    '<a data-token="{{ own }}">{{ label }}</a>'
    "{% endpartialdef %}"
    "<main>{{ label }}</main>"
)
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                (
                    "template_partials.loader.Loader",
                    [("django.template.loaders.locmem.Loader", {"memo/page.html": PAGE})],
                )
            ],
        },
    }
]


def _form_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match is not None
    return match.group(1)


@pytest.fixture(autouse=True)
def _templates():
    with override_settings(TEMPLATES=TEMPLATES):
        yield


def _context(tokens: list[str | None], label: str = "Liste", typed: str = ""):
    """A context factory that notes each call and puts the token it was
    given where a form built in Python would carry it."""

    def context(token: str | None) -> dict[str, object]:
        tokens.append(token)
        return {"label": label, "typed": typed, "own": token or ""}

    return context


def test_the_second_request_reuses_the_memo_without_calling_the_context():
    tokens: list[str | None] = []
    first = memo.content(
        RequestFactory().get("/"), "memo/page.html", _context(tokens), "test-content", (1,)
    )
    second = memo.content(
        RequestFactory().get("/"),
        "memo/page.html",
        _context(tokens, label="anders"),
        "test-content",
        (1,),
    )
    assert len(tokens) == 1  # computed once, the second context never called
    assert "Liste" in first and "Liste" in second and "anders" not in second
    assert "<main>" not in first  # the partial alone
    # Other parts are another memo.
    memo.content(
        RequestFactory().get("/"), "memo/page.html", _context(tokens), "test-content", (2,)
    )
    assert len(tokens) == 2


def test_each_request_gets_its_own_token_and_none_is_kept():
    tokens: list[str | None] = []
    first_request = RequestFactory().get("/")
    second_request = RequestFactory().get("/")
    first = memo.content(first_request, "memo/page.html", _context(tokens), "test-content", (3,))
    second = memo.content(second_request, "memo/page.html", _context(tokens), "test-content", (3,))
    stand_in = tokens[0]
    assert stand_in  # the context was given the stand-in, not None
    # Each request has a token of its own (a masked secret of its own).
    assert first_request.META["CSRF_COOKIE"] != second_request.META["CSRF_COOKIE"]
    first_token, second_token = _form_token(first), _form_token(second)
    assert stand_in not in (first_token, second_token)
    # The template's form and the context's own use both carry the request's token.
    assert f'data-token="{first_token}"' in first and f'data-token="{second_token}"' in second
    assert first_token not in second and stand_in not in first and stand_in not in second
    stored = str(cache.get(memo.KEY_PREFIX + memo.key("test-content", 3)))
    assert stand_in not in stored and first_token not in stored


def test_without_parts_it_is_rendered_anew_as_typed_and_not_kept(monkeypatch):
    def no_memo(*args, **kwargs):
        raise AssertionError("no memo without parts")

    monkeypatch.setattr(memo, "get_or_compute", no_memo)
    tokens: list[str | None] = []
    request = RequestFactory().post("/")
    html = memo.content(
        request, "memo/page.html", _context(tokens, typed="getippt"), "test-content", None
    )
    again = memo.content(
        RequestFactory().post("/"),
        "memo/page.html",
        _context(tokens, typed="neu"),
        "test-content",
        None,
    )
    assert tokens == [None, None]  # called each time, with no stand-in
    assert 'value="getippt"' in html and 'value="neu"' in again
    # The request's own token, as its template tag draws it.
    assert request.META["CSRF_COOKIE"] and len(_form_token(html)) == 64


def test_part_none_renders_the_whole_template():
    html = memo.content(
        RequestFactory().get("/"),
        "memo/page.html",
        _context([]),
        "test-content",
        (4,),
        part=None,
    )
    assert html == "<main>Liste</main>"
