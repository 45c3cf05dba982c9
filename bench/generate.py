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
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR / "src"))

SEED = 20261127
ORGANIZATIONS = 2_000
USERS = 20_000
AUDIT_ENTRIES = 50_000
MEMBER_SHARE = 0.4
BATCH = 2_000

# The people the benchmark signs in as (run.py reads them from here).
BENCH_CONTACT_EMAIL = "ansprech@bench.ikone.invalid"
BENCH_COORDINATOR_EMAIL = "koordination@bench.ikone.invalid"

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


@dataclass
class Context:
    """What earlier steps created, for later ones."""

    organization_ids: list[int] = field(default_factory=list)
    user_ids: list[int] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


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


QUESTIONS = 25_000  # and about as many answers: 50,000 questions and answers
FAQ_PER_CALL = 50
QUESTION_TOPICS = [
    "der Eigenanteil", "die Kofinanzierung durch Stadtwerke", "die Förderquote",
    "Personalkosten der Projektleitung", "der Ratsbeschluss", "die Strategiephase",
    "die Umsetzungsphase", "Open Source auf OpenCoDE", "eine interkommunale Kooperation",
    "die Haushaltsnotlage", "die Vergabe an Dienstleister", "eine urbane Datenplattform",
    "Sensorik für Parkplätze", "die Bürgerbeteiligung", "die Verlängerung der Laufzeit",
    "der Kosten- und Finanzierungsplan", "der Direkteinstieg in Phase B", "die Umsatzsteuer",
]  # fmt: skip
QUESTION_FORMS = [
    "Wie ist {topic} bei uns zu verstehen?",
    "Zählt {topic} zu den förderfähigen Ausgaben?",
    "Was gilt für {topic} in einer Verbandsgemeinde?",
    "Müssen wir {topic} schon in der Bewerbung nachweisen?",
    "Gibt es Erfahrungen, wie {topic} geregelt wurde?",
]


