"""Section history that stays small (issue 11.12): compaction keeps every
version of the last day, one per hour for a week, one per day before that,
and always the restored and submitted ones; the history page is paginated."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse

from ikone.applications.models import DraftSection, SectionRevision
from ikone.applications.services.drafts import draft_transition
from ikone.applications.services.history import (
    VersionRow,
    compact_section_history,
    versions_to_drop,
)
from ikone.applications.services.sections import section_restore, section_save
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def row(pk, *, ago, restored_from=None, submitted=False):
    return VersionRow(pk, pk, NOW - ago, restored_from, submitted)


# ---------------------------------------------------------------------------
# The rule


def test_the_last_day_is_kept_whole():
    rows = [row(n, ago=timedelta(hours=23, minutes=60 - n)) for n in range(1, 60)]
    assert versions_to_drop(rows, now=NOW) == []


def test_one_per_hour_for_a_week_the_last_of_each_hour():
    # Versions 1–6 every 10 minutes within one hour two days ago, 7 now.
    base = timedelta(days=2, hours=1)
    rows = [row(n, ago=base - timedelta(minutes=10 * (n - 1))) for n in range(1, 7)]
    rows.append(row(7, ago=timedelta(0)))
    dropped = versions_to_drop(rows, now=NOW)
    assert sorted(dropped) == [1, 2, 3, 4, 5]  # 6 is the hour's last state


def test_one_per_day_before_the_week():
    # Three versions on each of two days, three weeks ago.
    rows = []
    pk = 1
    for days in (22, 21):
        for hours in (9, 5, 1):  # from morning to evening of that day
            rows.append(row(pk, ago=timedelta(days=days, hours=hours)))
            pk += 1
    rows.append(row(pk, ago=timedelta(minutes=5)))
    assert sorted(versions_to_drop(rows, now=NOW)) == [1, 2, 4, 5]


def test_restored_submitted_and_current_versions_stay():
    old = timedelta(days=30)
    rows = [
        row(1, ago=old + timedelta(minutes=5)),  # restored later by version 4
        row(2, ago=old + timedelta(minutes=4), submitted=True),
        row(3, ago=old + timedelta(minutes=3)),
        row(4, ago=old + timedelta(minutes=2), restored_from=1),
        row(5, ago=old + timedelta(minutes=1)),
    ]
    # All on one day: only 3 is neither pinned nor the day's last state.
    assert versions_to_drop(rows, now=NOW) == [3]


# ---------------------------------------------------------------------------
# The command on real rows


@pytest.fixture
def section(workshop_draft) -> DraftSection:
    section = workshop_draft.sections.get(key="ausgangslage")
    section.draft = workshop_draft
    return section


def _autosaves(section, user, count: int, *, start: datetime, step: timedelta) -> None:
    actor = Actor(user=user)
    for _ in range(count):
        section_save(
            section=section, text=f"{section.text} x", based_on=section.version, actor=actor
        )
    revisions = list(section.revisions.order_by("version"))
    for index, revision in enumerate(revisions):
        revision.created_at = start + step * index
    SectionRevision.objects.bulk_update(revisions, ["created_at"])


def test_compaction_thins_out_and_keeps_pinned_versions(section, staff_member):
    # Two versions every 30 minutes for 10 days up to now.
    start = datetime.now(UTC) - timedelta(days=10)
    _autosaves(section, staff_member, 479, start=start, step=timedelta(minutes=30))
    total = section.revisions.count()
    section_restore(
        section=section, version=3, based_on=section.version, actor=Actor(user=staff_member)
    )
    last_day = set(
        section.revisions.filter(
            created_at__gte=datetime.now(UTC) - timedelta(hours=23, minutes=59)
        ).values_list("pk", flat=True)
    )
    result = compact_section_history()
    kept = section.revisions.count()
    assert result.deleted == total + 1 - kept > 0
    versions = set(section.revisions.values_list("version", flat=True))
    assert {3, section.version} <= versions  # restored source and the restore itself
    assert len(last_day) >= 46
    assert last_day <= set(section.revisions.values_list("pk", flat=True))  # the whole last day
    # A week of hours (~7 × 24) plus three days of days plus the last day whole.
    assert kept < 48 + 7 * 24 + 5
    assert compact_section_history().deleted == 0  # a second run changes nothing


def test_submitted_versions_are_kept(section, staff_member, contact_person):
    _autosaves(
        section, staff_member, 5, start=datetime.now(UTC) - timedelta(days=40), step=timedelta(0)
    )
    submitted_version = section.version
    draft_transition(
        draft=section.draft,
        action="submit",
        actor=Actor(user=contact_person),
        submitted_on=date.today(),
    )
    assert section.revisions.get(version=submitted_version).submitted
    # Later edits on the same day, then a compaction: the submitted text stays.
    SectionRevision.objects.filter(section=section).update(
        created_at=datetime.now(UTC) - timedelta(days=40)
    )
    call_command("compact_section_history", verbosity=0)
    assert section.revisions.filter(version=submitted_version).exists()


def test_command_reports_what_it_did(section, staff_member, capsys):
    _autosaves(
        section, staff_member, 4, start=datetime.now(UTC) - timedelta(days=3), step=timedelta(0)
    )
    call_command("compact_section_history")
    out = capsys.readouterr().out
    assert "Version(en) in 1 Abschnitt(en) entfernt." in out


# ---------------------------------------------------------------------------
# The history page


def test_history_page_is_paginated_with_a_constant_number_of_queries(
    section, staff_member, as_user, django_assert_max_num_queries
):
    _autosaves(section, staff_member, 119, start=datetime.now(UTC), step=timedelta(seconds=5))
    total = section.revisions.count()
    client = as_user(staff_member)
    url = reverse(
        "applications:history", kwargs={"pk": section.draft_id, "section_key": section.key}
    )
    with django_assert_max_num_queries(20):
        first = client.get(url).content.decode()
    assert first.count('name="a"') == 50
    assert f"{total} gespeicherte Versionen" in first
    assert "seite=2" in first
    last_page = (total - 1) // 50 + 1
    with django_assert_max_num_queries(20):
        last = client.get(url, {"seite": last_page}).content.decode()
    assert last.count('name="a"') == total - 50 * (last_page - 1)
    # Comparing two versions from another page still works.
    compared = client.get(url, {"a": 1, "b": section.version}).content.decode()
    assert f"Version 1 → Version {section.version}" in compared


def test_each_page_lists_its_own_versions_across_gaps(section, staff_member, as_user):
    """A page starts where the one before ended, also where compaction has
    left gaps in the version numbers."""
    SectionRevision.objects.bulk_create(
        SectionRevision(section=section, version=n, text="Wort", author=staff_member)
        for n in range(1, 131)
        if n % 7 and n % 11
    )
    DraftSection.objects.filter(pk=section.pk).update(version=130)
    expected = list(section.revisions.order_by("-version").values_list("version", flat=True))
    client = as_user(staff_member)
    url = reverse(
        "applications:history", kwargs={"pk": section.draft_id, "section_key": section.key}
    )
    shown = []
    for page in (1, 2, 3):
        response = client.get(url, {"seite": page})
        # The rows' versions as shown (the content is a memo, no context).
        rows = re.findall(
            r'<th class="kern-table__cell" scope="row">(\d+)', response.content.decode()
        )
        shown += [int(version) for version in rows]
    assert shown == expected


def test_the_number_of_versions_is_counted_once_per_change(section, staff_member, as_user):
    """The count of a section's versions is a memo: a second visit does not
    count again, and a new version (any write to the versions) counts anew."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _autosaves(section, staff_member, 60, start=datetime.now(UTC), step=timedelta(seconds=5))
    total = section.revisions.count()
    client = as_user(staff_member)
    url = reverse(
        "applications:history", kwargs={"pk": section.draft_id, "section_key": section.key}
    )
    assert f"{total} gespeicherte Versionen" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url).content.decode()
    assert f"{total} gespeicherte Versionen" in again
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"]]

    section.refresh_from_db()
    section_save(
        section=section,
        text="Ein neuer Stand des Abschnitts.",
        based_on=section.version,
        actor=Actor(user=staff_member),
    )
    assert f"{total + 1} gespeicherte Versionen" in client.get(url).content.decode()


