"""People in organisations: roles, invitations, join requests."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.accounts import notifications, permissions, selectors
from ikone.accounts.exceptions import (
    AlreadyMemberError,
    InvitationEmailMismatchError,
    InvitationNotUsableError,
    JoinRequestNotPendingError,
    LastContactPersonError,
)
from ikone.accounts.models import (
    Invitation,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    Organization,
    Role,
    User,
)
from ikone.core import audit, mail
from ikone.core.audit import Actor
from ikone.core.services import require, require_user

INVITATION_VALIDITY = timedelta(days=14)

# --- Memberships and the Ansprechperson invariant -------------------------------


def _missing_contact_error(organization: Organization) -> LastContactPersonError:
    return LastContactPersonError(
        _(
            "„%(organization)s“ braucht eine Ansprechperson. Bitte ernennen Sie zuerst "
            "eine andere Person zur Ansprechperson."
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
    last Ansprechperson would be demoted while others remain."""
    require(permissions.can_change_membership(actor.user, membership))
    _lock_memberships(membership.organization)
    membership.refresh_from_db(fields=["role"])
    if membership.role == role:
        return membership
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
    audit.record(
        actor,
        "accounts.membership.role_changed",
        target=membership,
        data={"organization": membership.organization.slug, "from": old_role, "to": role},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: Actor) -> None:
    """Remove a person from an organisation (also: leave it yourself).

    Locks the organisation's memberships; raises LastContactPersonError when the
    last Ansprechperson would leave while others remain."""
    require(
        permissions.can_change_membership(actor.user, membership)
        or permissions.can_leave_organization(actor.user, membership)
    )
    organization = membership.organization
    _lock_memberships(organization)
    _ensure_contact_remains(organization, leaving_user_id=membership.user_id)
    audit.record(
        actor,
        "accounts.membership.removed",
        target=membership,
        data={
            "organization": organization.slug,
            "user": membership.user.email,
            "role": membership.role,
        },
    )
    membership.delete()


def _membership_add(
    *, user: User, organization: Organization, role: str, actor: Actor, via: str
) -> Membership:
    if Membership.objects.filter(user=user, organization=organization).exists():
        raise AlreadyMemberError(
            _("%(person)s gehört bereits zu „%(organization)s“.")
            % {"person": user, "organization": organization.name}
        )
    membership = Membership.objects.create(user=user, organization=organization, role=role)
    audit.record(
        actor,
        "accounts.membership.created",
        target=membership,
        data={"organization": organization.slug, "role": role, "via": via},
    )
    return membership


# --- Invitations ---------------------------------------------------------------


@transaction.atomic
def invitation_create(
    *, organization: Organization, email: str, role: str, actor: Actor
) -> Invitation:
    """Invite a colleague by e-mail; the link in the mail is valid for 14 days.

    An earlier working invitation for the same address is withdrawn. Raises
    AlreadyMemberError if the address belongs to someone in the organisation."""
    require(permissions.can_invite_to_organization(actor.user, organization))
    email = email.strip()
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise AlreadyMemberError(
            _("%(email)s gehört bereits zu „%(organization)s“.")
            % {"email": email, "organization": organization.name}
        )
    now = timezone.now()
    replaced = list(
        Invitation.objects.filter(
            organization=organization,
            email__iexact=email,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
        ).values_list("pk", flat=True)
    )
    Invitation.objects.filter(pk__in=replaced).update(revoked_at=now)
    invitation = Invitation(
        organization=organization,
        email=email,
        role=role,
        token=secrets.token_urlsafe(32),
        invited_by=actor.user,
        expires_at=now + INVITATION_VALIDITY,
    )
    invitation.full_clean()
    invitation.save()
    audit.record(
        actor,
        "accounts.invitation.created",
        target=invitation,
        data={"organization": organization.slug, "role": role, "replaces": replaced},
    )
    mail.notify(notifications.INVITATION, invitation.pk)
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor: Actor) -> Invitation:
    """Withdraw an invitation so its link stops working.

    Raises InvitationNotUsableError if it was already accepted or withdrawn."""
    require(permissions.can_revoke_invitation(actor.user, invitation))
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None or invitation.revoked_at is not None:
        raise InvitationNotUsableError(_("Diese Einladung ist bereits erledigt."))
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    audit.record(
        actor,
        "accounts.invitation.revoked",
        target=invitation,
        data={"organization": invitation.organization.slug},
    )
    return invitation


