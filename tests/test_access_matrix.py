"""Who may open which address: every URL pattern of the project, requested
as each role, compared with the table below.

The patterns come from Django's resolver (all of them, recursively, also
the included apps and the German paths of `i18n_patterns`). A pattern
without a row fails `test_every_url_pattern_has_a_row`; a row without a
pattern fails too, so the table never lies about what exists.

Left out, by one explicit rule (`is_skipped`): everything *below* /cms/
(Wagtail's admin, which checks its own permissions per view) and below
/admin/ (Django's admin, staff only by construction). Their roots stay in
the table, so who reaches either admin at all is checked. Static and media
files are not URL patterns.

Every role requests the same objects of organisation A (its slug, a staff
membership, an open invitation, a pending join request); staff of
organisation B must never see A's non-public pages (`PRIVATE_TO_A`).
Each request runs in a transaction that is rolled back, so a POST of one
role does not change what the next role sees.

Expected values: a status code, or LOGIN for a redirect to a login page.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.accounts.fixtures import *  # noqa: F403

ROLES = ("anonymous", "staff_a", "staff_b", "contact_a", "mentor", "coordinator", "admin")
LOGIN = "login"
LOGIN_PATHS = ("/konto/login/", "/cms/login/", "/admin/login/")
Expected = int | str


@dataclass(frozen=True)
class Row:
    """Expected results per role; `method` is POST for action endpoints
    (an empty form is enough to see whether the role gets in)."""

    expected: dict[str, Expected]
    method: str = "GET"
    # The address carries a secret (an invitation token): whoever holds it
    # may read what it opens.
    capability: bool = False


def row(*statuses: Expected, method: str = "GET", capability: bool = False) -> Row:
    assert len(statuses) == len(ROLES), statuses
    return Row(dict(zip(ROLES, statuses, strict=True)), method=method, capability=capability)


def post(*statuses: Expected) -> Row:
    return row(*statuses, method="POST")


def everyone(status: Expected, **options: Any) -> Row:
    return row(*[status] * len(ROLES), **options)


@dataclass
class Objects:
    """The objects the patterns' arguments point at, all of organisation A."""

    org_slug: str
    membership_pk: int
    invitation_pk: int
    invitation_token: str
    join_request_pk: int
    ags: str
    document: Any
    # qa: a question of organisation A for coordinators and mentors only,
    # answered by its author (official, in the FAQ).
    question_pk: int = 0
    answer_pk: int = 0
    call_slug: str = ""
    # events: a published event with a registration of A's staff member.
    event_slug: str = ""
    event_registration_pk: int = 0
    event_material_pk: int = 0
    # applications: a draft of A shared with nobody (tests/applications/matrix.py).
    workshop: dict[str, Any] = field(default_factory=dict)
    # Strings only organisation A's people (and coordinators) may read.
    secrets_of_a: tuple[str, ...] = ()


# ---------------------------------------------------------------------------
# Enumerating the patterns


@dataclass(frozen=True)
class Pattern:
    key: str
    route: str
    name: str | None
    params: tuple[str, ...]
    positional: int


def _walk(
    patterns: list[Any], prefix: str = "", namespace: str = "", params: tuple[str, ...] = ()
) -> Iterator[Pattern]:
    for entry in patterns:
        route = prefix + str(entry.pattern)
        regex = entry.pattern.regex
        names = params + tuple(regex.groupindex)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, route, inner, names)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            key = (name or route) + (" [format]" if "format" in names else "")
            positional = 0 if regex.groupindex else regex.groups
            yield Pattern(key=key, route=route, name=name, params=names, positional=positional)


SKIPPED_PREFIXES = ("cms/", "admin/")


def is_skipped(pattern: Pattern) -> bool:
    """Everything below /cms/ and /admin/, but not their roots."""
    return pattern.route.startswith(SKIPPED_PREFIXES) and pattern.route not in SKIPPED_PREFIXES


