"""The contact form (/kontakt/): a message from anyone becomes a support
request, the sender gets a confirmation, the coordination a notice.

The organisation or municipality the sender names is looked up in the
directory: an organisation on the platform by name, else a municipality
(Gemeinde or Kreis) by its folded name. What is not found stays as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from ikone.accounts.models import Organization
from ikone.core import audit, mail
from ikone.core.services import Actor
from ikone.core.text import fold
from ikone.municipalities.models import Municipality
from ikone.support import notifications
from ikone.support.models import Source, SupportRequest
from ikone.support.services.requests import is_network_member


@dataclass(frozen=True)
class ContactData:
    name: str
    email: str
    organization_name: str
    topic: str
    subject: str
    message: str


def directory_match(name: str) -> tuple[Organization | None, Municipality | None]:
    """The platform organisation or directory municipality called `name`."""
    name = name.strip()
    if not name:
        return None, None
    organization = Organization.objects.filter(name__iexact=name).first()
    if organization is not None:
        return organization, organization.municipality
    municipality = (
        Municipality.objects.filter(search_name=fold(name)).order_by("level", "ags").first()
    )
    if municipality is not None:
        organization = Organization.objects.filter(municipality=municipality).first()
    return organization, municipality


@transaction.atomic
def contact_submit(*, data: ContactData, actor: Actor) -> SupportRequest:
    """Store the message as a new request (with the time of consent) and
    mail the sender a confirmation and the coordination a notice."""
    organization, municipality = directory_match(data.organization_name)
    request = SupportRequest(
        topic=data.topic,
        subject=data.subject,
        message=data.message,
        source=Source.CONTACT,
        requester=actor.user,
        requester_name=data.name,
        requester_email=data.email,
        organization_name=data.organization_name,
        organization=organization,
        municipality=municipality,
        is_member=is_network_member(organization),
        consent_at=timezone.now(),
    )
    request.full_clean()
    request.save()
    audit.record(actor, "support.request.contact_received", target=request)
    mail.notify(notifications.CONTACT_CONFIRMATION, request.pk)
    mail.notify(notifications.NEW_REQUEST, request.pk)
    return request
