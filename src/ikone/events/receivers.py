"""What the events app does when something happens in a lower app;
connected in `EventsConfig.ready()`."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from ikone.accounts.signals import account_deleting
from ikone.events.services import registration


@receiver(account_deleting, dispatch_uid="events.release_seats_of_deleted_account")
def release_seats(sender: Any, *, user: Any, actor: Any, **kwargs: Any) -> None:
    """A deleted account frees its seats the normal way: cancelled, so the
    waiting list moves up and the people moving up get their e-mail."""
    registration.registrations_release(person=user, actor=actor)
