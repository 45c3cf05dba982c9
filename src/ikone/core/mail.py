"""The one way IKONE sends e-mail.

A service calls `notify("<app>.<name>", *ids)` inside its transaction. Once
the transaction commits (never if it rolls back), the background task
`deliver` runs the kind's builder (see `core.notifications`), which loads
fresh data from the ids, chooses the recipients (only people allowed to see
what the mail names: an organisation's unshared content goes to nobody
outside it) and returns a `Mail`. `send` renders it per recipient language
from the app's templates `<app>/email/<template>_subject.txt` and
`_message.txt` and sends one message per recipient, so nobody sees the
other addresses. Tasks that must know whether sending worked (reminders)
call `send` directly. The task runs with the request id of the request
that called `notify` (`core.logs`), so its log lines can be matched.

A higher app (the notification centre) may register one delivery hook with
`set_delivery_hook`: `send` hands it every mail before sending, the hook
keeps what it needs (each person's copy in the centre) and returns the
recipients who get the e-mail now; the others get it later (a digest) or
not at all, as they chose. Core knows only the hook's shape.

At most once: every message carries an idempotency key (header
`X-Idempotency-Key`, and its Message-ID is made from it). Before a message
goes to the mail server, `send` records the key in `OutgoingMail`
(unique); a key already recorded is skipped. `deliver` gets its key when it
is enqueued, so a retry of the task, or another worker taking over after a
crash, builds the same keys and sends only what was not handed over yet.
A worker killed after recording a key but before the server accepted the
message leaves that mail unsent rather than sending it twice (the row stays
"wird gesendet" and is visible in the admin). Callers of `send` outside
`deliver` set `Mail.idempotency_key` from what they are about (a reminder:
registration and stage) and call it outside a transaction, or claim their
work in a committed row first, so the record is durable before sending.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_tasks import task

from ikone.core import logs, notifications
from ikone.core.models import OutgoingMail

IDEMPOTENCY_HEADER = "X-Idempotency-Key"

# A person (any object with `email`, e.g. a User) or a bare address. A
# person's mail is in their `language` if they have one the platform offers;
# bare addresses (invitations to people without an account) get the default.
Recipient = Any


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    mimetype: str


@dataclass
class Mail:
    """One notification to several recipients. `template` defaults to the
    kind's name: kind `events.registration` with template
    `registration_confirmed` renders `events/email/registration_confirmed_*.txt`."""

    kind: str
    recipients: Sequence[Recipient]
    context: dict[str, Any]
    template: str = ""
    attachments: tuple[Attachment, ...] = ()
    reply_to: str = ""
    # Names this mail across retries: the same key (and recipient) is sent
    # once at most. Empty: a new key per `send`, i.e. no protection against
    # a caller that sends again (see `send`).
    idempotency_key: str = ""

    def template_base(self) -> str:
        app, _dot, name = self.kind.partition(".")
        return f"{app}/email/{self.template or name}"

    def link(self) -> str:
        """The page the mail is about, as a path: the first link of the
        context (keys ending in `_url`), for the notification centre."""
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        for key, value in self.context.items():
            if key.endswith("_url") and isinstance(value, str) and value:
                return value.removeprefix(base) or "/"
        return ""


def absolute_url(path: str) -> str:
    """A link for an e-mail: the platform's public base URL plus `path`."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def address_of(recipient: Recipient) -> str:
    return recipient if isinstance(recipient, str) else recipient.email


def language_of(recipient: Recipient) -> str:
    """The recipient's preferred language if the platform offers it, else
    the platform's default language."""
    preferred = getattr(recipient, "language", "") or ""
    offered = {code for code, _name in settings.LANGUAGES}
    return preferred if preferred in offered else settings.LANGUAGE_CODE


def render(mail: Mail, language: str) -> tuple[str, str]:
    """Subject (one line, with the platform's prefix) and body in `language`."""
    context = {"platform_name": settings.WAGTAIL_SITE_NAME, **mail.context}
    base = mail.template_base()
    with translation.override(language):
        subject_text = render_to_string(f"{base}_subject.txt", context)
        body = render_to_string(f"{base}_message.txt", context)
    return settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + " ".join(subject_text.split()), body


class Renderer:
    """Renders a mail once per language (subject, body), on demand."""

    def __init__(self, mail: Mail) -> None:
        self.mail = mail
        self._rendered: dict[str, tuple[str, str]] = {}

    def __call__(self, language: str) -> tuple[str, str]:
        if language not in self._rendered:
            self._rendered[language] = render(self.mail, language)
        return self._rendered[language]


# (mail, renderer) -> the recipients to mail now.
DeliveryHook = Callable[[Mail, Renderer], Sequence[Recipient]]
_delivery_hook: DeliveryHook | None = None