def test_history_of_5000_autosaves_stays_within_the_page_budget(
    section, staff_member, as_user, django_assert_max_num_queries
):
    """The benchmark's long-history section (bench/volume_drafts.py): the
    page reads one page of rows, never the 5,000 texts, within the query
    budget of bench/budgets.toml."""
    import time

    SectionRevision.objects.bulk_create(
        SectionRevision(section=section, version=n, text="Wort " * 200, author=staff_member)
        for n in range(1, 5001)
    )
    DraftSection.objects.filter(pk=section.pk).update(version=5000, text="Wort " * 200)
    client = as_user(staff_member)
    url = reverse(
        "applications:history", kwargs={"pk": section.draft_id, "section_key": section.key}
    )
    client.get(url)  # warm caches, as the benchmark does
    for page in ("1", "100"):
        started = time.perf_counter()
        # Issue 15: at most 10 besides the session (the bench keeps sessions
        # in Redis). The page's rows are one query (its newest version a
        # subquery), the
        # count of versions a memo;
        # page 1 takes the two newest versions from its own rows; the
        # section comes with its draft and the person's role in one query.
        with django_assert_max_num_queries(4 if page == "1" else 5):
            response = client.get(url, {"seite": page})
        elapsed = time.perf_counter() - started
        assert response.status_code == 200
        assert response.content.decode().count('name="a"') == 50
        print(f"history page {page} of 5,000 versions: {elapsed * 1000:.0f} ms")