def project_patterns() -> list[Pattern]:
    return [pattern for pattern in _walk(get_resolver().url_patterns) if not is_skipped(pattern)]


# ---------------------------------------------------------------------------
# The table

PUBLIC = everyone(200)
SIGNED_IN = row(LOGIN, 200, 200, 200, 200, 200, 200)
# Organisation A's own management pages: its Ansprechperson, coordinators, admins.
MANAGED_BY_CONTACT = row(LOGIN, 403, 403, 200, 403, 200, 200)
# The same as POST actions, which redirect back after doing their work.
ACTION_BY_CONTACT = post(LOGIN, 403, 403, 302, 403, 302, 302)
COORDINATION = row(LOGIN, 403, 403, 403, 403, 200, 200)
ADMIN_ROOT = row(LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, 200, 200)
# allauth pages that need a pending step (a code, a set password) and send
# everyone else on.
STEP_PENDING = row(LOGIN, 302, 302, 302, 302, 302, 302)
# A draft of organisation A that is not shared: its people only.
DRAFT_OF_A = row(LOGIN, 200, 404, 200, 404, 404, 404)

#             anonymous, staff_a, staff_b, contact_a, mentor, coordinator, admin
MATRIX: dict[str, Row] = {
    # Platform
    "healthz": PUBLIC,
    "wagtail_serve": PUBLIC,
    "set_language": everyone(302),
    "javascript-catalog": PUBLIC,
    "wagtailcore_login": PUBLIC,
    "wagtailcore_authenticate_with_password": everyone(404),
    "wagtaildocs_serve": PUBLIC,
    "wagtaildocs_authenticate_with_password": everyone(404),
    "wagtailadmin_home": ADMIN_ROOT,
    "admin:index": ADMIN_ROOT,
    "core:audit_log": COORDINATION,
    # Site-wide search: everyone; results are filtered per person (tests/search/).
    "core:search": PUBLIC,
    "api-search": PUBLIC,
    # Suggestions while typing a question (POST keeps the typed text out of
    # addresses); anyone may ask for them, results are filtered per person.
    "qa_suggestions:list": everyone(200, method="POST"),
    "qa_suggestions:answered": post(LOGIN, 302, 302, 302, 302, 302, 302),
    # REST API (read-only, public data)
    "api-root": PUBLIC,
    "api-root [format]": PUBLIC,
    "api-schema": PUBLIC,
    "api-docs": PUBLIC,
    "call-list": PUBLIC,
    "call-list [format]": PUBLIC,
    "call-detail": PUBLIC,
    "call-detail [format]": PUBLIC,
    "municipality-list": PUBLIC,
    "municipality-list [format]": PUBLIC,
    "municipality-detail": PUBLIC,
    "municipality-detail [format]": PUBLIC,
    # Events: public pages; registering needs a login (A's staff member is
    # already registered: 400); only the person or the coordination cancels.
    # Application workshop: the draft of A is shared with nobody, so only
    # A's people see it; coordinators and admins only once it is shared.
    "applications:list": SIGNED_IN,
    "applications:create": row(LOGIN, 200, 200, 200, 403, 403, 403),
    "applications:figures": COORDINATION,
    "applications:detail": DRAFT_OF_A,
    "applications:section": DRAFT_OF_A,
    "applications:history": DRAFT_OF_A,
    "applications:restore": post(LOGIN, 302, 404, 302, 404, 404, 404),
    "applications:comment_add": post(LOGIN, 302, 404, 302, 404, 404, 404),
    "applications:comment_resolve": post(LOGIN, 302, 404, 302, 404, 404, 404),
    "applications:criteria": DRAFT_OF_A,
    "applications:documents": DRAFT_OF_A,
    "applications:document_update": post(LOGIN, 400, 404, 400, 404, 404, 404),
    "applications:document_download": DRAFT_OF_A,
    "applications:readiness": DRAFT_OF_A,
    "applications:share": DRAFT_OF_A,
    "applications:recommendation": row(LOGIN, 403, 404, 403, 404, 404, 404),
    "applications:transition": post(LOGIN, 302, 404, 302, 404, 404, 404),
    "applications:outcome": DRAFT_OF_A,
    # Financing plan, schedule, export (A2): read like the draft; an empty
    # form is refused with 400 for A's people.
    "applications:financing": DRAFT_OF_A,
    "applications:cost_item_create": post(LOGIN, 400, 404, 400, 404, 404, 404),
    "applications:cost_item_edit": DRAFT_OF_A,
    "applications:cost_item_delete": DRAFT_OF_A,
    "applications:financing_settings": post(LOGIN, 400, 404, 400, 404, 404, 404),
    "applications:schedule": DRAFT_OF_A,
    "applications:milestone_create": post(LOGIN, 400, 404, 400, 404, 404, 404),
    "applications:milestone_edit": DRAFT_OF_A,
    "applications:milestone_delete": DRAFT_OF_A,
    "applications:export_pdf": DRAFT_OF_A,
    "applications:export_docx": DRAFT_OF_A,
    "applications:api_access": SIGNED_IN,
    # REST API of the own organisations' drafts: 401 without credentials.
    "application-list": row(401, 200, 200, 200, 200, 200, 200),
    "application-list [format]": row(401, 200, 200, 200, 200, 200, 200),
    "application-detail": row(401, 200, 404, 200, 404, 404, 404),
    "application-detail [format]": row(401, 200, 404, 200, 404, 404, 404),
    "events:list": PUBLIC,
    "events:detail": PUBLIC,
    "events:ics": PUBLIC,
    "events:feed": PUBLIC,
    "events:register": post(LOGIN, 400, 302, 302, 302, 302, 302),
    "events:cancel_registration": post(LOGIN, 302, 404, 404, 404, 302, 302),
    "event-list": PUBLIC,
    "event-list [format]": PUBLIC,
    "event-detail": PUBLIC,
    "event-detail [format]": PUBLIC,
    # Events, coordinators' side: whoever runs the event (mentors only where
    # a coordinator allowed them, which the matrix event does not).
    "events:manage_create": COORDINATION,
    "events:manage_list": row(LOGIN, 403, 403, 403, 200, 200, 200),
    "events:manage_edit": COORDINATION,
    "events:manage_status": post(LOGIN, 403, 403, 403, 403, 302, 302),
    "events:manage_cancel": COORDINATION,
    "events:manage_participants": COORDINATION,
    "events:manage_register": post(LOGIN, 403, 403, 403, 403, 302, 302),
    "events:manage_export_csv": COORDINATION,
    "events:manage_export_xlsx": COORDINATION,
    "events:manage_message": COORDINATION,
    "events:manage_attendance": COORDINATION,
    "events:manage_check_in": post(LOGIN, 403, 403, 403, 403, 302, 302),
    "events:manage_figures": COORDINATION,
    "events:manage_materials": COORDINATION,
    "events:manage_material_delete": post(LOGIN, 403, 403, 403, 403, 302, 302),
    "events:manage_feedback": COORDINATION,
    # A participants-only material (a link): A's registered staff member and
    # the coordination; 404 for everyone else, so nobody learns it exists.
    "events:material_download": row(404, 302, 404, 404, 404, 302, 302),
    # Feedback opens when the event has begun; the matrix event is ahead.
    "events:feedback": row(LOGIN, 403, 403, 403, 403, 403, 403),
    # Funding calls (public; new versions by coordinators)
    "calls:list": PUBLIC,
    "calls:detail": PUBLIC,
    "calls:ics": PUBLIC,
    "calls:versions": PUBLIC,
    "calls:version": PUBLIC,
    "calls:diff": PUBLIC,
    "calls:amend": COORDINATION,
    # Questions and answers (qa); the question is visible to A, mentors, coordinators.
    "qa:list": PUBLIC,
    "qa:create": SIGNED_IN,
    "qa:review_list": SIGNED_IN,
    "qa:figures": COORDINATION,
    "qa:detail": row(404, 200, 404, 200, 200, 200, 200),
    "qa:answer": post(LOGIN, 400, 404, 400, 400, 400, 400),
    "qa:follow": post(LOGIN, 302, 404, 302, 302, 302, 302),
    "qa:unfollow": post(LOGIN, 302, 404, 302, 302, 302, 302),
    "qa:faq_publish": row(LOGIN, 403, 404, 403, 403, 200, 200),
    "qa:faq_review_confirm": post(LOGIN, 403, 404, 403, 403, 302, 302),
    "qa:faq_unpublish": post(LOGIN, 403, 404, 403, 403, 302, 302),
    "qa:answer_edit": row(LOGIN, 200, 404, 403, 403, 200, 200),
    "qa:answer_official": post(LOGIN, 403, 404, 403, 403, 302, 302),
    "qa:answer_review_confirm": post(LOGIN, 302, 404, 403, 403, 302, 302),
    "calls:faq": PUBLIC,
    "faq-list": PUBLIC,
    "faq-list [format]": PUBLIC,
    # Directory
    "municipalities:list": PUBLIC,
    "municipalities:detail": PUBLIC,
    # Organisations
    "organizations:list": PUBLIC,
    "organizations:detail": PUBLIC,
    "organizations:create": SIGNED_IN,
    "organizations:edit": MANAGED_BY_CONTACT,
    "organizations:members": MANAGED_BY_CONTACT,
    "organizations:invite": MANAGED_BY_CONTACT,
    "organizations:membership_remove": MANAGED_BY_CONTACT,
    "organizations:membership_role": ACTION_BY_CONTACT,
    "organizations:invitation_revoke": ACTION_BY_CONTACT,
    "organizations:join_request_decide": ACTION_BY_CONTACT,
    # Only members leave; only non-members ask to join.
    "organizations:leave": row(LOGIN, 200, 404, 200, 404, 404, 404),
    "organizations:join": row(LOGIN, 403, 200, 403, 200, 200, 200),
    "organizations:network_membership": COORDINATION,
    # The organisation's Ansprechperson applies; coordinators record instead.
    "organizations:network_membership_apply": post(LOGIN, 403, 403, 302, 403, 403, 403),
    # Own account
    "accounts:profile": SIGNED_IN,
    "accounts:export": SIGNED_IN,
    "accounts:delete": SIGNED_IN,
    "accounts:invitation": everyone(200, capability=True),
    # allauth
    "account_login": row(200, 302, 302, 302, 302, 302, 302),
    "account_signup": row(200, 302, 302, 302, 302, 302, 302),
    "account_logout": row(302, 200, 200, 200, 200, 200, 200),
    "account_inactive": PUBLIC,
    "account_reauthenticate": SIGNED_IN,
    "account_request_reauthentication_code": SIGNED_IN,
    "account_confirm_reauthentication_code": STEP_PENDING,
    "account_email": SIGNED_IN,
    "account_email_verification_sent": PUBLIC,
    "account_confirm_email": PUBLIC,
    "account_change_password": SIGNED_IN,
    "account_set_password": STEP_PENDING,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
    "account_confirm_login_code": STEP_PENDING,
    # allauth MFA: coordinators and admins have TOTP, the others none.
    "mfa_index": SIGNED_IN,
    "mfa_authenticate": STEP_PENDING,
    "mfa_reauthenticate": row(LOGIN, 302, 302, 302, 302, 200, 200),
    "mfa_activate_totp": STEP_PENDING,
    "mfa_deactivate_totp": row(LOGIN, 404, 404, 404, 404, 302, 302),
    "mfa_view_recovery_codes": row(LOGIN, 404, 404, 404, 404, 404, 404),
    "mfa_generate_recovery_codes": STEP_PENDING,
    "mfa_download_recovery_codes": row(LOGIN, 404, 404, 404, 404, 404, 404),
}