def set_delivery_hook(hook: DeliveryHook | None) -> None:
    """Register the function `send` hands every mail to before sending
    (called once by the notification centre in its `AppConfig.ready()`)."""
    global _delivery_hook
    _delivery_hook = hook


def recipient_key(mail: Mail, address: str) -> str:
    """The idempotency key of `mail` to one address: a hash, so neither the
    header nor the ledger shows the address."""
    material = f"{mail.idempotency_key}|{mail.kind}|{mail.template}|{address.lower()}"
    return hashlib.sha256(material.encode()).hexdigest()


def _reserve(key: str, kind: str) -> bool:
    """Record the key before sending; False if it was recorded already."""
    try:
        with transaction.atomic():
            OutgoingMail.objects.create(key=key, kind=kind)
    except IntegrityError:
        return False
    return True


def _message(mail: Mail, recipient: Recipient, renderer: Renderer) -> EmailMessage:
    subject, body = renderer(language_of(recipient))
    message = EmailMessage(
        subject,
        body,
        None,
        [address_of(recipient)],
        reply_to=[mail.reply_to] if mail.reply_to else None,
    )
    for attachment in mail.attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    return message


def send(mail: Mail) -> int:
    """Render and send `mail` now, one message per recipient in the
    recipient's language, each at most once per idempotency key; returns how
    many were sent. With a delivery hook, only the recipients the hook
    returns are mailed now. Raises LookupError for an unregistered kind or a
    template the kind does not declare, and whatever the mail backend
    raises (then the failed message's key is released for a retry)."""
    kind = notifications.get(mail.kind)
    template = mail.template or kind.key.partition(".")[2]
    if template not in kind.template_names:
        # Declared templates are what `show_registry` documents and the
        # registry test checks for both languages: an undeclared one could
        # be missing or untranslated.
        raise LookupError(f"{mail.kind!r} does not declare the mail template {template!r}.")
    if not mail.idempotency_key:
        mail.idempotency_key = uuid.uuid4().hex
    renderer = Renderer(mail)
    recipients = mail.recipients
    if _delivery_hook is not None:
        recipients = _delivery_hook(mail, renderer)
    sent = 0
    for recipient in recipients:
        key = recipient_key(mail, address_of(recipient))
        if send_once(key, mail.kind, partial(_message, mail, recipient, renderer)):
            sent += 1
    return sent


def send_once(key: str, kind: str, make: Callable[[], EmailMessage]) -> bool:
    """Send the message `make()` builds unless `key` was recorded already;
    True if it was sent now. The one place where IKONE hands a message to
    the mail server: `send` uses it for its mails, the allauth adapter for
    the account mails allauth renders itself. The key is recorded (and,
    outside a transaction, committed) before sending and released if the
    server refuses, so a retry may send it."""
    if not _reserve(key, kind):
        return False
    try:
        message = make()
        domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip("> ") or "ikone.invalid"
        message.extra_headers[IDEMPOTENCY_HEADER] = key
        message.extra_headers["Message-ID"] = f"<{key}@{domain}>"
        message.send()
    except BaseException:
        # The server did not take it: a retry may send it.
        OutgoingMail.objects.filter(key=key).delete()
        raise
    OutgoingMail.objects.filter(key=key).update(
        state=OutgoingMail.State.SENT, sent_at=timezone.now()
    )
    return True


def _as_mails(built: Mail | Iterable[Mail] | None) -> list[Mail]:
    if built is None:
        return []
    if isinstance(built, Mail):
        return [built]
    return list(built)


def build(kind: str, *args: Any) -> list[Mail]:
    """What the kind's builder returns for `args` (fresh from the database)."""
    builder = import_string(notifications.get(kind).builder)
    return _as_mails(builder(*args))


@task()
@logs.traced
def deliver(kind: str, *args: Any, idempotency_key: str = "") -> int:
    """Background task: build the kind's mails from `args` and send them.
    `idempotency_key` (set by `notify`) stays the same when the task is
    retried, so recipients already mailed are skipped."""
    sent = 0
    for position, built in enumerate(build(kind, *args)):
        if idempotency_key:
            built.idempotency_key = f"{idempotency_key}:{position}"
        sent += send(built)
    return sent


def notify(kind: str, *args: Any) -> None:
    """Send the notification `kind` about `args` (ids: they are stored with
    the task) by the `deliver` task once the surrounding transaction has
    committed; nothing is sent if it rolls back. Raises LookupError at once
    for an unregistered kind."""
    notifications.get(kind)
    key = uuid.uuid4().hex
    # On commit still runs in the request's context: the task gets its id.
    transaction.on_commit(lambda: logs.enqueue(deliver, kind, *args, idempotency_key=key))
