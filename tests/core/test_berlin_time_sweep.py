"""Every output that names a date says Europe/Berlin (issue 19).

The world: a call whose deadline is 23:59 Berlin time in winter (22:59 UTC)
and one in summer (21:59 UTC), a draft for each, and an event across the
change to summer time (Saturday 27 March 2027, 00:15 CET = 23:15 UTC on
Friday, to Sunday 28 March, 15:45 CEST = 13:45 UTC; the clocks go forward
at 02:00 in between), with registrations made at the two deadlines' instants.

Every export (PDF text, DOCX, CSV, XLSX, ICS), every mail that names a date,
every page and API answer that shows one, and the commands that print one
are rendered in German and English. Each must show the Berlin time (and
the Berlin day) of what it names, and no output may contain the UTC wall
clock, the UTC day where it differs, or the time a fixed +01:00 offset
would give in summer.

The platform's clock is fixed (as in tests/calls/test_demo.py), so nothing
rendered "now" can collide with the times looked for.
"""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime

import docx
import openpyxl
import pypdf
import pytest
from django.core.management import call_command
from django.utils import translation

from ikone.accounts.notifications import invitation_mail
from ikone.core import mail
from ikone.events import notifications as event_mails
from tests.accounts.fixtures import *  # noqa: F403
from tests.core.berlin_world import *  # noqa: F403
from tests.core.berlin_world import (
    EVENT_END,
    EVENT_START,
    FORBIDDEN,
    LANGUAGES,
    ORPHAN_SAVED,
    REGISTRATION_DEADLINE,
    SUMMER,
    WINTER,
    Output,
    assert_berlin,
    get,
    iso_form,
    problems,
    text_of,
    url,
)
from tests.core.helpers import sign_in

pytestmark = pytest.mark.django_db


def test_the_forms_tell_berlin_from_utc():
    """The check itself: the UTC rendering of each instant is caught, the
    Berlin one passes."""
    start_utc = EVENT_START.astimezone(UTC)
    assert "23:15" in FORBIDDEN and "26.03.2027" in FORBIDDEN and "21:59" in FORBIDDEN
    assert "14:45" in FORBIDDEN  # EVENT_END at a fixed +01:00
    assert "22:59" in FORBIDDEN  # the summer deadline at +01:00, and the winter one in UTC
    wrong = Output("utc", f"{start_utc:%d.%m.%Y %H:%M}", times=(EVENT_START,))
    assert len(problems(wrong)) == 3
    right = Output("berlin", "27. März 2027, 00:15 Uhr", times=(EVENT_START,))
    assert problems(right) == []
    assert problems(Output("en", "March 27, 2027, 12:15 a.m.", times=(EVENT_START,))) == []


# --- exports ----------------------------------------------------------------------