# Pages with organisation A's non-public data: never 200 for staff of B.
PRIVATE_TO_A = {
    "organizations:edit",
    "organizations:members",
    "organizations:invite",
    "organizations:membership_remove",
    "organizations:membership_role",
    "organizations:invitation_revoke",
    "organizations:join_request_decide",
    "organizations:leave",
    "organizations:network_membership",
    "organizations:network_membership_apply",
}
# The participant list of an event names A's registered people.
PRIVATE_TO_A |= {
    "events:manage_participants",
    "events:manage_export_csv",
    "events:manage_export_xlsx",
    "events:manage_attendance",
    "events:material_download",
}
# The workshop's pages about A's draft.
PRIVATE_TO_A |= {
    f"applications:{name}"
    for name in [
        *("detail", "section", "history", "restore", "comment_add", "comment_resolve"),
        *("criteria", "documents", "document_update", "document_download", "readiness"),
        *("share", "recommendation", "transition", "outcome"),
        *("financing", "cost_item_create", "cost_item_edit", "cost_item_delete"),
        *("financing_settings", "schedule", "milestone_create", "milestone_edit"),
        *("milestone_delete", "export_pdf", "export_docx"),
    ]
}


# ---------------------------------------------------------------------------
# Running it


# What each URL parameter is filled with. `pk` depends on the path segment
# before it. A new parameter name needs a line here.
PARAMETERS: dict[str, Callable[[Objects], Any]] = {
    "slug": lambda o: o.org_slug,
    "token": lambda o: o.invitation_token,
    "ags": lambda o: o.ags,
    "format": lambda o: "json",
    "key": lambda o: "ungueltiger-schluessel",
    "uidb36": lambda o: "1",
    "restriction_id": lambda o: 999_999,
    "page_view_restriction_id": lambda o: 999_999,
    "page_id": lambda o: 999_999,
    # calls: version numbers of the call with two versions
    "number": lambda o: 1,
    "old": lambda o: 1,
    "new": lambda o: 2,
    # applications
    "section_key": lambda o: o.workshop["section_key"],
    "section_revision": lambda o: o.workshop["section_revision"],
    "draft_comment": lambda o: o.workshop["draft_comment"],
    "required_document": lambda o: o.workshop["required_document"],
    "item_pk": lambda o: o.workshop["cost_item"],
    "milestone_pk": lambda o: o.workshop["milestone"],
}
# `slug` means another object's slug below these prefixes.
SLUG_BY_PREFIX: dict[str, Callable[[Objects], str]] = {
    "foerderaufrufe/": lambda o: o.call_slug,
    "api/v1/^calls/": lambda o: o.call_slug,
    "veranstaltungen/": lambda o: o.event_slug,
    "api/v1/^events/": lambda o: o.event_slug,
}
PK_BY_SEGMENT: dict[str, Callable[[Objects], int]] = {
    "fragen/antworten/": lambda o: o.answer_pk,
    "fragen/": lambda o: o.question_pk,
    "bewerbungen/": lambda o: o.workshop["draft"],
    "api/v1/applications/": lambda o: o.workshop["draft"],
    "personen/": lambda o: o.membership_pk,
    "einladungen/": lambda o: o.invitation_pk,
    "anfragen/": lambda o: o.join_request_pk,
    "anmeldungen/": lambda o: o.event_registration_pk,
    "anwesenheit/": lambda o: o.event_registration_pk,
    "materialien/": lambda o: o.event_material_pk,
}
POSITIONAL: dict[str, Callable[[Objects], list[Any]]] = {
    "wagtaildocs_serve": lambda o: [o.document.pk, o.document.filename],
    "wagtail_serve": lambda o: [""],
}


