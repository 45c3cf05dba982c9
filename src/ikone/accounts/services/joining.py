"""The two ways into an organisation: an invitation and a join request.

Both follow `accounts.admission`: only whoever may admit people to the
organisation invites or decides, never about themself, and an invitation is
checked again when it is accepted (so one sent by a coordinator stops
working once the organisation has an Ansprechperson, and one sent by a
person who has since left stops working too).
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.accounts import admission, notifications, permissions, selectors
from ikone.accounts.exceptions import (
    AlreadyMemberError,
    InvitationEmailMismatchError,
    InvitationNotUsableError,
    JoinRequestNotPendingError,
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
from ikone.accounts.services.memberships import membership_add, membership_change_recorded
from ikone.core import mail
from ikone.core.audit import Actor
from ikone.core.services import require, require_user

INVITATION_VALIDITY = timedelta(days=14)

# --- Invitations ---------------------------------------------------------------


def _is_own_address(user: User | None, email: str) -> bool:
    """Whether the address is one of the person's own (verified or not)."""
    if user is None:
        return False
    if user.email.lower() == email.lower():
        return True
    return EmailAddress.objects.filter(user=user, email__iexact=email).exists()


@transaction.atomic
def invitation_create(
    *, organization: Organization, email: str, role: str, actor: Actor
) -> Invitation:
    """Invite a colleague by e-mail; the link in the mail is valid for 14 days.

    An earlier working invitation for the same address is withdrawn. Raises
    PermissionDenied unless the person may admit people (`admission`) or
    when they invite one of their own addresses, AlreadyMemberError if the
    address belongs to someone in the organisation."""
    require(permissions.can_invite_to_organization(actor.user, organization))
    email = email.strip()
    if _is_own_address(actor.user, email):
        raise PermissionDenied
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
    membership_change_recorded(
        actor,
        "accounts.invitation.created",
        organization=organization,
        target=invitation,
        data={"role": role, "replaces": replaced},
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
    membership_change_recorded(
        actor,
        "accounts.invitation.revoked",
        organization=invitation.organization,
        target=invitation,
        data={},
    )
    return invitation


def _check_invitation_usable(invitation: Invitation, user: User) -> None:
    if invitation.accepted_at is not None:
        raise InvitationNotUsableError(_("Diese Einladung wurde bereits angenommen."))
    if invitation.revoked_at is not None:
        raise InvitationNotUsableError(_("Diese Einladung wurde zurückgezogen."))
    if invitation.is_expired:
        raise InvitationNotUsableError(
            _("Diese Einladung ist abgelaufen. Bitten Sie um eine neue Einladung.")
        )
    if not admission.may_admit_person(invitation.invited_by, invitation.organization, user.pk):
        raise InvitationNotUsableError(
            _(
                "Diese Einladung gilt nicht mehr: Wer sie verschickt hat, darf heute niemanden "
                "mehr in „%(organization)s“ aufnehmen. Bitten Sie eine Ansprechperson um eine "
                "neue Einladung."
            )
            % {"organization": invitation.organization.name}
        )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, actor: Actor) -> Membership:
    """Accept an invitation: the signed-in person joins the organisation in
    the invited role. Locks the invitation row.

    Raises InvitationNotUsableError (accepted, withdrawn, expired, or its
    sender may no longer admit this person), InvitationEmailMismatchError (no
    verified address equals the invited one) or AlreadyMemberError."""
    user = require_user(actor)
    # of=("self",): PostgreSQL cannot lock the nullable side of the outer
    # join to invited_by, and only the invitation row needs the lock.
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organization", "invited_by")
        .get(pk=invitation.pk)
    )
    _check_invitation_usable(invitation, user)
    if invitation.email.lower() not in selectors.verified_emails(user=user):
        raise InvitationEmailMismatchError(
            _(
                "Diese Einladung gilt für %(email)s. Bitte melden Sie sich mit dieser "
                "Adresse an oder fügen Sie sie Ihrem Konto hinzu und bestätigen Sie sie."
            )
            % {"email": invitation.email}
        )
    organization = invitation.organization
    membership = membership_add(
        user=user,
        organization=organization,
        role=invitation.role,
        actor=actor,
        via="invitation",
        outsider=admission.is_outsider(invitation.invited_by, organization),
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    membership_change_recorded(
        actor,
        "accounts.invitation.accepted",
        organization=organization,
        target=invitation,
        data={},
        outsider=False,
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
    membership_change_recorded(
        actor,
        "accounts.join_request.created",
        organization=organization,
        target=join_request,
        data={},
        outsider=False,  # the request itself mails the Ansprechpersonen
    )
    mail.notify(notifications.JOIN_REQUEST_CREATED, join_request.pk)
    return join_request


def _lock_pending(join_request: JoinRequest) -> JoinRequest:
    locked = (
        JoinRequest.objects.select_for_update(of=("self",))
        .select_related("user", "organization")
        .get(pk=join_request.pk)
    )
    if locked.status != JoinRequestStatus.PENDING:
        raise JoinRequestNotPendingError(_("Über diese Anfrage wurde bereits entschieden."))
    return locked


def _decide(join_request: JoinRequest, status: str, actor: Actor, outsider: bool) -> JoinRequest:
    join_request.status = status
    join_request.decided_at = timezone.now()
    join_request.decided_by = actor.user
    join_request.save(update_fields=["status", "decided_at", "decided_by"])
    membership_change_recorded(
        actor,
        f"accounts.join_request.{status}",
        organization=join_request.organization,
        target=join_request,
        data={"user": join_request.user_id},
        outsider=outsider,
    )
    mail.notify(notifications.JOIN_REQUEST_DECIDED, join_request.pk)
    return join_request


@transaction.atomic
def join_request_approve(*, join_request: JoinRequest, actor: Actor) -> Membership:
    """Accept a join request: the person joins as staff and is told by e-mail.
    Only whoever may admit people, never about their own request. Locks the
    request; raises JoinRequestNotPendingError if already decided."""
    require(permissions.can_decide_join_request(actor.user, join_request))
    join_request = _lock_pending(join_request)
    outsider = admission.is_outsider(actor.user, join_request.organization)
    membership = membership_add(
        user=join_request.user,
        organization=join_request.organization,
        role=Role.STAFF,
        actor=actor,
        via="join_request",
        outsider=outsider,
    )
    # The new membership's entry already told the Ansprechpersonen.
    _decide(join_request, JoinRequestStatus.APPROVED, actor, outsider=False)
    return membership


@transaction.atomic
def join_request_decline(*, join_request: JoinRequest, actor: Actor) -> JoinRequest:
    """Decline a join request; the person is told by e-mail. Locks the
    request; raises JoinRequestNotPendingError if already decided."""
    require(permissions.can_decide_join_request(actor.user, join_request))
    join_request = _lock_pending(join_request)
    outsider = admission.is_outsider(actor.user, join_request.organization)
    return _decide(join_request, JoinRequestStatus.DECLINED, actor, outsider)