def _check_invitation_usable(invitation: Invitation) -> None:
    if invitation.accepted_at is not None:
        raise InvitationNotUsableError(_("Diese Einladung wurde bereits angenommen."))
    if invitation.revoked_at is not None:
        raise InvitationNotUsableError(_("Diese Einladung wurde zurückgezogen."))
    if invitation.is_expired:
        raise InvitationNotUsableError(
            _("Diese Einladung ist abgelaufen. Bitten Sie um eine neue Einladung.")
        )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, actor: Actor) -> Membership:
    """Accept an invitation: the signed-in person joins the organisation in
    the invited role. Locks the invitation row.

    Raises InvitationNotUsableError (accepted, withdrawn, expired),
    InvitationEmailMismatchError (no verified address equals the invited one) or
    AlreadyMemberError."""
    user = require_user(actor)
    invitation = (
        Invitation.objects.select_for_update().select_related("organization").get(pk=invitation.pk)
    )
    _check_invitation_usable(invitation)
    if invitation.email.lower() not in selectors.verified_emails(user=user):
        raise InvitationEmailMismatchError(
            _(
                "Diese Einladung gilt für %(email)s. Bitte melden Sie sich mit dieser "
                "Adresse an oder fügen Sie sie Ihrem Konto hinzu und bestätigen Sie sie."
            )
            % {"email": invitation.email}
        )
    membership = _membership_add(
        user=user,
        organization=invitation.organization,
        role=invitation.role,
        actor=actor,
        via="invitation",
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit.record(
        actor,
        "accounts.invitation.accepted",
        target=invitation,
        data={"organization": invitation.organization.slug},
    )
    return membership


# --- Join requests ---------------------------------------------------------------


@transaction.atomic
def join_request_create(*, organization: Organization, message: str, actor: Actor) -> JoinRequest:
    """Ask to join an organisation; its Ansprechpersonen (or the coordinators)
    are told by e-mail. Raises AlreadyMemberError or JoinRequestNotPendingError if a
    request is already open."""
    user = require_user(actor)
    if not permissions.can_request_to_join(user, organization):
        raise AlreadyMemberError(
            _("Sie gehören bereits zu „%(organization)s“.") % {"organization": organization.name}
        )
    if JoinRequest.objects.filter(
        user=user, organization=organization, status=JoinRequestStatus.PENDING
    ).exists():
        raise JoinRequestNotPendingError(
            _("Ihre Anfrage an „%(organization)s“ liegt bereits vor.")
            % {"organization": organization.name}
        )
    join_request = JoinRequest.objects.create(
        user=user, organization=organization, message=message.strip()
    )
    audit.record(
        actor,
        "accounts.join_request.created",
        target=join_request,
        data={"organization": organization.slug},
    )
    mail.notify(notifications.JOIN_REQUEST_CREATED, join_request.pk)
    return join_request


def _lock_pending(join_request: JoinRequest) -> JoinRequest:
    locked = (
        JoinRequest.objects.select_for_update()
        .select_related("user", "organization")
        .get(pk=join_request.pk)
    )
    if locked.status != JoinRequestStatus.PENDING:
        raise JoinRequestNotPendingError(_("Über diese Anfrage wurde bereits entschieden."))
    return locked


def _decide(join_request: JoinRequest, status: str, actor: Actor) -> JoinRequest:
    join_request.status = status
    join_request.decided_at = timezone.now()
    join_request.decided_by = actor.user
    join_request.save(update_fields=["status", "decided_at", "decided_by"])
    audit.record(
        actor,
        f"accounts.join_request.{status}",
        target=join_request,
        data={"organization": join_request.organization.slug, "user": join_request.user.email},
    )
    mail.notify(notifications.JOIN_REQUEST_DECIDED, join_request.pk)
    return join_request


@transaction.atomic
def join_request_approve(*, join_request: JoinRequest, actor: Actor) -> Membership:
    """Accept a join request: the person joins as staff and is told by e-mail.
    Locks the request; raises JoinRequestNotPendingError if already decided."""
    require(permissions.can_decide_join_request(actor.user, join_request))
    join_request = _lock_pending(join_request)
    membership = _membership_add(
        user=join_request.user,
        organization=join_request.organization,
        role=Role.STAFF,
        actor=actor,
        via="join_request",
    )
    _decide(join_request, JoinRequestStatus.APPROVED, actor)
    return membership


@transaction.atomic
def join_request_decline(*, join_request: JoinRequest, actor: Actor) -> JoinRequest:
    """Decline a join request; the person is told by e-mail. Locks the
    request; raises JoinRequestNotPendingError if already decided."""
    require(permissions.can_decide_join_request(actor.user, join_request))
    join_request = _lock_pending(join_request)
    return _decide(join_request, JoinRequestStatus.DECLINED, actor)