def add_questions(rng: random.Random, context: Context) -> None:
    """QUESTIONS questions of the organisations' people on the demo calls,
    with about one answer each (some none, some two), FAQ_PER_CALL published
    FAQ entries per call; dates spread over four years."""
    from django.db import connection
    from django.utils import timezone

    from ikone.calls.models import Call, CallSection
    from ikone.core.models import FieldOfAction
    from ikone.qa.models import (
        Answer,
        FAQEntry,
        FAQRevision,
        Question,
        QuestionStatus,
        Visibility,
    )

    calls = list(Call.objects.order_by("pk"))
    sections = {
        call.pk: list(CallSection.objects.filter(version_id=call.current_version_id))
        for call in calls
    }
    fields = list(FieldOfAction.objects.values_list("pk", flat=True))
    organizations = context.organization_ids
    answerers = context.user_ids[: len(organizations)]  # the Ansprechpersonen
    visibilities = [Visibility.PUBLIC] * 7 + [Visibility.NETWORK] * 2 + [Visibility.MENTORS]
    questions, answer_counts = [], []
    for _number in range(QUESTIONS):
        index = rng.randrange(len(context.user_ids))
        topic = rng.choice(QUESTION_TOPICS)
        answers = rng.choices([0, 1, 2], weights=[2, 6, 2])[0]
        questions.append(
            Question(
                call=rng.choice(calls),
                author_id=context.user_ids[index],
                organization_id=organizations[index % len(organizations)],
                title=rng.choice(QUESTION_FORMS).format(topic=topic),
                text=f"Wir planen ein Vorhaben und fragen uns, wie {topic} gemeint ist.",
                visibility=rng.choice(visibilities),
                show_organization=rng.random() < 0.5,
                status=QuestionStatus.ANSWERED if answers else QuestionStatus.OPEN,
            )
        )
        answer_counts.append(answers)
    questions = Question.objects.bulk_create(questions, batch_size=BATCH)
    cited = Question.cited_sections.through
    in_field = Question.fields_of_action.through
    cited.objects.bulk_create(
        [
            cited(question_id=q.pk, callsection_id=rng.choice(sections[q.call_id]).pk)
            for q in questions
            if sections[q.call_id]
        ],
        batch_size=BATCH,
    )
    in_field.objects.bulk_create(
        [
            in_field(question_id=q.pk, fieldofaction_id=rng.choice(fields))
            for q in questions
            if fields and rng.random() < 0.5
        ],
        batch_size=BATCH,
    )
    answers = [
        Answer(
            question_id=question.pk,
            author_id=rng.choice(answerers),
            text="<p>Nach unserer Erfahrung ist das möglich, wenn es im Kosten- und "
            "Finanzierungsplan ausgewiesen ist.</p>",
        )
        for question, count in zip(questions, answer_counts, strict=True)
        for _answer in range(count)
    ]
    answers = Answer.objects.bulk_create(answers, batch_size=BATCH)
    answer_cited = Answer.cited_sections.through
    call_of = {q.pk: q.call_id for q in questions}
    answer_cited.objects.bulk_create(
        [
            answer_cited(
                answer_id=a.pk, callsection_id=rng.choice(sections[call_of[a.question_id]]).pk
            )
            for a in answers
            if sections[call_of[a.question_id]]
        ],
        batch_size=BATCH,
    )
    now = timezone.now()
    with connection.cursor() as cursor:
        # Spread over four years, newest last; a first answer 1 to 96 hours later.
        cursor.execute(
            f"UPDATE {Question._meta.db_table} SET created_at = %s - (%s - id) * interval "  # noqa: S608
            "'83 minutes', updated_at = %s WHERE id BETWEEN %s AND %s",
            [now, questions[-1].pk, now, questions[0].pk, questions[-1].pk],
        )
        cursor.execute(
            f"UPDATE {Answer._meta.db_table} a SET created_at = q.created_at + "  # noqa: S608
            "(1 + a.id %% 96) * interval '1 hour' FROM "
            f"{Question._meta.db_table} q WHERE a.question_id = q.id AND a.id >= %s",
            [answers[0].pk],
        )
        cursor.execute(
            f"UPDATE {Question._meta.db_table} q SET first_answer_at = f.first, "  # noqa: S608
            "first_answer_seconds = extract(epoch FROM f.first - q.created_at)::integer "
            f"FROM (SELECT question_id, min(created_at) AS first FROM {Answer._meta.db_table} "
            "GROUP BY question_id) f WHERE f.question_id = q.id AND q.id >= %s",
            [questions[0].pk],
        )
    first_answer = {}
    for answer in answers:
        first_answer.setdefault(answer.question_id, answer)
    entries = []
    for call in calls:
        candidates = [q for q in questions if q.call_id == call.pk and q.pk in first_answer]
        for question in rng.sample(candidates, min(FAQ_PER_CALL, len(candidates))):
            answer = first_answer[question.pk]
            entries.append(
                FAQEntry(
                    question_id=question.pk,
                    call_id=call.pk,
                    section=rng.choice(sections[call.pk]) if sections[call.pk] else None,
                    official_answer_id=answer.pk,
                    title=question.title,
                    answer_text=answer.text,
                    published_at=now,
                )
            )
    entries = FAQEntry.objects.bulk_create(entries, batch_size=BATCH)
    FAQRevision.objects.bulk_create(
        [
            FAQRevision(
                entry=entry,
                number=1,
                title=entry.title,
                answer_text=entry.answer_text,
            )
            for entry in entries
        ],
        batch_size=BATCH,
    )
    Answer.objects.filter(pk__in=[entry.official_answer_id for entry in entries]).update(
        is_official=True
    )
    Question.objects.filter(pk__in=[entry.question_id for entry in entries]).update(
        status=QuestionStatus.FAQ
    )
    context.counts["questions"] = len(questions)
    context.counts["answers"] = len(answers)
    context.counts["faq_entries"] = len(entries)


EVENTS = 500
EVENT_REGISTRATIONS = 25_000
PAST_EVENTS = 400  # the others lie ahead, within about half a year
# The event the benchmark opens (upcoming, with about 50 registrations,
# the benchmark Ansprechperson among them).
BENCH_EVENT_SLUG = "bench-workshop-0420"
EVENT_TOPICS = [
    "Förderantrag Schritt für Schritt", "Finanzierungsplan und Eigenanteil",
    "Digitale Beteiligung", "Urbane Datenplattform", "Open Source in Kommunen",
    "Sensorik und LoRaWAN", "Ratsbeschluss vorbereiten", "Kooperationen bilden",
]  # fmt: skip


