"""People in organisations: roles, removal, and the record of every change.

Who may let a person in is `accounts.admission`; invitations and join
requests are in `services.joining`. Every change of a membership goes
through `membership_change_recorded`, which writes the audit entry and, when
the acting person is outside the organisation, mails its Ansprechpersonen
(or, while it has none, the coordination).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext as _

from ikone.accounts import admission, notifications, permissions
from ikone.accounts.exceptions import AlreadyMemberError, LastContactPersonError
from ikone.accounts.models import Membership, Organization, Role, User
from ikone.core import audit, mail
from ikone.core.audit import Actor
from ikone.core.services import require

# --- The record of every change ----------------------------------------------------


def membership_change_recorded(
    actor: Actor,
    action: str,
    *,
    organization: Organization,
    target: models.Model,
    data: dict[str, Any],
    outsider: bool | None = None,
) -> None:
    """Audit a change of the organisation's people; when the acting person
    does not belong to the organisation (`outsider`, decided before the
    change unless given), the entry says so and the organisation's
    Ansprechpersonen are mailed about it after commit."""
    if outsider is None:
        outsider = admission.is_outsider(actor.user, organization)
    data = {"organization": organization.slug, **data}
    if outsider:
        data["by_outsider"] = True
    entry = audit.record(actor, action, target=target, data=data)
    if outsider:
        mail.notify(notifications.MEMBERSHIP_CHANGED_BY_OUTSIDER, entry.pk, organization.pk)


# --- Memberships and the Ansprechperson invariant -------------------------------


def _missing_contact_error(organization: Organization) -> LastContactPersonError:
    return LastContactPersonError(
        _(
            "„%(organization)s“ braucht eine Ansprechperson. Bitte ernennen Sie zuerst "
            "eine andere Person zur Ansprechperson."
        )
        % {"organization": organization.name}
    )


def _outsider_keeps_contact_error(organization: Organization) -> LastContactPersonError:
    return LastContactPersonError(
        _(
            "Die letzte Ansprechperson von „%(organization)s“ kann nur selbst austreten "
            "oder ihre Rolle abgeben."
        )
        % {"organization": organization.name}
    )


def _ensure_contact_remains(organization: Organization, *, leaving_user_id: int) -> None:
    """Raise LastContactPersonError if, once this person left, the organisation
    would keep people but no Ansprechperson. Expects the caller to hold the
    organisation's membership rows locked."""
    remaining = Membership.objects.filter(organization=organization).exclude(
        user_id=leaving_user_id
    )
    if remaining.exists() and not remaining.filter(role=Role.CONTACT).exists():
        raise _missing_contact_error(organization)


def _lock_memberships(organization: Organization) -> None:
    list(Membership.objects.select_for_update().filter(organization=organization))


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, actor: Actor) -> Membership:
    """Give a person another role in the organisation.

    Locks the organisation's memberships; raises LastContactPersonError when the
    last Ansprechperson would be demoted while others remain (or at all, by
    someone outside the organisation), PermissionDenied when someone would
    make themself Ansprechperson."""
    require(permissions.can_change_membership(actor.user, membership))
    _lock_memberships(membership.organization)
    membership.refresh_from_db(fields=["role"])
    if membership.role == role:
        return membership
    if not admission.may_give_role(actor.user, membership, role):
        if role == Role.CONTACT:
            raise PermissionDenied
        raise _outsider_keeps_contact_error(membership.organization)
    if role != Role.CONTACT:
        other_contacts = Membership.objects.filter(
            organization=membership.organization, role=Role.CONTACT
        ).exclude(pk=membership.pk)
        if not other_contacts.exists():
            raise _missing_contact_error(membership.organization)
    old_role = membership.role
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    membership_change_recorded(
        actor,
        "accounts.membership.role_changed",
        organization=membership.organization,
        target=membership,
        data={"user": membership.user_id, "from": old_role, "to": role},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: Actor) -> None:
    """Remove a person from an organisation (also: leave it yourself).

    Locks the organisation's memberships; raises LastContactPersonError when the
    last Ansprechperson would leave while others remain, or would be removed
    by someone outside the organisation."""
    require(
        permissions.can_change_membership(actor.user, membership)
        or permissions.can_leave_organization(actor.user, membership)
    )
    organization = membership.organization
    _lock_memberships(organization)
    if not admission.may_remove(actor.user, membership):
        raise _outsider_keeps_contact_error(organization)
    _ensure_contact_remains(organization, leaving_user_id=membership.user_id)
    membership_change_recorded(
        actor,
        "accounts.membership.removed",
        organization=organization,
        target=membership,
        data={"user": membership.user_id, "role": membership.role},
    )
    membership.delete()


def membership_add(
    *, user: User, organization: Organization, role: str, actor: Actor, via: str, outsider: bool
) -> Membership:
    """Create the membership once `services.joining` checked the admission
    rule; `outsider` says whether whoever let the person in is outside the
    organisation. Raises AlreadyMemberError."""
    if Membership.objects.filter(user=user, organization=organization).exists():
        raise AlreadyMemberError(
            _("%(person)s gehört bereits zu „%(organization)s“.")
            % {"person": user, "organization": organization.name}
        )
    membership = Membership.objects.create(user=user, organization=organization, role=role)
    membership_change_recorded(
        actor,
        "accounts.membership.created",
        organization=organization,
        target=membership,
        data={"user": user.pk, "role": role, "via": via},
        outsider=outsider,
    )
    return membership
