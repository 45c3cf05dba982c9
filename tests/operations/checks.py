"""What must hold after a workload, read from the database and the mail
folder: every acknowledged write is there, the workshop is not overbooked,
no mail went out twice, nobody was signed out."""

from __future__ import annotations

import email
import hashlib
from collections import Counter
from email.header import decode_header, make_header
from pathlib import Path

from tests.operations.cluster import query
from tests.operations.workload import Workload
from tests.operations.world import EVENT_SLUG, SEATS, email_of


def assert_nobody_signed_out(workload: Workload) -> None:
    signed_out = {r.number: r.signed_out for r in workload.records if r.signed_out}
    assert not signed_out, f"clients sent to the login page (session lost): {signed_out}"


def assert_acknowledged_writes_kept(database_url: str, workload: Workload) -> int:
    """Returns the number of acknowledged writes checked."""
    texts = dict(
        query(
            database_url,
            "SELECT key, text FROM applications_draftsection WHERE draft_id = %s",
            workload.draft,
        )
    )
    titles = {row[0] for row in query(database_url, "SELECT title FROM qa_question")}
    acknowledged = 0
    for record in workload.records:
        assert record.saved_texts, f"client {record.number} saved nothing"
        # One writer per section: the last acknowledged text, or a later
        # attempt whose answer was lost (it may have been written).
        stored = texts[record.section_key]
        assert stored in (record.saved_texts[-1], record.last_attempted_text), (
            f"client {record.number}: acknowledged {record.saved_texts[-1]!r}, stored {stored!r}"
        )
        missing = [title for title in record.questions if title not in titles]
        assert not missing, f"client {record.number}: acknowledged questions missing: {missing}"
        acknowledged += len(record.saved_texts) + len(record.questions) + record.registered
    return acknowledged


def registrations(database_url: str) -> dict[str, list[str]]:
    rows = query(
        database_url,
        "SELECT u.email, r.status FROM events_registration r"
        " JOIN accounts_user u ON u.id = r.person_id JOIN events_event e ON e.id = r.event_id"
        " WHERE e.slug = %s AND r.status <> 'cancelled'",
        EVENT_SLUG,
    )
    by_person: dict[str, list[str]] = {}
    for address, status in rows:
        by_person.setdefault(address, []).append(status)
    return by_person


def assert_not_overbooked(database_url: str, workload: Workload) -> Counter:
    by_person = registrations(database_url)
    twice = {address: s for address, s in by_person.items() if len(s) > 1}
    assert not twice, f"people registered twice: {twice}"
    statuses = Counter(s[0] for s in by_person.values())
    assert statuses["confirmed"] <= SEATS, f"overbooked: {statuses}"
    assert statuses["confirmed"] == min(SEATS, len(by_person)), f"seats left free: {statuses}"
    for record in workload.records:
        if record.registered:
            assert email_of(record.number) in by_person, f"client {record.number} lost its seat"
    return statuses


def mails(mail_dir: Path) -> list[email.message.Message]:
    """The messages Django's file backend wrote (79 dashes between them)."""
    found = []
    for path in sorted(mail_dir.glob("*.log")) if mail_dir.exists() else []:
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                found.append(email.message_from_bytes(chunk))
    return found


def _fingerprint(message: email.message.Message) -> str:
    parts = [str(make_header(decode_header(message.get(name, "")))) for name in ("To", "Subject")]
    for part in message.walk():
        if not part.is_multipart():
            parts.append(hashlib.sha256(part.get_payload(decode=True) or b"").hexdigest())
    return "|".join(parts)


def assert_no_duplicate_mail(mail_dir: Path, database_url: str) -> int:
    """Every registered person got exactly one mail about the workshop."""
    messages = mails(mail_dir)
    counts = Counter(_fingerprint(message) for message in messages)
    duplicates = [fingerprint for fingerprint, n in counts.items() if n > 1]
    assert not duplicates, f"mails sent more than once: {duplicates}"
    per_person = Counter(str(message["To"]) for message in messages)
    for address in registrations(database_url):
        assert per_person[address] == 1, f"{address} got {per_person[address]} mails"
    return len(messages)
