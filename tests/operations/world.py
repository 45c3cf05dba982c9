"""The data the operations tests work on, built once per test session in
the template database by a separate process (`python -m tests.operations.world`):
one organisation with CLIENTS members, a call, a draft with a section per
member, and a workshop with SEATS seats. Everything else comes from the
migrations. The workload clients sign in as these people through the real
login form."""

from __future__ import annotations

import datetime as dt
import json
import sys

CLIENTS = 8
SEATS = 3
PASSWORD = "Betriebstest-Passwort-2026"
EVENT_SLUG = "betriebstest-workshop"
CALL_SLUG = "betriebstest-aufruf"


def email_of(number: int) -> str:
    return f"betrieb{number}@ikone.invalid"


def build() -> dict[str, object]:
    from django.utils import timezone

    from ikone.accounts.models import Membership, Role
    from ikone.applications.services.drafts import draft_create
    from ikone.core.audit import Actor
    from tests.accounts.factories import OrganizationFactory
    from tests.applications.core_fixtures import make_call
    from tests.core.helpers import make_user
    from tests.events.factories import EventFactory

    organization = OrganizationFactory(name="Stadt Betriebsdorf")
    people = []
    for number in range(CLIENTS):
        person = make_user(email_of(number), password=PASSWORD, name=f"Betrieb {number}")
        Membership.objects.create(user=person, organization=organization, role=Role.STAFF)
        people.append(person)
    call = make_call(slug=CALL_SLUG)
    draft = draft_create(
        organization=organization,
        call=call,
        title="Betriebsdorf vernetzt (Betriebstest)",
        actor=Actor(user=people[0]),
    )
    section_keys = list(draft.sections.order_by("position").values_list("key", flat=True))
    EventFactory(
        slug=EVENT_SLUG,
        title="Betriebstest-Workshop",
        capacity=SEATS,
        starts_at=timezone.now() + dt.timedelta(days=20),
    )
    return {"draft": draft.pk, "sections": section_keys}


if __name__ == "__main__":
    import django

    django.setup()
    json.dump(build(), sys.stdout)