def _parameter(pattern: Pattern, name: str, objects: Objects) -> Any:
    if name == "pk":
        # Django paths say <int:pk>, DRF's router regexes (?P<pk>…).
        before = re.split(r"<int:pk>|\(\?P<pk>", pattern.route)[0].replace("^", "")
        for segment, value in PK_BY_SEGMENT.items():
            # Whole segments only: "anfragen/" must not match "fragen/".
            if before == segment or before.endswith("/" + segment):
                return value(objects)
    if name == "slug":
        for prefix, value in SLUG_BY_PREFIX.items():
            if pattern.route.startswith(prefix):
                return value(objects)
    if name in PARAMETERS:
        return PARAMETERS[name](objects)
    raise AssertionError(f"No value for URL parameter {name!r} of {pattern.route!r}")


def _url(pattern: Pattern, objects: Objects) -> str:
    assert pattern.name, f"Unnamed pattern {pattern.route!r}: give it a name to test it"
    kwargs = {name: _parameter(pattern, name, objects) for name in pattern.params}
    args = POSITIONAL[pattern.name](objects) if pattern.positional else None
    return reverse(pattern.name, args=args, kwargs=kwargs or None)


def _outcome(response: Any) -> Expected:
    if response.status_code in (301, 302) and response["Location"].split("?")[0].endswith(
        LOGIN_PATHS
    ):
        return LOGIN
    return int(response.status_code)


