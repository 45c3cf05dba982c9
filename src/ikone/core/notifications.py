"""The kinds of notification the apps send (e-mails today), registered by
the app that sends them in its `AppConfig.ready()` (from its
`notifications.py`); core never names an app.

One place to read what IKONE mails and to whom: `core.mail.notify(key, *ids)`
refuses an unregistered kind, `ikone show_registry` lists them, and a later
notifications app can offer settings per person. A kind's key is
`<app>.<name>`; its `builder` (a dotted path, resolved only when the mail is
sent) loads what the mail needs from the ids it is given and returns a
`core.mail.Mail`, or None when there is nothing to send any more.
`templates` names the mail templates its mails render (default: the kind's
own name). `mandatory` kinds belong to an action the person took or must act
on (a confirmation, an invitation, a decision); the others inform and may
one day be switched off.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise

from ikone.core.registry import Registry


@dataclass(frozen=True)
class NotificationKind:
    key: str  # "<app>.<name>", e.g. "events.registration"
    label: str | Promise
    builder: str
    description: str | Promise = ""
    mandatory: bool = False
    templates: tuple[str, ...] = ()

    @property
    def app(self) -> str:
        return self.key.partition(".")[0]

    @property
    def template_names(self) -> tuple[str, ...]:
        return self.templates or (self.key.partition(".")[2],)


KINDS: Registry[NotificationKind] = Registry(
    "Notification kinds",
    key=lambda kind: kind.key,
    describe=lambda kind: f"{kind.key}{' (mandatory)' if kind.mandatory else ''}: {kind.label}",
)


def register(*kinds: NotificationKind) -> None:
    for kind in kinds:
        KINDS.register(kind)


def get(key: str) -> NotificationKind:
    """The registered kind; LookupError for a kind no app registered."""
    kind = KINDS.get(key)
    if kind is None:
        raise LookupError(f"Unknown notification kind {key!r}: register it in its app.")
    return kind


def all_kinds() -> list[NotificationKind]:
    """Every registered kind, in registration order."""
    return list(KINDS)
