"""Profiles, global roles, personal data export and account deletion."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from ikone.accounts import permissions, selectors, signals
from ikone.accounts.exceptions import (
    AccountInUseError,
    LastAdministratorError,
    LastContactPersonError,
)
from ikone.accounts.models import (
    User,
)
from ikone.accounts.services.memberships import membership_change_recorded
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.services import require

COORDINATOR_GROUP = "Netzwerkkoordination"
COORDINATOR_PERMISSIONS = ("wagtailadmin.access_admin",)

# --- Profile ---------------------------------------------------------------------


def profile_update(
    *, user: User, name: str, job_title: str, phone: str, actor: Actor, language: str = ""
) -> User:
    """Change the person's own name, job title, phone number and the
    language of their e-mails (kept when `language` is empty)."""
    require(actor.user is not None and actor.user.pk == user.pk)
    user.name = name.strip()
    user.job_title = job_title.strip()
    user.phone = phone.strip()
    if language:
        user.language = language
    user.full_clean(exclude=["password", "email"])
    user.save(update_fields=["name", "job_title", "phone", "language"])
    return user


# --- Global roles --------------------------------------------------------------


@transaction.atomic
def mentor_role_set(*, user: User, is_mentor: bool, actor: Actor) -> User:
    """Appoint or dismiss a mentor (Mentor:in / Expert:in). Coordinators only."""
    require(permissions.can_grant_mentor_role(actor.user))
    if user.is_mentor == is_mentor:
        return user
    user.is_mentor = is_mentor
    user.save(update_fields=["is_mentor"])
    action = "mentor_granted" if is_mentor else "mentor_revoked"
    audit.record(actor, f"accounts.user.{action}", target=user)
    return user


def coordinator_group() -> Group:
    """The group that gives coordinators access to the CMS (/cms/)."""
    group, _created = Group.objects.get_or_create(name=COORDINATOR_GROUP)
    for dotted in COORDINATOR_PERMISSIONS:
        app_label, codename = dotted.split(".")
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)
    return group


@transaction.atomic
def coordinator_role_set(*, user: User, is_coordinator: bool, actor: Actor) -> User:
    """Appoint or dismiss a network coordinator. Operators only.

    Coordinators become staff (Django admin for their models, the CMS through
    the "Netzwerkkoordination" group) and must set up two-factor
    authentication before they can use anything else."""
    require(permissions.can_grant_coordinator_role(actor.user))
    if user.is_coordinator == is_coordinator:
        return user
    user.is_coordinator = is_coordinator
    user.is_staff = is_coordinator or user.is_superuser
    user.save(update_fields=["is_coordinator", "is_staff"])
    if is_coordinator:
        user.groups.add(coordinator_group())
    else:
        user.groups.remove(*Group.objects.filter(name=COORDINATOR_GROUP))
    action = "coordinator_granted" if is_coordinator else "coordinator_revoked"
    audit.record(actor, f"accounts.user.{action}", target=user)
    return user


# --- Data export and deletion ------------------------------------------------------


@transaction.atomic
def user_export(*, user: User, actor: Actor) -> dict[str, Any]:
    """Everything stored about the person, for the person themselves; the
    export itself is logged (and therefore part of the data)."""
    require(actor.user is not None and actor.user.pk == user.pk)
    audit.record(actor, "accounts.user.exported", target=user)
    return selectors.user_data_export(user=user)


@transaction.atomic
def user_delete(*, user: User, actor: Actor) -> None:
    """Delete the person's account (the person themself, or an operator in
    the admin): memberships, join requests, e-mail addresses and
    authenticators go with it; invitations they sent stay without sender;
    audit entries stay (without the link to the account). Before the row
    goes, `signals.account_deleting` lets other apps hand back what the
    person held (events cancels their registrations, so the waiting list
    moves up). The caller confirms the password first. Raises
    AccountInUseError if records of other apps protect the account.

    Raises LastContactPersonError while the person is the only Ansprechperson of
    an organisation with other people, LastAdministratorError for the last operator."""
    acting = actor.user
    if acting is None or (acting.pk != user.pk and not permissions.is_admin(acting)):
        raise PermissionDenied
    by_operator = acting.pk != user.pk
    blockers = selectors.contact_person_blockers(user=user, alone_too=by_operator)
    if blockers:
        names = ", ".join(f"„{org.name}“" for org in blockers)
        if by_operator:
            raise LastContactPersonError(
                _(
                    "%(person)s ist die einzige Ansprechperson von %(organizations)s. Das "
                    "Konto kann erst gelöscht werden, wenn dort eine andere Person "
                    "Ansprechperson ist."
                )
                % {"person": user, "organizations": names}
            )
        raise LastContactPersonError(
            _(
                "Sie sind die einzige Ansprechperson von %(organizations)s. Bitte ernennen "
                "Sie zuerst eine andere Person zur Ansprechperson; danach können Sie Ihr "
                "Konto löschen."
            )
            % {"organizations": names}
        )
    if user.is_superuser and selectors.active_admin_count() <= 1:
        raise LastAdministratorError(
            _("Das letzte Administrationskonto kann nicht gelöscht werden.")
        )
    audit.record(
        actor,
        "accounts.user.deleted",
        target=user,
        data={
            "organizations": [
                membership.organization.slug
                for membership in selectors.membership_list_for_user(user=user)
            ]
        },
    )
    if by_operator:
        for membership in selectors.membership_list_for_user(user=user):
            membership_change_recorded(
                actor,
                "accounts.membership.removed",
                organization=membership.organization,
                target=membership,
                data={"user": user.pk, "role": membership.role, "via": "account_deleted"},
            )
    signals.account_deleting.send(sender=User, user=user, actor=actor)
    try:
        user.delete()
    except (ProtectedError, RestrictedError) as exc:
        raise AccountInUseError(
            _(
                "Ihr Konto ist noch mit Inhalten verknüpft, die nicht automatisch gelöscht "
                "werden können. Bitte wenden Sie sich an die Netzwerkkoordination."
            )
        ) from exc
