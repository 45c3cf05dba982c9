"""The accounts app's notification kinds and the mails they send
(allauth sends its own). Registered in `AccountsConfig.ready()`; services
send them with `core.mail.notify(kind, id)` after commit."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.accounts import selectors
from ikone.accounts.models import Invitation, JoinRequest, Organization, Role, User
from ikone.core.mail import Mail, absolute_url
from ikone.core.models import AuditEntry
from ikone.core.notifications import NotificationKind

INVITATION = "accounts.invitation"
JOIN_REQUEST_CREATED = "accounts.join_request_created"
JOIN_REQUEST_DECIDED = "accounts.join_request_decided"
ORGANIZATION_CREATED = "accounts.organization_created"
NETWORK_MEMBERSHIP_APPLIED = "accounts.network_membership_applied"
MEMBERSHIP_CHANGED_BY_OUTSIDER = "accounts.membership_changed_by_outsider"

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
    NotificationKind(
        MEMBERSHIP_CHANGED_BY_OUTSIDER,
        _("Änderung an den Personen der eigenen Organisation durch Dritte"),
        f"{_BUILDERS}.membership_changed_by_outsider_mail",
        description=_(
            "An die Ansprechpersonen (ohne Ansprechperson: an die Netzwerkkoordination), "
            "wenn jemand außerhalb der Organisation einlädt, aufnimmt, eine Rolle ändert "
            "oder jemanden entfernt."
        ),
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


_CHANGES = {
    "accounts.membership.created": _("%(person)s wurde als %(role)s aufgenommen."),
    "accounts.membership.role_changed": _("%(person)s ist jetzt %(role)s."),
    "accounts.membership.removed": _("%(person)s gehört nicht mehr zur Organisation."),
    "accounts.invitation.created": _("%(person)s wurde als %(role)s eingeladen."),
    "accounts.invitation.revoked": _("Die Einladung an %(person)s wurde zurückgezogen."),
    "accounts.join_request.declined": _("Die Beitrittsanfrage von %(person)s wurde abgelehnt."),
}


def _change_text(entry: AuditEntry) -> str:
    """What changed, in a sentence naming the person concerned."""
    person: object = ""
    user_id = entry.data.get("user")
    if isinstance(user_id, int):
        user = User.objects.filter(pk=user_id).first()
        person = user if user is not None else _("ein gelöschtes Konto")
    elif entry.target_type == "accounts.invitation" and entry.target_id.isdigit():
        invitation = Invitation.objects.filter(pk=int(entry.target_id)).first()
        person = invitation.email if invitation is not None else ""
    role = entry.data.get("to") or entry.data.get("role") or ""
    template = _CHANGES.get(entry.action, _("Geändert: %(person)s."))
    return str(template) % {"person": person, "role": Role(role).label if role else ""}


def membership_changed_by_outsider_mail(entry_id: int, organization_id: int) -> Mail | None:
    """To the organisation's Ansprechpersonen (or, while it has none, the
    coordinators), except whoever made the change: someone outside the
    organisation changed who belongs to it."""
    entry = AuditEntry.objects.filter(pk=entry_id).first()
    organization = Organization.objects.filter(pk=organization_id).first()
    if entry is None or organization is None:
        return None
    recipients = (
        selectors.contact_person_emails(organization=organization)
        or selectors.coordinator_emails()
    )
    recipients = [address for address in recipients if address != entry.actor_label]
    if not recipients:
        return None
    return Mail(
        MEMBERSHIP_CHANGED_BY_OUTSIDER,
        recipients,
        {
            "organization": organization,
            "actor": entry.actor_label,
            "change": _change_text(entry),
            "members_url": absolute_url(
                reverse("organizations:members", kwargs={"slug": organization.slug})
            ),
        },
    )