def _pdf_text(content: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def _docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def _xlsx_text(content: bytes) -> str:
    """Cells as a person sees them: dates in the German number format."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = []
    for row in sheet.iter_rows(min_row=2, values_only=True):
        for value in row:
            if isinstance(value, datetime):
                assert value.tzinfo is None  # a wall clock, not UTC marked as such
                cells.append(value.strftime("%d.%m.%Y %H:%M"))
            else:
                cells.append(str(value))
    return "\n".join(cells)


@pytest.mark.parametrize("language", LANGUAGES)
def test_exports_show_berlin_time(
    client, world, staff_member, coordinator, language, django_capture_on_commit_callbacks
):
    outputs = []
    sign_in(client, staff_member)
    for draft, deadline in zip(world.drafts, (WINTER, SUMMER), strict=True):
        # The files are made in the background (immediate backend on commit).
        for export_format in ("pdf", "docx"):
            with django_capture_on_commit_callbacks(execute=True):
                client.post(
                    url(
                        language,
                        "applications:export_create",
                        pk=draft.pk,
                        export_format=export_format,
                    )
                )
        pdf = get(client, language, "applications:export_pdf", pk=draft.pk)
        pdf_content = b"".join(pdf.streaming_content)
        outputs.append(Output(f"PDF {draft.call.slug}", _pdf_text(pdf_content), times=(deadline,)))
        word = get(client, language, "applications:export_docx", pk=draft.pk)
        word_content = b"".join(word.streaming_content)
        outputs.append(Output(f"DOCX {draft.call.slug}", _docx_text(word_content), (deadline,)))
    for call, deadline in ((world.winter, WINTER), (world.summer, SUMMER)):
        ics = get(client, language, "calls:ics", slug=call.slug)
        outputs.append(Output(f"ICS {call.slug}", text_of(ics), times=(deadline,)))
        assert "TZID=Europe/Berlin" in text_of(ics)
    event_ics = text_of(get(client, language, "events:ics", slug=world.event.slug))
    outputs.append(Output("ICS event", event_ics, times=(EVENT_START, EVENT_END)))
    feed = text_of(get(client, language, "events:feed"))
    outputs.append(Output("ICS feed", feed, times=(EVENT_START, EVENT_END)))
    for text in (event_ics, feed):
        assert "DTSTART;TZID=Europe/Berlin:20270327T001500" in text
        assert "DTEND;TZID=Europe/Berlin:20270328T154500" in text
    sign_in(client, coordinator)
    csv = get(client, language, "events:manage_export_csv", slug=world.event.slug)
    outputs.append(Output("CSV", csv.content.decode("utf-8-sig"), times=(WINTER, SUMMER)))
    xlsx = get(client, language, "events:manage_export_xlsx", slug=world.event.slug)
    outputs.append(Output("XLSX", _xlsx_text(xlsx.content), times=(WINTER, SUMMER)))
    assert_berlin(outputs)


# --- mails ------------------------------------------------------------------------


def _mail_outputs(name: str, built, language: str, times) -> list[Output]:
    mails = built if isinstance(built, list) else [built]
    assert mails and all(mails), name
    outputs = []
    for message in mails:
        subject, body = mail.render(message, language)
        outputs.append(Output(f"mail {name}", f"{subject}\n{body}", times=times))
        for attachment in message.attachments:
            text = attachment.content.decode()
            outputs.append(Output(f"mail {name} {attachment.filename}", text, times=times))
    return outputs


@pytest.mark.parametrize("language", LANGUAGES)
def test_mails_show_berlin_time(world, language):
    event_times = (EVENT_START, EVENT_END)
    confirmed, waitlisted = world.confirmed.pk, world.waitlisted.pk
    built = {
        "registration_confirmed": event_mails.registration_mail(confirmed),
        "registration_waitlisted": event_mails.registration_mail(waitlisted),
        "registration_moved_up": event_mails.moved_up_mail(confirmed),
        "reminder_day": event_mails.reminder_mail(confirmed, "day"),
        "reminder_hour": event_mails.reminder_mail(confirmed, "hour"),
        "participant_message": event_mails.participant_message_mail(world.message.pk),
        "feedback_request": event_mails.feedback_request_mail(world.event.pk),
        "event_cancelled": event_mails.cancelled_mails(world.cancelled.pk),
    }
    outputs = []
    for name, mails in built.items():
        outputs += _mail_outputs(name, mails, language, event_times)
    outputs += _mail_outputs(
        "invitation", invitation_mail(world.invitation.pk), language, (SUMMER,)
    )
    assert_berlin(outputs)


# --- pages and the API ------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_show_berlin_time(client, world, staff_member, coordinator, language):
    event = world.event.slug
    pages = [
        ("calls:list", {}, (WINTER, SUMMER)),
        ("calls:detail", {"slug": world.winter.slug}, (WINTER,)),
        ("calls:detail", {"slug": world.summer.slug}, (SUMMER,)),
        ("events:list", {}, (EVENT_START, EVENT_END)),
        ("events:detail", {"slug": event}, (EVENT_START, EVENT_END, REGISTRATION_DEADLINE)),
    ]
    outputs = [
        Output(f"page {name} {kwargs}", text_of(get(client, language, name, **kwargs)), times)
        for name, kwargs, times in pages
    ]
    sign_in(client, staff_member)
    outputs.append(
        Output(
            "page applications:list",
            text_of(get(client, language, "applications:list")),
            days=(WINTER, SUMMER),
        )
    )
    for draft, deadline in zip(world.drafts, (WINTER, SUMMER), strict=True):
        detail = text_of(get(client, language, "applications:detail", pk=draft.pk))
        outputs.append(Output(f"page applications:detail {draft.call.slug}", detail))
        for name in ("applications:readiness", "applications:schedule"):
            text = text_of(get(client, language, name, pk=draft.pk))
            outputs.append(Output(f"page {name} {draft.call.slug}", text, days=(deadline,)))
        api = text_of(client.get(f"/api/v1/applications/{draft.pk}/"))
        outputs.append(Output(f"API application {draft.call.slug}", api, days=(deadline,)))
        assert iso_form(deadline) in api or deadline.date().isoformat() in api
    export = text_of(client.post(url(language, "accounts:export")))
    outputs.append(Output("personal data export", export))
    centre = text_of(get(client, language, "notifications:list"))
    outputs.append(Output("page notifications:list", centre, times=(EVENT_START,)))
    weekday = "Samstag, 27. März 2027" if language == "de" else "Saturday, 27 March 2027"
    assert weekday in centre  # the day heading, a Berlin day
    assert iso_form(WINTER) in export  # date_joined, with the Berlin offset
    sign_in(client, coordinator)
    for name in ("events:manage_list", "events:manage_participants", "core:audit_log"):
        kwargs = {"slug": event} if name == "events:manage_participants" else {}
        text = text_of(get(client, language, name, **kwargs))
        times = {
            "events:manage_list": (EVENT_START,),
            "events:manage_participants": (WINTER, SUMMER),
            "core:audit_log": (WINTER,),
        }[name]
        outputs.append(Output(f"page {name}", text, times=times))
    edit = text_of(get(client, language, "events:manage_edit", slug=event))
    outputs.append(Output("page events:manage_edit", edit))
    assert 'value="2027-03-27T00:15"' in edit or "27.03.2027 00:15" in edit
    for call, deadline in ((world.winter, WINTER), (world.summer, SUMMER)):
        api = text_of(client.get(f"/api/v1/calls/{call.slug}/"))
        outputs.append(Output(f"API call {call.slug}", api))
        assert iso_form(deadline) in api
    api = text_of(client.get(f"/api/v1/events/{event}/"))
    outputs.append(Output("API event", api, times=(EVENT_START, EVENT_END)))
    assert iso_form(EVENT_START) in api and iso_form(EVENT_END) in api
    assert iso_form(REGISTRATION_DEADLINE) in api
    assert_berlin(outputs)


# --- management commands ----------------------------------------------------------

CALL_YAML = """\
call:
  slug: befehlsfrist
  programme: Probeprogramm
  funder: Probeministerium
  title: Probeaufruf über die Kommandozeile
  status: open
  deadline: "2027-06-30T21:59:00+00:00"
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_commands_print_berlin_time(world, tmp_path, settings, language):
    path = tmp_path / "aufruf.yaml"
    path.write_text(CALL_YAML, encoding="utf-8")
    out = io.StringIO()
    with translation.override(language):
        call_command("import_call", str(path), stdout=out)
    outputs = [Output("import_call", out.getvalue(), times=(SUMMER,))]

    media = tmp_path / "media"
    media.mkdir()
    orphan = media / "verwaist.pdf"
    orphan.write_bytes(b"%PDF-1.7\n")
    os.utime(orphan, (ORPHAN_SAVED.timestamp(), ORPHAN_SAVED.timestamp()))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media)},
        },
    }
    out = io.StringIO()
    with translation.override(language):
        call_command("remove_orphaned_files", stdout=out)
    assert "verwaist.pdf" in out.getvalue()
    outputs.append(Output("remove_orphaned_files", out.getvalue(), times=(ORPHAN_SAVED,)))
    assert_berlin(outputs)