def test_history_rows_show_who_and_what_each_person_may_do(
    section, staff_member, mentor, mentor_share, as_user
):
    """The rows built in Python (applications/history_rows.py, issue 15)
    show what the template showed: current and restored versions, the
    author (escaped), compare choices for everyone who may read the draft,
    restore buttons only for those who may edit it."""
    staff_member.name = "<b>Bea</b> Beispiel"
    staff_member.save(update_fields=["name"])
    _autosaves(section, staff_member, 3, start=datetime.now(UTC), step=timedelta(seconds=5))
    section.refresh_from_db()
    section_restore(
        section=section, version=1, based_on=section.version, actor=Actor(user=staff_member)
    )
    section.refresh_from_db()
    url = reverse(
        "applications:history", kwargs={"pk": section.draft_id, "section_key": section.key}
    )
    html = as_user(staff_member).get(url).content.decode()
    total = section.revisions.count()
    assert html.count('name="a"') == total and html.count('name="b"') == total
    assert f"{section.version} (aktuell)" in html
    assert "aus Version 1" in html
    assert "&lt;b&gt;Bea&lt;/b&gt; Beispiel" in html and "<b>Bea</b>" not in html
    assert html.count("wiederherstellen</button>") == total - 1
    restore_one = reverse(
        "applications:restore",
        kwargs={"pk": section.draft_id, "section_key": section.key, "section_revision": 1},
    )
    assert f'formaction="{restore_one}">Version 1 wiederherstellen' in html
    # The two newest versions are preselected for comparing.
    assert f'value="{section.version}" id="b-{section.version}" checked' in html
    assert f'value="{section.version - 1}" id="a-{section.version - 1}" checked' in html

    read_only = as_user(mentor).get(url).content.decode()
    assert read_only.count('name="a"') == total
    assert "wiederherstellen</button>" not in read_only
