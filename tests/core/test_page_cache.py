"""The page cache (docs/adr/0006-page-cache.md): anonymous pages come from
the shared cache until a table they were read from changes, whoever
changes it and however (model save, QuerySet.update, raw SQL); signed-in
people and forms never share a page."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import Client

from ikone.core.pagecache import memo, tables
from ikone.core.pagecache.middleware import STATE_HEADER, seconds_to_next_minute
from tests.accounts.factories import OrganizationFactory, UserFactory
from tests.calls.factories import make_call
from tests.events.factories import EventFactory
from tests.knowledge.factories import add_article, add_home_page, add_knowledge_index
from tests.municipalities.factories import MunicipalityFactory
from tests.qa.factories import QuestionFactory
from tests.solutions.factories import SolutionFactory


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def _get(client: Client, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def _cached_twice(client: Client, url: str) -> str:
    """Request the page until it is served from the cache; its text."""
    first = _get(client, url)
    assert first[STATE_HEADER] == "miss", url
    second = _get(client, url)
    assert second[STATE_HEADER] == "hit", url
    assert second.content == first.content
    return second.content.decode()


# ---------------------------------------------------------------------------
# Reading SQL


def test_written_and_read_tables_come_from_the_sql():
    assert tables.written_tables('UPDATE "qa_question" SET "title" = %s') == {"qa_question"}
    assert tables.written_tables('INSERT INTO "events_event" ("a") VALUES (%s)') == {
        "events_event"
    }
    assert tables.written_tables('DELETE FROM "calls_call" WHERE 1') == {"calls_call"}
    assert tables.written_tables('SELECT * FROM "a" FOR UPDATE') == set()
    assert tables.written_tables("SAVEPOINT s1") == set()
    assert tables.written_tables('ALTER TABLE "a" ADD COLUMN b int') == {tables.EVERYTHING}
    assert tables.written_tables("TRUNCATE a, b") == {tables.EVERYTHING}
    assert tables.read_tables(
        'SELECT 1 FROM "a" INNER JOIN "b" ON x LEFT OUTER JOIN "c" ON y '
        'WHERE z IN (SELECT id FROM "d")'
    ) == {"a", "b", "c", "d"}


# ---------------------------------------------------------------------------
# Each kind of object changes the page that shows it


def _rename_municipality(municipality: Any) -> Callable[[], str]:
    def change() -> str:
        # QuerySet.update sends no signal: the statement itself invalidates.
        type(municipality).objects.filter(pk=municipality.pk).update(name="Neuheim an der Lauter")
        return "Neuheim an der Lauter"

    return change


def _rename(obj: Any, field: str, value: str) -> Callable[[], str]:
    def change() -> str:
        setattr(obj, field, value)
        obj.save()
        return value

    return change


def _raw_title_update(pk: int, value: str) -> Callable[[], str]:
    """Raw SQL, as a command or a migration might write."""

    def change() -> str:
        with connection.cursor() as cursor:
            cursor.execute('UPDATE "calls_call" SET "title" = %s WHERE id = %s', [value, pk])
        return value

    return change


def _kinds(db: Any) -> list[tuple[str, Callable[[], str]]]:
    """(page, change) for each kind of public object; each change returns a
    text the page must show afterwards."""
    home = add_home_page()
    index = add_knowledge_index(home)
    article = add_article(index, title="Tipp zur Kofinanzierung", slug="tipp-kofinanzierung")
    municipality = MunicipalityFactory(name="Altheim")
    organization = OrganizationFactory(name="Verbandsgemeinde Altheim", slug="vg-altheim")
    call = make_call("aufruf-cache", title="Aufruf vor der Änderung")
    event = EventFactory(title="Workshop vor der Änderung")
    question = QuestionFactory(call=call, title="Frage vor der Änderung")
    solution = SolutionFactory(title="Lösung vor der Änderung")

    def edit_home() -> str:
        home.hero_title = "Neuer Willkommenstext"
        home.save_revision().publish()
        return "Neuer Willkommenstext"

    def edit_article() -> str:
        article.title = "Tipp nach der Änderung"
        article.save_revision().publish()
        return "Tipp nach der Änderung"

    return [
        ("/", edit_home),
        ("/wissen/", edit_article),
        (f"/kommunen/{municipality.ags}/", _rename_municipality(municipality)),
        (
            f"/organisationen/{organization.slug}/",
            _rename(organization, "name", "Verbandsgemeinde Neuheim"),
        ),
        (
            f"/foerderaufrufe/{call.slug}/",
            _raw_title_update(call.pk, "Geänderter Aufruf"),
        ),
        ("/veranstaltungen/", _rename(event, "title", "Workshop nach der Änderung")),
        ("/fragen/", _rename(question, "title", "Frage nach der Änderung")),
        ("/loesungen/", _rename(solution, "title", "Lösung nach der Änderung")),
    ]


def test_changing_each_kind_of_object_changes_its_cached_page(db, client):
    for url, change in _kinds(db):
        before = _cached_twice(client, url)
        shown = change()
        assert shown not in before, url
        after = _get(client, url)
        assert after[STATE_HEADER] == "miss", f"{url} was served stale after the change"
        assert shown in after.content.decode(), url


def test_a_change_in_the_footer_reaches_every_cached_page(db, client):
    from tests.knowledge.factories import add_standard_page

    home = add_home_page()
    page = _cached_twice(client, "/veranstaltungen/")
    assert "Impressum Neu" not in page
    add_standard_page(home, title="Impressum Neu", slug="impressum", footer_role="imprint")
    assert "Impressum Neu" in _get(client, "/veranstaltungen/").content.decode()


# ---------------------------------------------------------------------------
# Who shares a page


def test_a_cached_page_answers_without_a_query(db, client, django_assert_num_queries):
    _cached_twice(client, "/veranstaltungen/")
    with django_assert_num_queries(0):
        assert _get(client, "/veranstaltungen/")[STATE_HEADER] == "hit"


def test_a_question_with_answers_is_shared_with_visitors_without_a_csrf_cookie(db, client):
    """The answers' cards write a form (flag, edit, moderate) only for people
    who may use it; a visitor's page must not ask for a CSRF token, or it
    sets a cookie and is never stored (it was, for a while, in the bench)."""
    from tests.qa.factories import AnswerFactory

    question = QuestionFactory(call=make_call("aufruf-antworten"), status="answered")
    AnswerFactory(question=question, author=UserFactory())
    url = f"/fragen/{question.pk}/"
    page = _cached_twice(client, url)
    assert "Ja, sofern die Stelle" in page
    assert "csrftoken" not in _get(client, url).cookies


def test_etag_and_conditional_get(db, client):
    response = _get(client, "/veranstaltungen/")
    assert response["Cache-Control"] == "no-cache"
    assert "Cookie" in response["Vary"]
    etag = response["ETag"]
    again = client.get("/veranstaltungen/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    EventFactory(title="Noch ein Workshop")
    changed = client.get("/veranstaltungen/", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_signed_in_people_never_get_or_leave_a_shared_page(db, client):
    url = "/veranstaltungen/"
    signed_in = Client()
    signed_in.force_login(UserFactory())
    # Signed in first: rendered for the person, not stored for others.
    personal = signed_in.get(url)
    assert STATE_HEADER not in personal and "Abmelden" in personal.content.decode()
    assert client.get(url)[STATE_HEADER] == "miss"
    # Anonymous first: cached, yet the signed-in person gets their own page.
    assert client.get(url)[STATE_HEADER] == "hit"
    again = signed_in.get(url)
    assert STATE_HEADER not in again and "Abmelden" in again.content.decode()
    anonymous = client.get(url).content.decode()
    assert "Abmelden" not in anonymous and "X-CSRFToken" not in anonymous


@pytest.mark.parametrize("url", ["/konto/login/", "/kontakt/", "/konto/signup/"])
def test_pages_with_a_form_are_never_cached(db, client, url):
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert STATE_HEADER not in response
        assert "csrfmiddlewaretoken" in response.content.decode()


def test_never_cache_views_and_the_floor_stay_uncached(db, client):
    for _ in range(2):
        assert STATE_HEADER not in client.get("/messung/boden/")


def test_a_visitor_with_a_session_cookie_is_not_served_from_the_cache(db, client):
    _cached_twice(client, "/veranstaltungen/")
    client.cookies["sessionid"] = "abc"
    assert STATE_HEADER not in client.get("/veranstaltungen/")


def test_languages_and_queries_have_their_own_entries(db, client):
    EventFactory(title="Workshop")
    german = _cached_twice(client, "/veranstaltungen/")
    english = _get(client, "/en/veranstaltungen/")
    assert english[STATE_HEADER] == "miss" and english.content.decode() != german
    assert _get(client, "/veranstaltungen/?zeit=vergangen")[STATE_HEADER] == "miss"
    htmx = client.get("/veranstaltungen/", headers={"HX-Request": "true"})
    assert htmx[STATE_HEADER] == "miss"


def test_entries_end_at_the_next_full_minute(monkeypatch):
    monkeypatch.setattr("time.time", lambda: 1_800_000_035.4)
    assert seconds_to_next_minute() == 25


# ---------------------------------------------------------------------------
# Memo


def test_a_memo_is_computed_again_after_its_table_changed(db):
    calls = []

    def titles() -> list[str]:
        calls.append(1)
        return sorted(EventFactory._meta.model.objects.values_list("title", flat=True))

    EventFactory(title="Erster")
    assert memo.get_or_compute("test-titles", titles) == ["Erster"]
    assert memo.get_or_compute("test-titles", titles) == ["Erster"]
    assert len(calls) == 1
    EventFactory(title="Zweiter")
    assert memo.get_or_compute("test-titles", titles) == ["Erster", "Zweiter"]
    assert len(calls) == 2


def _event_titles() -> list[str]:
    return sorted(EventFactory._meta.model.objects.values_list("title", flat=True))


def test_a_memo_made_in_a_transaction_that_rolls_back_is_not_served(db):
    """A write replaces the token at once, so a memo computed after it in the
    same transaction notes the new token; the rollback must outdate it."""
    with pytest.raises(RuntimeError), transaction.atomic():
        EventFactory(title="Nie übernommen")
        assert memo.get_or_compute("test-rollback", _event_titles) == ["Nie übernommen"]
        raise RuntimeError("the request failed")
    assert memo.get_or_compute("test-rollback", _event_titles) == []


@pytest.mark.django_db(transaction=True)
def test_a_memo_made_in_a_whole_transaction_that_rolls_back_is_not_served():
    """The same without a surrounding test transaction: the outermost
    atomic block rolls back (`connection.rollback`, not a savepoint), as a
    failed view's `transaction.atomic()` does."""
    with pytest.raises(RuntimeError), transaction.atomic():
        EventFactory(title="Nie übernommen")
        assert memo.get_or_compute("test-rollback", _event_titles) == ["Nie übernommen"]
        raise RuntimeError("the request failed")
    assert not connection.in_atomic_block
    assert memo.get_or_compute("test-rollback", _event_titles) == []


