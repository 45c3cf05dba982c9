"""Background work of the accounts app: notification e-mails.

Services enqueue these with `transaction.on_commit`, passing only ids, so a
mail never announces something that was rolled back."""

from __future__ import annotations

from django.urls import reverse
from django_tasks import task

from ikone.accounts import selectors
from ikone.accounts.mail import absolute_url, send_templated_mail
from ikone.accounts.models import Invitation, JoinRequest, Organization


@task()
def send_invitation_email(invitation_id: int) -> None:
    """Send the invitation link to the invited address."""
    invitation = (
        Invitation.objects.select_related("organization", "invited_by")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not invitation.is_pending:
        return
    send_templated_mail(
        "invitation",
        [invitation.email],
        {
            "invitation": invitation,
            "accept_url": absolute_url(
                reverse("accounts:invitation", kwargs={"token": invitation.token})
            ),
        },
    )


@task()
def send_join_request_created_email(join_request_id: int) -> None:
    """Tell the organisation's Ansprechpersonen (or, if it has none, the
    coordinators) that someone asks to join."""
    join_request = (
        JoinRequest.objects.select_related("organization", "user")
        .filter(pk=join_request_id)
        .first()
    )
    if join_request is None:
        return
    organization = join_request.organization
    recipients = (
        selectors.contact_person_emails(organization=organization)
        or selectors.coordinator_emails()
    )
    send_templated_mail(
        "join_request_created",
        recipients,
        {
            "join_request": join_request,
            "members_url": absolute_url(
                reverse("organizations:members", kwargs={"slug": organization.slug})
            ),
        },
    )


@task()
def send_join_request_decided_email(join_request_id: int) -> None:
    """Tell the person who asked to join how it was decided."""
    join_request = (
        JoinRequest.objects.select_related("organization", "user")
        .filter(pk=join_request_id)
        .first()
    )
    if join_request is None:
        return
    send_templated_mail(
        "join_request_decided",
        [join_request.user.email],
        {
            "join_request": join_request,
            "organization_url": absolute_url(join_request.organization.get_absolute_url()),
        },
    )


@task()
def send_organization_created_email(organization_id: int) -> None:
    """Tell the coordinators that a new organisation was registered, so they
    can check who registered it."""
    organization = (
        Organization.objects.select_related("municipality").filter(pk=organization_id).first()
    )
    if organization is None:
        return
    send_templated_mail(
        "organization_created",
        selectors.coordinator_emails(),
        {
            "organization": organization,
            "people": selectors.organization_people(organization=organization),
            "organization_url": absolute_url(organization.get_absolute_url()),
        },
    )


@task()
def send_network_membership_applied_email(organization_id: int) -> None:
    """Tell the coordinators that an organisation wants to join the network."""
    organization = Organization.objects.filter(pk=organization_id).first()
    if organization is None:
        return
    send_templated_mail(
        "network_membership_applied",
        selectors.coordinator_emails(),
        {
            "organization": organization,
            "network": selectors.network_get_primary(),
            "membership_url": absolute_url(
                reverse("organizations:network_membership", kwargs={"slug": organization.slug})
            ),
        },
    )
