"""Build the benchmark's data set on PostgreSQL: all of Germany's
municipalities, the demo content, and the volumes below, always the same
(fixed random seed, bulk inserts). The database is dropped and created
anew, so every run measures the same data.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ikone_bench python bench/generate.py

Later features add their volumes: a function `add_<things>(rng, context)`
and a line in VOLUME_STEPS.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR / "src"))

from common import (  # noqa: E402
    BATCH,
    BENCH_CONTACT_EMAIL,
    BENCH_COORDINATOR_EMAIL,
    Context,
)
from volume_drafts import add_drafts, add_long_history  # noqa: E402
from volume_events import add_events  # noqa: E402
from volume_knowledge import add_articles, add_support_requests  # noqa: E402
from volume_questions import add_questions  # noqa: E402
from volume_solutions import add_solutions  # noqa: E402

SEED = 20261127
ORGANIZATIONS = 2_000
USERS = 20_000
AUDIT_ENTRIES = 50_000
MEMBER_SHARE = 0.4


FIRST_NAMES = [
    "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannah", "Ilias", "Jana",
    "Karl", "Lea", "Mehmet", "Nora", "Oskar", "Paula", "Quentin", "Rosa", "Sven", "Tanja",
]  # fmt: skip
LAST_NAMES = [
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
    "Yılmaz", "Braun", "Zimmermann", "Krüger",
]  # fmt: skip
JOB_TITLES = ["Digitalisierung", "Bürgermeisteramt", "IT", "Stadtentwicklung", "Kämmerei", ""]


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(
            "bench/generate.py needs DATABASE_URL pointing at PostgreSQL, e.g.\n"
            "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/ikone_bench"
        )
    return url


def recreate_database(url: str) -> None:
    """DROP and CREATE the benchmark database through the server's
    maintenance database."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.replace("_", "").isalnum():
        sys.exit(f"Unexpected database name {name!r}")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def add_organizations(rng: random.Random, context: Context) -> None:
    """One organisation for each of ORGANIZATIONS Gemeinden, 40 % of them
    members of the primary network."""
    from django.utils.text import slugify

    from ikone.accounts.models import (
        DatePrecision,
        Network,
        NetworkMembership,
        NetworkMembershipStatus,
        Organization,
        OrganizationKind,
    )
    from ikone.municipalities.models import Level, Municipality

    taken = set(Organization.objects.values_list("municipality_id", flat=True))
    candidates = list(
        Municipality.objects.filter(level=Level.MUNICIPALITY)
        .exclude(pk__in=[pk for pk in taken if pk])
        .order_by("ags")
        .values_list("pk", "ags", "name")
    )
    chosen = sorted(rng.sample(candidates, ORGANIZATIONS), key=lambda row: row[1])
    organizations = [
        Organization(
            name=name,
            slug=f"{slugify(name)[:180]}-{ags}",
            kind=OrganizationKind.MUNICIPALITY,
            municipality_id=pk,
            description=f"Gemeinde {name}: Digitalisierung vor Ort.",
        )
        for pk, ags, name in chosen
    ]
    created = Organization.objects.bulk_create(organizations, batch_size=BATCH)
    context.organization_ids = [organization.pk for organization in created]
    network = Network.objects.get(is_primary=True)
    members = rng.sample(created, int(len(created) * MEMBER_SHARE))
    NetworkMembership.objects.bulk_create(
        [
            NetworkMembership(
                organization=organization,
                network=network,
                status=NetworkMembershipStatus.MEMBER,
                member_since=date(2019, 1, 1) + timedelta(days=rng.randrange(2_000)),
                member_since_precision=DatePrecision.DAY,
            )
            for organization in members
        ],
        batch_size=BATCH,
    )
    context.counts["organizations"] = len(created)
    context.counts["network_members"] = len(members)


def add_people(rng: random.Random, context: Context) -> None:
    """USERS people with verified addresses; the first person of every
    organisation is its Ansprechperson, the others are staff."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.hashers import make_password

    from ikone.accounts.models import Membership, Role, User

    password = make_password("bench-passwort-nicht-geheim")
    users = [
        User(
            email=f"person{number:05d}@bench.ikone.invalid",
            name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            job_title=rng.choice(JOB_TITLES),
            password=password,
        )
        for number in range(USERS)
    ]
    users[0].email = BENCH_CONTACT_EMAIL
    created = User.objects.bulk_create(users, batch_size=BATCH)
    context.user_ids = [user.pk for user in created]
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user=user, email=user.email, verified=True, primary=True)
            for user in created
        ],
        batch_size=BATCH,
    )
    organizations = context.organization_ids
    memberships = [
        Membership(
            user=user,
            organization_id=organizations[index % len(organizations)],
            role=Role.CONTACT if index < len(organizations) else Role.STAFF,
        )
        for index, user in enumerate(created)
    ]
    Membership.objects.bulk_create(memberships, batch_size=BATCH)
    context.counts["users"] = len(created)
    context.counts["memberships"] = len(memberships)


def add_coordinator(rng: random.Random, context: Context) -> None:
    """The coordinator the benchmark signs in as, with TOTP set up."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from ikone.accounts.models import User

    coordinator = User.objects.create_user(
        email=BENCH_COORDINATOR_EMAIL,
        password="bench-passwort-nicht-geheim",  # noqa: S106
        name="Bench Koordination",
        is_coordinator=True,
        is_staff=True,
    )
    EmailAddress.objects.create(user=coordinator, email=coordinator.email, verified=True)
    TOTP.activate(coordinator, generate_totp_secret())