def test_a_page_rendered_in_a_transaction_that_rolls_back_is_not_served(db, client):
    url = "/veranstaltungen/"
    with pytest.raises(RuntimeError), transaction.atomic():
        EventFactory(title="Workshop, der nie stattfand")
        assert "Workshop, der nie stattfand" in _cached_twice(client, url)
        raise RuntimeError("the request failed")
    after = _get(client, url)
    assert after[STATE_HEADER] == "miss"
    assert "Workshop, der nie stattfand" not in after.content.decode()


def test_a_transaction_that_only_reads_keeps_its_memo_and_page(db, client):
    EventFactory(title="Erster")
    calls = []

    def titles() -> list[str]:
        calls.append(1)
        return _event_titles()

    with transaction.atomic():
        assert memo.get_or_compute("test-read-only", titles) == ["Erster"]
        _cached_twice(client, "/veranstaltungen/")
    assert memo.get_or_compute("test-read-only", titles) == ["Erster"]
    assert len(calls) == 1
    assert _get(client, "/veranstaltungen/")[STATE_HEADER] == "hit"


def test_a_token_lost_from_the_cache_counts_as_a_change(db):
    tokens = tables.current_tokens(["events_event"])
    assert tables.unchanged(tokens)
    from django.core.cache import caches

    caches[tables.VERSIONS_CACHE].clear()
    assert not tables.unchanged(tokens)