def add_events(rng: random.Random, context: Context) -> None:
    """EVENTS events (PAST_EVENTS past ones over four years, the others in
    the coming months) in five series, with EVENT_REGISTRATIONS
    registrations: mostly confirmed, some cancelled, a waiting list where
    an event is full, attendance at past events."""
    from django.utils import timezone

    from ikone.core.models import FieldOfAction
    from ikone.events.models import (
        Event,
        EventFormat,
        EventSeries,
        EventStatus,
        Registration,
        RegistrationStatus,
    )

    series = [
        EventSeries.objects.create(title=f"Bench-Reihe {number}", slug=f"bench-reihe-{number}")
        for number in range(1, 6)
    ]
    fields = list(FieldOfAction.objects.all())
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    formats = [EventFormat.ONLINE] * 3 + [EventFormat.ONSITE, EventFormat.HYBRID]
    events = []
    for number in range(EVENTS):
        if number < PAST_EVENTS:
            starts = now - timedelta(days=4 * 365) + timedelta(hours=87 * number)
        else:
            starts = now + timedelta(days=2 + 2 * (number - PAST_EVENTS))
        events.append(
            Event(
                title=f"Workshop {rng.choice(EVENT_TOPICS)} ({number + 1})",
                slug=f"bench-workshop-{number:04d}",
                summary="Ein Workshop des Netzwerks zur Vorbereitung von Bewerbungen.",
                description="<p>Wir arbeiten gemeinsam an <strong>Bewerbungen</strong>.</p>",
                format=rng.choice(formats),
                starts_at=starts,
                ends_at=starts + timedelta(hours=2),
                place="Rathaus, Sitzungssaal",
                meeting_url="https://meet.example.org/bench",
                capacity=rng.choice([None, 30, 50, 80]),
                series=rng.choice(series),
                status=EventStatus.CANCELLED if rng.random() < 0.03 else EventStatus.PUBLISHED,
            )
        )
    events = Event.objects.bulk_create(events, batch_size=BATCH)
    in_field = Event.fields_of_action.through
    in_field.objects.bulk_create(
        [
            in_field(event_id=event.pk, fieldofaction_id=field.pk)
            for event in events
            for field in rng.sample(fields, 2)
        ],
        batch_size=BATCH,
    )
    people = context.user_ids
    organizations = context.organization_ids
    per_event = EVENT_REGISTRATIONS // EVENTS
    registrations = []
    for event in events:
        chosen = rng.sample(range(1, len(people)), per_event)
        if event.slug == BENCH_EVENT_SLUG:
            chosen[0] = 0  # the benchmark Ansprechperson
        confirmed = 0
        for index in chosen:
            if rng.random() < 0.08:
                status = RegistrationStatus.CANCELLED
            elif event.capacity is not None and confirmed >= event.capacity:
                status = RegistrationStatus.WAITLISTED
            else:
                status = RegistrationStatus.CONFIRMED
                confirmed += 1
            past = event.starts_at < now
            registrations.append(
                Registration(
                    event=event,
                    person_id=people[index],
                    organization_id=organizations[index % len(organizations)],
                    status=status,
                    confirmed_at=event.starts_at - timedelta(days=7)
                    if status == RegistrationStatus.CONFIRMED
                    else None,
                    waitlisted_at=event.starts_at - timedelta(days=3)
                    if status == RegistrationStatus.WAITLISTED
                    else None,
                    attended_at=event.starts_at
                    if past and status == RegistrationStatus.CONFIRMED and rng.random() < 0.8
                    else None,
                )
            )
    Registration.objects.bulk_create(registrations, batch_size=BATCH)
    context.counts["events"] = len(events)
    context.counts["event_registrations"] = len(registrations)


DRAFTS = 2_000
DRAFT_SECTIONS = 10  # the default template's ten sections
BENCH_OWN_DRAFTS = 12  # drafts of the benchmark Ansprechperson's organisation
DRAFT_PARAGRAPH = (
    "Die Kommune beschreibt hier ihre Ausgangslage, Ziele und Maßnahmen für den Aufruf. "
    "Sie verbindet Digitalisierung mit Stadtentwicklung und beteiligt ihre Öffentlichkeit. "
)


