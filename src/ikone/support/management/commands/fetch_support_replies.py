"""Read e-mail answers to support notifications and file them on their
request (docs/support.md).

    ikone fetch_support_replies                 # the IMAP mailbox IKONE_SUPPORT_IMAP_URL
    ikone fetch_support_replies --file a.eml    # one message from a file (tests, replays)

Run it every few minutes (cron or a systemd timer). Each message is read
once: over IMAP, processed messages are flagged \\Seen and \\Deleted.
"""

from __future__ import annotations

import imaplib
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.core.management.base import CommandError

from ikone.core.periodic import PeriodicCommand
from ikone.support.inbox import Outcome, file_reply


class Command(PeriodicCommand):
    help = "Files e-mail replies to support notifications on their requests."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--file", action="append", default=[], help="Read these .eml files.")

    def handle_periodic(self, *args: Any, **options: Any) -> None:
        if options["file"]:
            for name in options["file"]:
                self._report(name, file_reply(Path(name).read_bytes()))
            return
        url = settings.IKONE_SUPPORT_IMAP_URL
        if not url:
            raise CommandError(
                "IKONE_SUPPORT_IMAP_URL is not set (imaps://user:password@host/INBOX)."
            )
        self._imap(url)

    def _imap(self, url: str) -> None:
        parts = urlparse(url)
        secure = parts.scheme == "imaps"
        if parts.scheme not in ("imap", "imaps") or not parts.hostname:
            raise CommandError("IKONE_SUPPORT_IMAP_URL must be imap:// or imaps://.")
        client_class = imaplib.IMAP4_SSL if secure else imaplib.IMAP4
        client = client_class(parts.hostname, parts.port or (993 if secure else 143))
        try:
            client.login(unquote(parts.username or ""), unquote(parts.password or ""))
            client.select(parts.path.strip("/") or "INBOX")
            _status, data = client.search(None, "UNSEEN")
            for number in data[0].split():
                _status, fetched = client.fetch(number, "(RFC822)")
                raw = fetched[0][1] if fetched and isinstance(fetched[0], tuple) else b""
                self._report(number.decode(), file_reply(raw))
                client.store(number, "+FLAGS", "\\Seen \\Deleted")
            client.expunge()
        finally:
            client.logout()

    def _report(self, name: str, outcome: Outcome) -> None:
        self.stdout.write(f"{name}: {outcome.value}")
