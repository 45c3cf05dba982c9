"""Knowledge articles and support requests for the benchmark (steps of
bench/generate.py's VOLUME_STEPS, after the people and drafts exist).

ARTICLES Wagtail article pages below the demo's /wissen/ page (live, with
fields of action and a call), and REQUESTS support requests of the
organisations' people and of visitors, in every status, with a reply each
where answered; dates spread over two years for the response-time figures.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from common import BATCH, BENCH_CONTACT_EMAIL, Context

ARTICLES = 2_000
REQUESTS = 20_000
TOPICS = [
    "Ratsbeschluss", "Eigenanteil", "Bürgerbeteiligung", "Sensorik", "Datenplattform",
    "Mobilität", "Partnerkommunen", "Zeitplan", "Kostenplan", "Open Source",
]  # fmt: skip


def add_articles(rng: random.Random, context: Any) -> None:
    """ARTICLES articles of every kind; `bench-beitrag-0420` is the article
    of the scenarios."""
    from django.utils import timezone

    from ikone.calls.models import Call
    from ikone.core.models import FieldOfAction
    from ikone.knowledge.demo.knowledge_base import PAGE_TYPES, knowledge_index_ensure

    index = knowledge_index_ensure()
    fields = list(FieldOfAction.objects.all())
    calls = list(Call.objects.all())
    kinds = list(PAGE_TYPES.items())
    now = timezone.now()
    for number in range(ARTICLES):
        kind, page_type = kinds[number % len(kinds)]
        topic = TOPICS[number % len(TOPICS)]
        published = now - timedelta(days=rng.randrange(4 * 365))
        page = page_type(
            title=f"{topic}: Erfahrung Nr. {number}",
            slug=f"bench-beitrag-{number:04d}",
            summary=f"Was Kommunen über {topic} gelernt haben (Benchmark-Beitrag {number}).",
            date=published.date(),
            visibility="network" if number % 5 == 0 else "public",
            live=True,
            first_published_at=published,
            last_published_at=published,
        )
        index.add_child(instance=page)
        page.fields_of_action.set(rng.sample(fields, 2))
        page.calls.set([rng.choice(calls)])
        page.save()
    context.counts["knowledge articles"] = ARTICLES


def add_support_requests(rng: random.Random, context: Context) -> None:
    """REQUESTS requests (a quarter from the contact form), a reply for
    every answered one; the benchmark Ansprechperson's organisation has a
    few hundred."""
    from django.utils import timezone

    from ikone.accounts.models import Membership, User
    from ikone.support.models import (
        MessageKind,
        Source,
        SupportMessage,
        SupportRequest,
        Topic,
    )
    from ikone.support.workflow import Status

    members = list(Membership.objects.values_list("user_id", "organization_id")[:5_000])
    contact = Membership.objects.filter(user__email=BENCH_CONTACT_EMAIL).values_list(
        "user_id", "organization_id"
    )[0]
    handlers = list(User.objects.filter(is_coordinator=True).values_list("pk", flat=True))
    now = timezone.now()
    statuses = list(Status)
    requests = []
    for number in range(REQUESTS):
        from_contact = number % 4 == 0
        user_id, organization_id = contact if number % 50 == 1 else rng.choice(members)
        status = rng.choice(statuses)
        created = now - timedelta(hours=rng.randrange(2 * 365 * 24))
        answered = status != Status.NEW
        requests.append(
            SupportRequest(
                topic=rng.choice(list(Topic)),
                subject=f"{TOPICS[number % len(TOPICS)]}: Anfrage {number}",
                message="Wir hätten eine Frage zur Bewerbung.",
                source=Source.CONTACT if from_contact else Source.PLATFORM,
                status=status,
                requester_id=None if from_contact else user_id,
                requester_name=f"Person {number}",
                requester_email=f"person{number}@bench.ikone.invalid",
                organization_id=None if from_contact else organization_id,
                organization_name="" if not from_contact else "Gemeinde Benchdorf",
                assignee_id=rng.choice(handlers) if answered and handlers else None,
                is_member=rng.random() < 0.5,
                created_at=created,
                first_response_at=created + timedelta(hours=rng.randrange(1, 96))
                if answered
                else None,
                resolved_at=created + timedelta(hours=rng.randrange(96, 400))
                if status in (Status.SOLVED, Status.CLOSED)
                else None,
            )
        )
    created_requests = SupportRequest.objects.bulk_create(requests, batch_size=BATCH)
    # auto_now_add overrode the dates on insert; put them back in one pass.
    SupportRequest.objects.bulk_update(created_requests, ["created_at"], batch_size=BATCH)
    SupportMessage.objects.bulk_create(
        [
            SupportMessage(
                request=request,
                kind=MessageKind.REPLY,
                author_id=request.assignee_id,
                author_name="Koordination",
                text="Danke, wir melden uns mit einer Einschätzung.",
            )
            for request in created_requests
            if request.first_response_at
        ],
        batch_size=BATCH,
    )
    context.counts["support requests"] = REQUESTS