def add_audit_entries(rng: random.Random, context: Context) -> None:
    """AUDIT_ENTRIES entries over two years, as services write them."""
    from django.db import connection
    from django.utils import timezone

    from ikone.core.models import AuditEntry

    actions = [
        "accounts.membership.created",
        "accounts.membership.deleted",
        "accounts.invitation.sent",
        "accounts.invitation.accepted",
        "accounts.user.exported",
        "accounts.network_membership.recorded",
    ]
    now = timezone.now()
    entries = []
    for _ in range(AUDIT_ENTRIES):
        user_id = rng.choice(context.user_ids)
        entries.append(
            AuditEntry(
                actor_id=user_id,
                actor_label=f"person-{user_id}@bench.ikone.invalid",
                action=rng.choice(actions),
                target_type="accounts.organization",
                target_id=str(rng.choice(context.organization_ids)),
                target_label="Organisation",
                ip_address=f"192.0.2.{rng.randrange(1, 255)}",
                data={},
            )
        )
    created = AuditEntry.objects.bulk_create(entries, batch_size=BATCH)
    # auto_now_add set them all to now; spread them over two years, newest last.
    table = AuditEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET created_at = %s - (%s - id) * interval '21 minutes' "  # noqa: S608
            "WHERE id BETWEEN %s AND %s",
            [now, created[-1].pk, created[0].pk, created[-1].pk],
        )
    context.counts["audit_entries"] = len(created)


def add_financing_plans(rng: random.Random, context: Context) -> None:
    """Cost items and milestones for every draft (bench/plans.py)."""
    from plans import add_plans

    add_plans(rng, context)


VOLUME_STEPS: list[tuple[str, Callable[[random.Random, Context], None]]] = [
    ("organisations", add_organizations),
    ("people", add_people),
    ("coordinator", add_coordinator),
    ("audit entries", add_audit_entries),
    ("questions and answers", add_questions),
    ("events and registrations", add_events),
    ("application drafts", add_drafts),
    ("a section with 5,000 autosaves", add_long_history),
    # After the drafts step: plans and schedules need the drafts.
    ("financing plans and schedules", add_financing_plans),
    # After the organisations: profiles, adoptions and the peers of every Gemeinde.
    ("solutions, adoptions and peers", add_solutions),
    ("knowledge articles", add_articles),
    ("support requests", add_support_requests),
]


def timed(label: str, step: Callable[[], Any]) -> None:
    started = time.perf_counter()
    step()
    print(f"  {label}: {time.perf_counter() - started:.1f} s", flush=True)


def main() -> None:
    url = database_url()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ikone.settings")
    print(f"Recreating {urlsplit(url).path.lstrip('/')} …", flush=True)
    recreate_database(url)

    import django
    from django.core.management import call_command
    from django.db import transaction

    django.setup()
    timed("migrate", lambda: call_command("migrate", verbosity=0))
    timed("import_municipalities", lambda: call_command("import_municipalities", verbosity=0))
    # The benchmark's database is a throwaway copy, though it runs with DEBUG off.
    timed("seed_demo", lambda: call_command("seed_demo", "--force-in-production", verbosity=0))
    rng = random.Random(SEED)
    context = Context()
    for label, step in VOLUME_STEPS:
        with transaction.atomic():
            timed(label, lambda step=step: step(rng, context))
    # --force: seed_demo built the demo's index minutes ago, and the
    # command's lease (ikone.core.periodic) would skip a second run within
    # its minimum interval, leaving the volume unindexed.
    timed("search index", lambda: call_command("rebuild_search_index", "--force", verbosity=0))
    context.counts.update(indexed_documents(context.counts["questions"]))
    timed("vacuum analyze", lambda: _analyze())
    print("Data set ready: " + ", ".join(f"{k} {v:,}" for k, v in context.counts.items()))


def indexed_documents(questions: int) -> dict[str, int]:
    """The search index's size; stops the run if the volume is not in it
    (the search pages and the suggestions would be measured on the demo)."""
    from ikone.core.search.models import SearchDocument

    documents = SearchDocument.objects.count()
    embedded = SearchDocument.objects.filter(embedding__isnull=False).count()
    indexed_questions = SearchDocument.objects.filter(kind="question").count()
    if indexed_questions < questions:
        raise SystemExit(
            f"The search index holds {indexed_questions:,} questions of {questions:,}."
        )
    return {"search documents": documents, "with embeddings": embedded}


def _analyze() -> None:
    from django.db import connection

    # VACUUM too, as autovacuum would have by then: the bulk UPDATEs that
    # date rows back leave dead tuples that slow down counting scans.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main()