def _request(client: Client, method: str, url: str) -> Any:
    with transaction.atomic():
        response = client.generic(method, url)
        transaction.set_rollback(True)
    return response


def _leaked(response: Any, secrets: tuple[str, ...]) -> list[str]:
    if response.status_code != 200 or response.streaming:
        return []
    content = response.content.decode(errors="replace")
    return [secret for secret in secrets if secret in content]


@pytest.fixture
def objects(
    organization, other_organization, contact_person, staff_member, other_staff, primary_network
) -> Objects:
    from wagtail.documents.models import Document

    from ikone.accounts.models import Membership
    from tests.accounts.factories import InvitationFactory, JoinRequestFactory
    from tests.applications.matrix import workshop_objects
    from tests.calls.factories import make_call

    document = Document(title="Satzung")
    document.file.save("satzung.pdf", ContentFile(b"%PDF-1.7\n%%EOF\n"), save=False)
    document.save()
    invitation = InvitationFactory(
        organization=organization, invited_by=contact_person, email="eingeladen@astadt.example"
    )
    join_request = JoinRequestFactory(
        organization=organization, message="Bitte aufnehmen, Zimmer 4711 im Rathaus."
    )
    event_slug, event_registration_pk = _event_objects(organization, staff_member)
    workshop = workshop_objects(organization, staff_member)
    question_pk, answer_pk = _qa_objects(organization, staff_member)
    return Objects(
        org_slug=organization.slug,
        membership_pk=Membership.objects.get(user=staff_member, organization=organization).pk,
        invitation_pk=invitation.pk,
        invitation_token=invitation.token,
        join_request_pk=join_request.pk,
        ags=organization.municipality.ags,
        document=document,
        question_pk=question_pk,
        answer_pk=answer_pk,
        call_slug=make_call("matrix-aufruf", amended=True).slug,
        event_slug=event_slug,
        event_registration_pk=event_registration_pk,
        event_material_pk=_event_material(event_slug),
        workshop=workshop,
        secrets_of_a=(
            staff_member.email,
            invitation.email,
            invitation.token,
            join_request.message,
            join_request.user.email,
            *workshop["secrets"],
        ),
    )


