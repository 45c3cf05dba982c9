"""The kinds of mail the platform sends, registered by the app that sends
them (in `AppConfig.ready()`, from its `notification_kinds.py`).

One place to read what IKONE mails and to whom, for the mail helper (which
refuses an unregistered kind) and for a later notifications app (settings
per person). `mandatory` kinds are part of an action the person took or
needs to act on (a confirmation, an invitation, a decision); the others
inform and may one day be switched off.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise

from ikone.core.registry import Registry


@dataclass(frozen=True)
class NotificationKind:
    key: str  # "<app>.<template name>", e.g. "events.registration_confirmed"
    label: str | Promise
    description: str | Promise
    mandatory: bool = False

    @property
    def app(self) -> str:
        return self.key.partition(".")[0]


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