def test_compression_wraps_the_cache(db, client):
    """GZip sits outside the page cache: one stored page serves browsers
    with and without compression, and the weak ETag still revalidates."""
    url = "/veranstaltungen/"
    plain = _cached_twice(client, url)
    zipped = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert zipped[STATE_HEADER] == "hit" and zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content).decode() == plain
    again = client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": zipped["ETag"]})
    assert again.status_code == 304
    assert "Content-Encoding" not in client.get(url)


def test_an_outdated_memo_is_computed_by_one_request_while_others_get_the_previous(db):
    """Stale-while-revalidate (ADR 0006): while one request holds the lock
    and computes an outdated value anew, another gets the previous value,
    and nothing recorded around that outdated value is kept."""
    from django.core.cache import cache

    calls = []

    def titles() -> list[str]:
        calls.append(1)
        return sorted(EventFactory._meta.model.objects.values_list("title", flat=True))

    def swr() -> list[str]:
        return memo.get_or_compute("test-swr", titles, stale_while_revalidate=True)

    EventFactory(title="Erster")
    assert swr() == ["Erster"]
    EventFactory(title="Zweiter")
    assert cache.add(memo.LOCK_PREFIX + "test-swr", 1)  # another request computes
    with tables.recording() as around:
        assert swr() == ["Erster"]
    assert around.wrote  # a page around the outdated value is not kept
    assert len(calls) == 1
    cache.delete(memo.LOCK_PREFIX + "test-swr")  # that request finished
    assert swr() == ["Erster", "Zweiter"]
    assert len(calls) == 2
    assert cache.get(memo.LOCK_PREFIX + "test-swr") is None  # the lock is released
    assert swr() == ["Erster", "Zweiter"] and len(calls) == 2


def test_a_memo_key_tells_apart_its_parts_the_language_and_the_script_prefix():
    from django.urls import set_script_prefix
    from django.utils import translation

    with translation.override("de"):
        german = memo.key("test-rows", "seite=2", 7)
        assert memo.key("test-rows", "seite=2", 7) == german
        assert memo.key("test-rows", "seite=3", 7) != german
        assert memo.key("test-rows", "seite=2", "7") != german
        assert memo.key("test-other", "seite=2", 7) != german
        set_script_prefix("/ikone/")
        try:
            assert memo.key("test-rows", "seite=2", 7) != german
        finally:
            set_script_prefix("/")
    with translation.override("en"):
        assert memo.key("test-rows", "seite=2", 7) != german
    assert german.startswith("test-rows:")