def add_drafts(rng: random.Random, context: Context) -> None:
    """DRAFTS application drafts of the organisations for the demo calls,
    each with the ten default sections (texts of varied length, one to three
    versions each), criteria assessments, a mentor share on every fifth and
    comment threads on some sections; BENCH_OWN_DRAFTS of them belong to the
    benchmark Ansprechperson's organisation."""
    from django.utils import timezone

    from ikone.accounts.models import Membership, User
    from ikone.applications.models import (
        CriterionAssessment,
        Draft,
        DraftMentor,
        DraftSection,
        DraftStatus,
        SectionComment,
        SectionRevision,
    )
    from ikone.applications.section_templates import DEFAULT_TEMPLATE
    from ikone.calls.models import Call, EvaluationCriterion

    calls = list(Call.objects.order_by("pk"))
    criteria = {
        call.pk: list(EvaluationCriterion.objects.filter(call=call).values_list("pk", flat=True))
        for call in calls
    }
    own = Membership.objects.get(user__email=BENCH_CONTACT_EMAIL).organization_id
    organizations = [own] * BENCH_OWN_DRAFTS + [
        rng.choice(context.organization_ids) for _ in range(DRAFTS - BENCH_OWN_DRAFTS)
    ]
    mentor = User.objects.create_user(email="mentorin@bench.ikone.invalid", is_mentor=True)
    statuses = [DraftStatus.DRAFT] * 6 + [DraftStatus.IN_REVIEW, DraftStatus.SUBMITTED]
    statuses += [DraftStatus.FUNDED, DraftStatus.NOT_FUNDED]
    now = timezone.now()
    drafts = Draft.objects.bulk_create(
        [
            Draft(
                organization_id=organization,
                call=rng.choice(calls),
                title=f"Bewerbungsentwurf {number + 1}",
                status=rng.choice(statuses),
                shared_with_network=rng.random() < 0.2,
            )
            for number, organization in enumerate(organizations)
        ],
        batch_size=BATCH,
    )
    sections = []
    for draft in drafts:
        for position, spec in enumerate(DEFAULT_TEMPLATE[:DRAFT_SECTIONS]):
            filled = rng.random() < 0.7
            sections.append(
                DraftSection(
                    draft=draft,
                    position=position,
                    key=spec.key,
                    title=str(spec.title),
                    guiding_questions="\n".join(str(q) for q in spec.questions),
                    min_length=spec.min_length,
                    text=DRAFT_PARAGRAPH * rng.randint(2, 12) if filled else "",
                    version=rng.randint(1, 3) if filled else 0,
                    updated_at=now if filled else None,
                    updated_by_id=rng.choice(context.user_ids) if filled else None,
                )
            )
    sections = DraftSection.objects.bulk_create(sections, batch_size=BATCH)
    SectionRevision.objects.bulk_create(
        [
            SectionRevision(
                section=section,
                version=version,
                text=section.text[: len(section.text) * version // section.version],
                author_id=section.updated_by_id,
            )
            for section in sections
            for version in range(1, section.version + 1)
        ],
        batch_size=BATCH,
    )
    assessments = [
        CriterionAssessment(draft=draft, criterion_id=pk, self_score=rng.randint(0, 3))
        for draft in drafts
        for pk in criteria[draft.call_id]
    ]
    assessments = CriterionAssessment.objects.bulk_create(assessments, batch_size=BATCH)
    first_section = {section.draft_id: section for section in reversed(sections)}
    through = CriterionAssessment.sections.through
    through.objects.bulk_create(
        [
            through(criterionassessment_id=a.pk, draftsection_id=first_section[a.draft_id].pk)
            for a in assessments
            if rng.random() < 0.7
        ],
        batch_size=BATCH,
    )
    shared = [draft for number, draft in enumerate(drafts) if number % 5 == 0]
    DraftMentor.objects.bulk_create(
        [DraftMentor(draft=draft, mentor=mentor) for draft in shared], batch_size=BATCH
    )
    commented = [section for section in sections if section.text and rng.random() < 0.1]
    SectionComment.objects.bulk_create(
        [
            SectionComment(section=section, author=mentor, text="Bitte mit Zahlen belegen.")
            for section in commented
        ],
        batch_size=BATCH,
    )
    context.counts["application drafts"] = len(drafts)
    context.counts["draft sections"] = len(sections)


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
    # After the drafts step: plans and schedules need the drafts.
    ("financing plans and schedules", add_financing_plans),
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
    timed("seed_demo", lambda: call_command("seed_demo", verbosity=0))
    rng = random.Random(SEED)
    context = Context()
    for label, step in VOLUME_STEPS:
        with transaction.atomic():
            timed(label, lambda step=step: step(rng, context))
    timed("search index", lambda: call_command("rebuild_search_index", verbosity=0))
    timed("vacuum analyze", lambda: _analyze())
    print("Data set ready: " + ", ".join(f"{k} {v:,}" for k, v in context.counts.items()))


def _analyze() -> None:
    from django.db import connection

    # VACUUM too, as autovacuum would have by then: the bulk UPDATEs that
    # date rows back leave dead tuples that slow down counting scans.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


if __name__ == "__main__":
    main()
