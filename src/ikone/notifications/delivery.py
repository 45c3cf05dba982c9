"""The delivery hook `core.mail.send` calls for every mail: each person
with an account gets the message in the notification centre, and the
e-mail goes out now only to those who want it now.

Mandatory kinds (security, membership, decisions) always go out at once;
bare addresses without an account (an invitation) always get the e-mail.
The digest mail itself is not kept again: it only repeats the centre.
Three queries per mail, however many recipients: the accounts behind the
bare addresses, the recipients' choices for this kind, one bulk insert.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.utils import timezone

from ikone.accounts.models import User
from ikone.core import notifications
from ikone.core.mail import Mail, Recipient, Renderer, language_of
from ikone.notifications.models import Delivery, Notification, Preference
from ikone.notifications.notifications import DIGEST


def _accounts(recipients: Sequence[Recipient]) -> dict[int, User | None]:
    """The active account of each recipient (by position), None for an
    address without one."""
    addresses = {r for r in recipients if isinstance(r, str)}
    by_address = {}
    if addresses:
        by_address = {
            user.email: user for user in User.objects.filter(email__in=addresses, is_active=True)
        }
    accounts: dict[int, User | None] = {}
    for position, recipient in enumerate(recipients):
        if isinstance(recipient, User):
            accounts[position] = recipient if recipient.is_active else None
        elif isinstance(recipient, str):
            accounts[position] = by_address.get(recipient)
        else:
            accounts[position] = None
    return accounts


def choices_for(user_ids: Sequence[int], kind: str) -> dict[int, str]:
    """The chosen delivery of `kind` per person (absent: immediately)."""
    if not user_ids:
        return {}
    return dict(
        Preference.objects.filter(user_id__in=user_ids, kind=kind).values_list(
            "user_id", "delivery"
        )
    )


def _subject(subject: str) -> str:
    return subject.removeprefix(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX)


def keep_and_choose(mail: Mail, renderer: Renderer) -> list[Recipient]:
    """Keep `mail` in each recipient's notification centre; return the
    recipients to e-mail now."""
    if mail.kind == DIGEST:
        return list(mail.recipients)
    kind = notifications.get(mail.kind)
    accounts = _accounts(mail.recipients)
    user_ids = [user.pk for user in accounts.values() if user is not None]
    chosen = {} if kind.mandatory else choices_for(user_ids, kind.key)
    now, link = timezone.now(), mail.link()
    kept: list[Notification] = []
    send_now: list[Recipient] = []
    seen: set[int] = set()
    for position, recipient in enumerate(mail.recipients):
        user = accounts[position]
        if user is None:
            send_now.append(recipient)
            continue
        if user.pk in seen:
            continue
        seen.add(user.pk)
        delivery = chosen.get(user.pk, Delivery.IMMEDIATE)
        subject, body = renderer(language_of(user))
        kept.append(
            Notification(
                user=user,
                kind=kind.key,
                subject=_subject(subject)[:300],
                body=body,
                url=link[:500],
                delivery=delivery,
                created_at=now,
                source_key=mail.idempotency_key[:100],
            )
        )
        if delivery == Delivery.IMMEDIATE:
            send_now.append(recipient)
    # A retried task keeps each person's copy once (unique per mail key).
    Notification.objects.bulk_create(kept, ignore_conflicts=True)
    return send_now