def _event_material(event_slug: str) -> int:
    """A participants-only material of the matrix event."""
    from ikone.events.models import MaterialVisibility
    from tests.events.factories import MaterialFactory

    return MaterialFactory(event__slug=event_slug, visibility=MaterialVisibility.PARTICIPANTS).pk


def _event_objects(organization, staff_member) -> tuple[str, int]:
    """A published event with a registration of A's staff member."""
    from tests.events.factories import EventFactory, RegistrationFactory

    event = EventFactory(slug="matrix-workshop", title="Workshop der Matrix")
    registration = RegistrationFactory(
        event=event, person=staff_member, organization=organization, note="Notiz von A"
    )
    return event.slug, registration.pk


def _qa_objects(organization, staff_member) -> tuple[int, int]:
    """A question of organisation A (coordinators and mentors only) with an
    official answer by its author, published to the FAQ."""
    from django.utils import timezone

    from ikone.qa.models import Answer, FAQEntry, Question
    from tests.qa.factories import make_call

    call = make_call(slug="matrix-fragen", title="Aufruf der Fragen").call
    question = Question.objects.create(
        call=call,
        organization=organization,
        author=staff_member,
        title="Wie ist Abschnitt 3.2 gemeint?",
        text="Frage von A",
        visibility="mentors",
    )
    answer = Answer.objects.create(
        question=question, author=staff_member, text="<p>So.</p>", is_official=True
    )
    FAQEntry.objects.create(
        question=question,
        call=call,
        official_answer=answer,
        title=question.title,
        answer_text=answer.text,
        published_at=timezone.now(),
    )
    return question.pk, answer.pk


