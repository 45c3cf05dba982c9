"""The public pages: list, detail, versions, diff, deadline file."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from ikone.calls.deadlines import countdown_label
from ikone.calls.diff import word_diff
from tests.calls.factories import make_call

pytestmark = pytest.mark.django_db


def test_list_shows_calls_with_countdown_and_filters_by_status(client):
    make_call("offen-1")
    make_call("zu-1", status="closed", deadline=timezone.now() - dt.timedelta(days=400))
    response = client.get(reverse("calls:list"))
    content = response.content.decode()
    assert "Testaufruf offen-1" in content
    assert "Testaufruf zu-1" in content
    assert "noch 23 Tage" in content
    assert "Frist abgelaufen" in content
    content = client.get(reverse("calls:list"), {"status": "closed"}).content.decode()
    assert "Testaufruf zu-1" in content
    assert "Testaufruf offen-1" not in content


def test_list_ignores_an_unknown_status(client):
    make_call("offen-1")
    response = client.get(reverse("calls:list"), {"status": "quatsch"})
    assert response.status_code == 200
    assert "Testaufruf offen-1" in response.content.decode()


def test_detail_shows_facts_sections_toc_and_links(client):
    call = make_call("detail")
    response = client.get(call.get_absolute_url())
    content = response.content.decode()
    assert "65\xa0%" in content
    assert "bis zu 90\xa0%" in content
    assert "Eigenanteil 35\xa0%" in content
    assert "1.000.000\xa0€" in content
    assert "Phase A – Strategie" in content and "12 Monate" in content
    assert "Ratsbeschluss" in content and "optional" in content
    assert "Beteiligung" in content and "Gewichtung 20" in content
    assert 'id="abschnitt-1-2"' in content
    assert 'href="#abschnitt-1-2"' in content
    assert "1.2</span> Förderfähige Ausgaben" in content
    assert "noch 23 Tage" in content
    assert reverse("calls:ics", kwargs={"slug": "detail"}) in content
    assert reverse("calls:versions", kwargs={"slug": "detail"}) in content
    # Only coordinators see the amendment link.
    assert reverse("calls:amend", kwargs={"slug": "detail"}) not in content


def test_detail_of_unknown_call_is_404(client):
    assert client.get(reverse("calls:detail", kwargs={"slug": "gibt-es-nicht"})).status_code == 404


def test_example_call_is_labelled(client):
    call = make_call("beispiel", is_example=True)
    content = client.get(call.get_absolute_url()).content.decode()
    assert "Beispielaufruf" in content
    assert "erfunden" in content


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (dt.timedelta(days=23), "noch 23 Tage"),
        (dt.timedelta(days=1), "noch 1 Tag"),
        (dt.timedelta(minutes=1), None),
        (dt.timedelta(seconds=-1), "Frist abgelaufen"),
    ],
)
def test_countdown(delta, expected):
    now = timezone.make_aware(dt.datetime(2026, 11, 30, 12, 0))
    label = countdown_label(now + delta, now)
    if expected is None:
        assert label == "Frist endet heute"
    else:
        assert label == expected


def test_countdown_counts_calendar_days_in_berlin():
    # 23:30 UTC on 30 Nov is already 1 Dec in Berlin.
    now = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC)
    deadline = dt.datetime(2026, 12, 2, 22, 59, tzinfo=dt.UTC)  # 23:59 on 2 Dec in Berlin
    assert countdown_label(deadline, now) == "noch 1 Tag"
    assert countdown_label(None, now) == ""


def test_ics_parses_with_icalendar(client):
    call = make_call("ics")
    response = client.get(reverse("calls:ics", kwargs={"slug": "ics"}))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert event["SUMMARY"] == f"Frist: {call.title}"
    assert event.decoded("DTSTART") == call.deadline.replace(microsecond=0)
    assert str(event["UID"]).startswith(f"call-{call.pk}-deadline@")
    assert calendar.walk("VALARM")
    assert calendar.walk("VTIMEZONE")


def test_ics_without_deadline_is_404(client):
    make_call("ohne-frist", deadline=None)
    assert client.get(reverse("calls:ics", kwargs={"slug": "ohne-frist"})).status_code == 404


def test_versions_list_and_old_version_stay_readable(client):
    call = make_call("fassungen", amended=True)
    content = client.get(reverse("calls:versions", kwargs={"slug": call.slug})).content.decode()
    assert "Fassung 1" in content and "Fassung 2" in content
    assert "Beratung ergänzt." in content
    assert reverse("calls:diff", kwargs={"slug": call.slug, "old": 1, "new": 2}) in content
    old = client.get(reverse("calls:version", kwargs={"slug": call.slug, "number": 1}))
    text = old.content.decode()
    assert "ältere Fassung 1" in text
    assert "Personal und Sachmittel." in text
    assert "Beratung" not in text.split("Text des Aufrufs")[1]
    assert (
        client.get(reverse("calls:version", kwargs={"slug": call.slug, "number": 9})).status_code
        == 404
    )


def test_diff_marks_changed_words_accessibly(client):
    call = make_call("vergleich", amended=True)
    response = client.get(reverse("calls:diff", kwargs={"slug": call.slug, "old": 1, "new": 2}))
    content = response.content.decode()
    assert "1 Abschnitt geändert" in content
    assert 'id="diff-abschnitt-1-2"' in content
    assert '<ins class="ikone-diff__ins"><span class="kern-sr-only">eingefügt: </span>' in content
    assert "Beratung." in content
    assert "Bewerbung" not in content.split("Geänderte Abschnitte")[1].split("Alle Abschnitte")[0]
    everything = client.get(
        reverse("calls:diff", kwargs={"slug": call.slug, "old": 1, "new": 2}), {"alle": "1"}
    ).content.decode()
    assert "Unverändert" in everything
    same = reverse("calls:diff", kwargs={"slug": call.slug, "old": 2, "new": 2})
    assert client.get(same).status_code == 404


def test_word_diff_escapes_and_labels():
    html = word_diff("a <b> c", "a <b> d")
    assert "&lt;b&gt;" in html
    assert (
        '<del class="ikone-diff__del"><span class="kern-sr-only">gelöscht: </span>c</del>' in html
    )
    assert (
        '<ins class="ikone-diff__ins"><span class="kern-sr-only">eingefügt: </span>d</ins>' in html
    )


def test_section_links_point_to_their_version():
    call = make_call("links", amended=True)
    from ikone.calls.models import CallSection
    from ikone.calls.selectors import section_in_current_version

    old = CallSection.objects.select_related("version__call").get(
        version__number=1, number="1.2", version__call=call
    )
    assert old.get_absolute_url() == "/foerderaufrufe/links/versionen/1/#abschnitt-1-2"
    current = section_in_current_version(old)
    assert current is not None and current.version.number == 2
    assert current.get_absolute_url() == "/foerderaufrufe/links/#abschnitt-1-2"
