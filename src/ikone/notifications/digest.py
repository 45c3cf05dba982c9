"""The daily digest: what a person chose to receive once a day, in one
mail, exactly once per person and day.

`digest_send` claims the day by inserting the person's `Digest` row (unique
per person and day) and marks the notifications as digested in the same
transaction, and sends only after that committed: a worker killed while
sending leaves the digest unsent rather than sent twice (at most once, see
`core.mail`). A failed send releases the claim, so the next run tries
again. Of two workers running the task at once, the second one's insert
fails on the unique constraint and it sends nothing.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from ikone.accounts.models import User
from ikone.core import datetimes, mail
from ikone.core.mail import Mail, absolute_url
from ikone.notifications.models import Delivery, Digest, Notification
from ikone.notifications.notifications import DIGEST


def pending(user_id: int) -> list[Notification]:
    """The person's notifications waiting for a digest, oldest first."""
    return list(
        Notification.objects.filter(
            user_id=user_id, delivery=Delivery.DIGEST, digested_at__isnull=True
        ).order_by("created_at", "pk")
    )


def digest_mail(user_id: int) -> Mail | None:
    """The digest of everything pending for the person (None if nothing)."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    items = pending(user_id)
    if user is None or not items:
        return None
    return Mail(
        DIGEST,
        [user],
        {
            "notifications": items,
            "base_url": absolute_url("").rstrip("/"),
            "centre_url": absolute_url(reverse("notifications:list")),
            "settings_url": absolute_url(reverse("notifications:settings")),
        },
    )


def digest_send(*, user_id: int, day: dt.date) -> int:
    """Send the person's digest for `day` unless it went out already;
    returns how many notifications it carried (0: nothing sent)."""
    with transaction.atomic():
        built = digest_mail(user_id)
        if built is None:
            return 0
        try:
            with transaction.atomic():
                Digest.objects.create(user_id=user_id, day=day, count=0)
        except IntegrityError:
            return 0
        ids = [item.pk for item in built.context["notifications"]]
        Notification.objects.filter(pk__in=ids).update(digested_at=timezone.now())
        Digest.objects.filter(user_id=user_id, day=day).update(count=len(ids))
    built.idempotency_key = f"{DIGEST}:{user_id}:{datetimes.iso(day)}"
    try:
        mail.send(built)
    except Exception:
        with transaction.atomic():
            Digest.objects.filter(user_id=user_id, day=day).delete()
            Notification.objects.filter(pk__in=ids).update(digested_at=None)
        raise
    return len(ids)


def users_with_pending_digest() -> list[int]:
    """Every person with at least one notification waiting for a digest."""
    return list(
        Notification.objects.filter(delivery=Delivery.DIGEST, digested_at__isnull=True)
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )
