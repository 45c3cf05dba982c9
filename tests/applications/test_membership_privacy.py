"""No sequence of actions by people outside an organisation reaches its
unshared draft (issue 11.1).

The world: organisation A with its Ansprechperson and a staff member, and an
unshared draft with a section comment, a document and a cost item.
Outsiders: two coordinators, an operator, a mentor, the staff member and
the Ansprechperson of organisation B, and a person without organisation.
Hypothesis lets the outsiders act in any order through every path into an
organisation: inviting (any of their own addresses or a stranger's, either
role), accepting invitations, asking to join, approving and declining join
requests, changing roles, removing people, withdrawing invitations, and the
Django admin (adding or re-assigning a membership, deleting a member's
account). After every step no outsider belongs to A, the draft does not
appear in their list of drafts, and `can_view_draft` refuses them — the
check every draft page, document download, comment and cost-item view
makes before it reads anything (`draft_get_for_view`).
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from ikone.accounts import services
from ikone.accounts.models import Invitation, JoinRequest, Membership, Organization, Role, User
from ikone.applications.models import CostItem, DocumentStatus, Draft, DraftDocument
from ikone.applications.permissions import can_view_draft
from ikone.applications.selectors import draft_list_for
from ikone.applications.services.drafts import draft_create
from ikone.applications.services.review import comment_add
from ikone.calls.models import RequiredDocument
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from tests.accounts.factories import (
    AdminFactory,
    ContactMembershipFactory,
    CoordinatorFactory,
    MembershipFactory,
    MentorFactory,
    OrganizationFactory,
    UserFactory,
)
from tests.applications.core_fixtures import make_call

OUTSIDERS = ("coordinator", "coordinator_2", "admin", "mentor", "staff_b", "contact_b", "person")
KINDS = (
    "invite",
    "accept",
    "request",
    "approve",
    "decline",
    "role",
    "remove",
    "revoke",
    "admin_add",
    "admin_reassign",
    "admin_delete_account",
)
STRANGER = "fremd@extern.example"

step = st.tuples(
    st.sampled_from(OUTSIDERS),
    st.sampled_from(KINDS),
    st.integers(min_value=0, max_value=9),
    st.sampled_from([Role.STAFF, Role.CONTACT]),
)


class NoOutsiderReachesTheDraft(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.organization = OrganizationFactory(name="Stadt Astadt", slug="astadt")
        contact = ContactMembershipFactory(organization=cls.organization).user
        staff = MembershipFactory(organization=cls.organization).user
        other = OrganizationFactory(name="Stadt Bedorf", slug="bedorf")
        cls.people = {
            "coordinator": CoordinatorFactory(),
            "coordinator_2": CoordinatorFactory(),
            "admin": AdminFactory(),
            "mentor": MentorFactory(),
            "staff_b": MembershipFactory(organization=other).user,
            "contact_b": ContactMembershipFactory(organization=other).user,
            "person": UserFactory(),
        }
        call = make_call()
        required = RequiredDocument.objects.create(call=call, title="Ratsbeschluss", position=0)
        cls.draft = draft_create(
            organization=cls.organization,
            call=call,
            title="Unser Konzept",
            actor=Actor(user=staff),
        )
        comment_add(section=cls.draft.sections.first(), text="Intern", actor=Actor(user=contact))
        DraftDocument.objects.create(
            draft=cls.draft, required_document=required, status=DocumentStatus.IN_PROGRESS
        )
        CostItem.objects.create(
            draft=cls.draft, category="personnel", year=2027, amount=Decimal("1000.00")
        )

    # --- the outsiders' actions -------------------------------------------------

    def _pick(self, rows: list, index: int):
        return rows[index % len(rows)] if rows else None

    def _organization(self) -> Organization:
        return Organization.objects.get(pk=self.organization.pk)  # fresh: no cached roles

    def _memberships(self) -> list[Membership]:
        return list(
            Membership.objects.filter(organization=self.organization)
            .select_related("user", "organization")
            .order_by("pk")
        )

    def _act(self, actor: User, kind: str, pick: int, role: str) -> None:
        who = Actor(user=User.objects.get(pk=actor.pk))
        getattr(self, f"_{kind}")(who, pick, role)

    def _invite(self, who: Actor, pick: int, role: str) -> None:
        addresses = [person.email for person in self.people.values()] + [STRANGER]
        services.invitation_create(
            organization=self._organization(),
            email=self._pick(addresses, pick),
            role=role,
            actor=who,
        )

    def _invitation(self, pick: int) -> Invitation | None:
        return self._pick(list(Invitation.objects.order_by("pk")), pick)

    def _accept(self, who: Actor, pick: int, role: str) -> None:
        if invitation := self._invitation(pick):
            services.invitation_accept(invitation=invitation, actor=who)

    def _revoke(self, who: Actor, pick: int, role: str) -> None:
        if invitation := self._invitation(pick):
            services.invitation_revoke(invitation=invitation, actor=who)

    def _request(self, who: Actor, pick: int, role: str) -> None:
        services.join_request_create(organization=self._organization(), message="", actor=who)

    def _join_request(self, pick: int) -> JoinRequest | None:
        return self._pick(list(JoinRequest.objects.order_by("pk")), pick)

    def _approve(self, who: Actor, pick: int, role: str) -> None:
        if join_request := self._join_request(pick):
            services.join_request_approve(join_request=join_request, actor=who)

    def _decline(self, who: Actor, pick: int, role: str) -> None:
        if join_request := self._join_request(pick):
            services.join_request_decline(join_request=join_request, actor=who)

    def _role(self, who: Actor, pick: int, role: str) -> None:
        if membership := self._pick(self._memberships(), pick):
            services.membership_change_role(membership=membership, role=role, actor=who)

    def _remove(self, who: Actor, pick: int, role: str) -> None:
        if membership := self._pick(self._memberships(), pick):
            services.membership_remove(membership=membership, actor=who)

    def _admin_add(self, who: Actor, pick: int, role: str) -> None:
        self._act_in_admin(who, "admin_add", pick, role)

    def _admin_reassign(self, who: Actor, pick: int, role: str) -> None:
        self._act_in_admin(who, "admin_reassign", pick, role)

    def _admin_delete_account(self, who: Actor, pick: int, role: str) -> None:
        self._act_in_admin(who, "admin_delete_account", pick, role)

    def _act_in_admin(self, who: Actor, kind: str, pick: int, role: str) -> None:
        """What the Django admin lets this person do, done as its form would."""
        request = RequestFactory().get("/admin/")
        request.user = who.user
        model_admin = admin.site._registry[Membership]
        if kind == "admin_add":
            if model_admin.has_add_permission(request):
                Membership.objects.create(user=who.user, organization=self.organization, role=role)
            return
        membership = self._pick(self._memberships(), pick)
        if membership is None:
            return
        if kind == "admin_reassign":
            if model_admin.has_change_permission(request, membership):
                Membership.objects.filter(pk=membership.pk).update(user=who.user)
            return
        user_admin = admin.site._registry[User]
        if user_admin.has_delete_permission(request, membership.user):
            services.user_delete(user=membership.user, actor=who)

    # --- the promise ------------------------------------------------------------

    def _assert_nobody_outside_reaches_the_draft(self, history: list) -> None:
        for name, person in self.people.items():
            user = User.objects.get(pk=person.pk)
            draft = Draft.objects.select_related("organization").get(pk=self.draft.pk)
            assert not Membership.objects.filter(
                user=user, organization=self.organization
            ).exists(), (name, history)
            assert not can_view_draft(user, draft), (name, history)
            assert not draft_list_for(user=user).filter(pk=draft.pk).exists(), (name, history)

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
        database=None,
    )
    @given(steps=st.lists(step, min_size=1, max_size=8))
    def test_no_sequence_of_outsider_actions_opens_the_draft(self, steps) -> None:
        history = []
        for name, kind, pick, role in steps:
            history.append((name, kind, pick, role))
            try:
                with transaction.atomic():
                    self._act(self.people[name], kind, pick, role)
            except (PermissionDenied, DomainError):
                pass
            self._assert_nobody_outside_reaches_the_draft(history)