def test_every_url_pattern_has_a_row():
    keys = {pattern.key for pattern in project_patterns()}
    missing = sorted(keys - MATRIX.keys())
    stale = sorted(MATRIX.keys() - keys)
    assert not missing, (
        "URL patterns without a row in tests/test_access_matrix.py MATRIX "
        "(add one per pattern, with the status each role should get):\n  " + "\n  ".join(missing)
    )
    assert not stale, "Rows for URL patterns that no longer exist:\n  " + "\n  ".join(stale)


def test_private_pages_of_a_are_closed_to_b():
    for key in PRIVATE_TO_A:
        assert MATRIX[key].expected["staff_b"] in (403, 404), key


def test_only_admin_internals_are_left_out():
    skipped = [pattern for pattern in _walk(get_resolver().url_patterns) if is_skipped(pattern)]
    assert skipped, "the skip rule should leave out the admins' inner pages"
    assert all(pattern.route.startswith(("cms/", "admin/")) for pattern in skipped)
    assert {"wagtailadmin_home", "admin:index"} <= MATRIX.keys()


@pytest.mark.parametrize("pattern", project_patterns(), ids=lambda pattern: pattern.key)
def test_access(pattern: Pattern, objects: Objects, client_for) -> None:
    spec = MATRIX.get(pattern.key, Row(expected={}))
    url = _url(pattern, objects)
    responses = {role: _request(client_for(role), spec.method, url) for role in ROLES}
    actual = {role: _outcome(response) for role, response in responses.items()}
    for role in () if spec.capability else ("anonymous", "staff_b", "mentor"):
        leaked = _leaked(responses[role], objects.secrets_of_a)
        assert not leaked, f"{url} shows {role} what only organisation A may read: {leaked}"
    if os.environ.get("ACCESS_MATRIX_PRINT"):
        statuses = ", ".join(repr(actual[role]) for role in ROLES)
        print(f'\n    "{pattern.key}": row({statuses}),  # {spec.method} {url}')
        return
    assert actual == spec.expected, (
        f"{spec.method} {url} ({pattern.key}): roles {ROLES}\n"
        f"  expected {[spec.expected.get(role) for role in ROLES]}\n"
        f"  actual   {[actual[role] for role in ROLES]}"
    )


def test_the_secrets_checked_above_are_shown_to_organisation_a(objects, client_for):
    """Otherwise the leak check would pass for the wrong reason."""
    url = reverse("organizations:members", kwargs={"slug": objects.org_slug})
    content = client_for("contact_a").get(url).content.decode()
    assert objects.secrets_of_a[0] in content
    assert objects.secrets_of_a[1] in content
