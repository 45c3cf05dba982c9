"""The accounts app's notification kinds and the mails they send
(allauth sends its own). Registered in `AccountsConfig.ready()`; services
send them with `core.mail.notify(kind, id)` after commit."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.accounts import selectors
from ikone.accounts.models import Invitation, JoinRequest, Organization
from ikone.core.mail import Mail, absolute_url
from ikone.core.notifications import NotificationKind

INVITATION = "accounts.invitation"
JOIN_REQUEST_CREATED = "accounts.join_request_created"
JOIN_REQUEST_DECIDED = "accounts.join_request_decided"
ORGANIZATION_CREATED = "accounts.organization_created"
NETWORK_MEMBERSHIP_APPLIED = "accounts.network_membership_applied"

_BUILDERS = "ikone.accounts.notifications"
KINDS = (
    NotificationKind(
        INVITATION,
        _("Einladung in eine Organisation"),
        f"{_BUILDERS}.invitation_mail",
        description=_("An die eingeladene Adresse, mit dem Link zum Annehmen."),
        mandatory=True,
    ),
    NotificationKind(
        JOIN_REQUEST_CREATED,
        _("Beitrittsanfrage an die eigene Organisation"),
        f"{_BUILDERS}.join_request_created_mail",
        description=_("An die Ansprechpersonen der Organisation, die entscheiden."),
        mandatory=True,
    ),
    NotificationKind(
        JOIN_REQUEST_DECIDED,
        _("Entscheidung über die eigene Beitrittsanfrage"),
        f"{_BUILDERS}.join_request_decided_mail",
        description=_("An die anfragende Person: angenommen oder abgelehnt."),
        mandatory=True,
    ),
    NotificationKind(
        ORGANIZATION_CREATED,
        _("Neue Organisation registriert"),
        f"{_BUILDERS}.organization_created_mail",
        description=_("An die Netzwerkkoordination, wenn jemand eine Organisation anlegt."),
    ),
    NotificationKind(
        NETWORK_MEMBERSHIP_APPLIED,
        _("Antrag auf Mitgliedschaft im Netzwerk"),
        f"{_BUILDERS}.network_membership_applied_mail",
        description=_("An die Netzwerkkoordination, wenn eine Organisation Mitglied werden will."),
        mandatory=True,
    ),
)


def invitation_mail(invitation_id: int) -> Mail | None:
    """The invitation link, to the invited address (while still pending)."""
    invitation = (
        Invitation.objects.select_related("organization", "invited_by")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not invitation.is_pending:
        return None
    return Mail(
        INVITATION,
        [invitation.email],
        {
            "invitation": invitation,
            "accept_url": absolute_url(
                reverse("accounts:invitation", kwargs={"token": invitation.token})
            ),
        },
    )


def join_request_created_mail(join_request_id: int) -> Mail | None:
    """To the organisation's Ansprechpersonen (or, if it has none, the
    coordinators): someone asks to join."""
    join_request = (
        JoinRequest.objects.select_related("organization", "user")
        .filter(pk=join_request_id)
        .first()
    )
    if join_request is None:
        return None
    organization = join_request.organization
    recipients = (
        selectors.contact_person_emails(organization=organization)
        or selectors.coordinator_emails()
    )
    return Mail(
        JOIN_REQUEST_CREATED,
        recipients,
        {
            "join_request": join_request,
            "members_url": absolute_url(
                reverse("organizations:members", kwargs={"slug": organization.slug})
            ),
        },
    )


def join_request_decided_mail(join_request_id: int) -> Mail | None:
    """To the person who asked to join: how it was decided."""
    join_request = (
        JoinRequest.objects.select_related("organization", "user")
        .filter(pk=join_request_id)
        .first()
    )
    if join_request is None:
        return None
    return Mail(
        JOIN_REQUEST_DECIDED,
        [join_request.user],
        {
            "join_request": join_request,
            "organization_url": absolute_url(join_request.organization.get_absolute_url()),
        },
    )


def organization_created_mail(organization_id: int) -> Mail | None:
    """To the coordinators: a new organisation was registered, so they can
    check who registered it."""
    organization = (
        Organization.objects.select_related("municipality").filter(pk=organization_id).first()
    )
    if organization is None:
        return None
    return Mail(
        ORGANIZATION_CREATED,
        selectors.coordinator_emails(),
        {
            "organization": organization,
            "people": selectors.organization_people(organization=organization),
            "organization_url": absolute_url(organization.get_absolute_url()),
        },
    )


def network_membership_applied_mail(organization_id: int) -> Mail | None:
    """To the coordinators: an organisation wants to join the network."""
    organization = Organization.objects.filter(pk=organization_id).first()
    if organization is None:
        return None
    return Mail(
        NETWORK_MEMBERSHIP_APPLIED,
        selectors.coordinator_emails(),
        {
            "organization": organization,
            "network": selectors.network_get_primary(),
            "membership_url": absolute_url(
                reverse("organizations:network_membership", kwargs={"slug": organization.slug})
            ),
        },
    )
