"""Who may see and do what with questions, answers and FAQ entries.

Visibility of a question:
- public: everyone, also without an account;
- network only: people of organisations that are current members of the
  primary network, mentors and coordinators;
- coordinators and mentors only: those two roles.
The asking person and the people of the asking organisation always see
their own question. Operators see everything.

The asking organisation's name is shown to everyone when the asker allowed
it (`show_organization`), otherwise only to its own people, mentors and
coordinators.

Predicates take a `Viewer` (the person plus their organisation ids and
network membership, looked up once per request by `viewer_for`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef

from ikone.accounts import permissions as account_permissions
from ikone.accounts.models import Membership, NetworkMembership

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser
    from ikone.qa.models import Answer, FAQEntry, Question


@dataclass(frozen=True)
class Viewer:
    """What the visibility rules need to know about a person, read once."""

    user: AnyUser | None
    signed_in: bool = False
    is_coordinator: bool = False
    is_mentor: bool = False
    organization_ids: frozenset[int] = field(default_factory=frozenset)
    in_network: bool = False

    @property
    def pk(self) -> int | None:
        return self.user.pk if self.signed_in and self.user is not None else None

    @property
    def is_expert(self) -> bool:
        """Coordinators, operators and mentors see every question."""
        return self.is_coordinator or self.is_mentor


ANONYMOUS = Viewer(user=None)


def viewer_for(user: AnyUser | None) -> Viewer:
    """The Viewer for a person: one query for organisations and network membership."""
    if not account_permissions.is_signed_in(user):
        return ANONYMOUS
    current = NetworkMembership.objects.in_primary_network().current()
    rows = list(
        Membership.objects.filter(user_id=user.pk)
        .annotate(member=Exists(current.filter(organization_id=OuterRef("organization_id"))))
        .values_list("organization_id", "member")
    )
    return Viewer(
        user=user,
        signed_in=True,
        is_coordinator=account_permissions.is_network_coordinator(user),
        is_mentor=bool(user.is_mentor),
        organization_ids=frozenset(org_id for org_id, _member in rows),
        in_network=any(member for _org_id, member in rows),
    )


def _is_own(viewer: Viewer, question: Question) -> bool:
    if not viewer.signed_in:
        return False
    if question.author_id is not None and question.author_id == viewer.pk:
        return True
    return question.organization_id in viewer.organization_ids


def can_view_question(viewer: Viewer, question: Question) -> bool:
    """See the rules in the module docstring."""
    if question.visibility == "public":
        return True
    if not viewer.signed_in:
        return False
    if viewer.is_expert:
        return True
    if _is_own(viewer, question):
        return True
    return question.visibility == "network" and viewer.in_network


def can_see_organization(viewer: Viewer, question: Question) -> bool:
    """Whether the viewer may read which organisation asked."""
    if question.show_organization:
        return True
    if viewer.is_expert:
        return True
    return viewer.signed_in and question.organization_id in viewer.organization_ids


def can_ask_question(viewer: Viewer) -> bool:
    """Municipal staff (anyone with an organisation), mentors and coordinators."""
    if not viewer.signed_in:
        return False
    if viewer.is_expert:
        return True
    return bool(viewer.organization_ids)


def can_answer_question(viewer: Viewer, question: Question) -> bool:
    """Mentors, coordinators and municipal staff who may see the question."""
    if not can_ask_question(viewer):
        return False
    return can_view_question(viewer, question)


def can_follow_question(viewer: Viewer, question: Question) -> bool:
    """Every signed-in person who may see the question."""
    return viewer.signed_in and can_view_question(viewer, question)


def can_edit_answer(viewer: Viewer, answer: Answer) -> bool:
    """The author of an answer and coordinators."""
    if not viewer.signed_in:
        return False
    if viewer.is_coordinator:
        return True
    return answer.author_id is not None and answer.author_id == viewer.pk


def can_moderate(viewer: Viewer) -> bool:
    """Coordinators mark the official answer, publish to the FAQ, see the figures."""
    return viewer.is_coordinator


def can_publish_faq(viewer: Viewer, question: Question) -> bool:
    """Coordinators publish questions of any visibility (the published wording
    is public; they decide what it reveals)."""
    return can_moderate(viewer)


def can_review_answer(viewer: Viewer, answer: Answer) -> bool:
    """Confirm or update a flagged answer: its author or a coordinator."""
    return can_edit_answer(viewer, answer)


def can_review_faq_entry(viewer: Viewer, entry: FAQEntry) -> bool:
    """Confirm or update a flagged FAQ entry: coordinators."""
    return can_moderate(viewer)
