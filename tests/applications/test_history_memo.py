"""The content of a section's history page is a memo (views/sections.py,
section_history): it is reused, a new version (an autosave) and every other
table it shows appear on the next visit, the rights are checked on every
request whatever the memo holds, viewers with other rights get their own,
and the restore form carries each request's own CSRF token."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ikone.applications.models import Draft, DraftMentor, DraftSection, SectionRevision
from ikone.applications.services.sections import section_save
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403
from tests.applications.core_fixtures import sign_in

TOKEN = re.compile(
    r'id="restore" hidden><input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)"'
)
ANY_TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")
ROW_VERSION = re.compile(r'<th class="kern-table__cell" scope="row">(\d+)')


@pytest.fixture
def section(workshop_draft, staff_member) -> DraftSection:
    """The Ausgangslage with 60 versions (two pages)."""
    section = workshop_draft.sections.get(key="ausgangslage")
    SectionRevision.objects.bulk_create(
        SectionRevision(section=section, version=n, text=f"Wort {n}", author=staff_member)
        for n in range(1, 61)
    )
    DraftSection.objects.filter(pk=section.pk).update(version=60, text="Wort 60")
    section.refresh_from_db()
    return section


def _url(section: DraftSection) -> str:
    return reverse(
        "applications:history", kwargs={"pk": section.draft_id, "section_key": section.key}
    )


def _visit(client, url: str, params: dict | None = None) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.parametrize(
    "params", [{}, {"seite": "2"}, {"a": "3", "b": "60"}], ids=["first", "second", "compare"]
)
def test_the_second_visit_reads_less_and_shows_the_same(section, staff_member, as_user, params):
    client = as_user(staff_member)
    first, first_queries = _visit(client, _url(section), params)
    second, second_queries = _visit(client, _url(section), params)
    assert second_queries < first_queries
    assert ANY_TOKEN.sub("", first) == ANY_TOKEN.sub("", second)


def test_pages_and_comparisons_are_memos_of_their_own(section, staff_member, as_user):
    client = as_user(staff_member)
    url = _url(section)
    first = ROW_VERSION.findall(_visit(client, url)[0])
    second = ROW_VERSION.findall(_visit(client, url, {"seite": "2"})[0])
    assert first[0] == "60" and second[0] == "10"
    compared = _visit(client, url, {"a": "3", "b": "60"})[0]
    assert "Version 3 → Version 60" in compared
    assert "Version 4 → Version 60" in _visit(client, url, {"a": "4", "b": "60"})[0]
    assert "Version 3 →" not in _visit(client, url)[0]


def test_a_new_version_shows_at_once(section, staff_member, as_user):
    client = as_user(staff_member)
    url = _url(section)
    _visit(client, url)
    _visit(client, url, {"seite": "2"})
    section_save(section=section, text="Neu", based_on=60, actor=Actor(user=staff_member))
    first = _visit(client, url)[0]
    assert ROW_VERSION.findall(first)[0] == "61"
    assert "61 (aktuell)" in first and "61 gespeicherte Versionen" in first
    assert 'name="based_on" value="61"' in first
    # Every page moves along, also one that was a memo before.
    assert ROW_VERSION.findall(_visit(client, url, {"seite": "2"})[0])[0] == "11"


def test_the_draft_section_and_author_show_each_change(section, staff_member, as_user):
    client = as_user(staff_member)
    url = _url(section)
    _visit(client, url)
    Draft.objects.filter(pk=section.draft_id).update(title="Neuer Entwurfstitel")
    assert "Neuer Entwurfstitel" in _visit(client, url)[0]
    DraftSection.objects.filter(pk=section.pk).update(title="Neuer Abschnittstitel")
    assert "Versionen von „Neuer Abschnittstitel“" in _visit(client, url)[0]
    type(staff_member).objects.filter(pk=staff_member.pk).update(name="Neue Autorin")
    assert "Neue Autorin" in _visit(client, url)[0]


def test_without_access_no_memo_is_shown(
    section, staff_member, other_staff, mentor, mentor_share, as_user
):
    url = _url(section)
    for params in ({}, {"seite": "2"}, {"a": "3", "b": "60"}):
        _visit(as_user(staff_member), url, params)
        _visit(as_user(mentor), url, params)
        assert as_user(other_staff).get(url, params).status_code in (403, 404)
        signed_out = Client().get(url, params)
        assert signed_out.status_code == 302
        assert "Wort" not in signed_out.content.decode()
    DraftMentor.objects.filter(pk=mentor_share.pk).delete()
    assert as_user(mentor).get(url).status_code in (403, 404)


@pytest.mark.parametrize("editor_first", [True, False])
def test_people_with_other_flags_get_their_own(
    section, staff_member, coordinator, network_share, as_user, editor_first
):
    url = _url(section)
    restore = 'form="restore" formaction='
    visits = [(staff_member, True), (coordinator, False)]
    for person, edits in visits if editor_first else visits[::-1]:
        for params in ({}, {"seite": "2"}, {"a": "3", "b": "60"}):
            html = _visit(as_user(person), url, params)[0]
            assert (restore in html) is edits, (person, params)
            assert ('id="restore"' in html) is edits
            assert ("Wiederherstellen</th>" in html) is edits


def test_the_restore_form_carries_each_requests_csrf_token(section, staff_member, as_user):
    url = _url(section)
    _visit(as_user(staff_member), url)  # the memo
    tokens = []
    for saved in range(2):
        client = Client(enforce_csrf_checks=True)
        sign_in(client, staff_member)
        html = _visit(client, url)[0]
        token = TOKEN.findall(html)
        assert len(token) == 1
        tokens.append(token[0])
        restore = reverse(
            "applications:restore",
            kwargs={"pk": section.draft_id, "section_key": section.key, "section_revision": 3},
        )
        # The token of the memo's page is this person's: the restore is done.
        response = client.post(restore, {"csrfmiddlewaretoken": token[0], "based_on": 60 + saved})
        assert response.status_code == 302, response.content[:200]
    assert tokens[0] != tokens[1]
    section.refresh_from_db()
    assert section.version == 62
