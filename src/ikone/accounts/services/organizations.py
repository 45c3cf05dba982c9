"""Organisations and their membership in the primary network."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ikone.accounts import notifications, permissions, selectors
from ikone.accounts.exceptions import (
    AlreadyMemberError,
    NetworkMissingError,
    OrganizationExistsError,
)
from ikone.accounts.models import (
    DatePrecision,
    Membership,
    Network,
    NetworkMembership,
    NetworkMembershipStatus,
    Organization,
    OrganizationKind,
    Role,
)
from ikone.core import audit, mail
from ikone.core.audit import Actor
from ikone.core.datetimes import iso
from ikone.core.services import require, require_user
from ikone.municipalities.models import Level, Municipality

# Path segments under /organisationen/ that are views, not organisations.
RESERVED_SLUGS = frozenset({"neu"})


def iso_date(value: date | None) -> str | None:
    """A date as ISO text for audit data, or None."""
    return iso(value)


# --- Organisations -------------------------------------------------------------


def organization_kind_for(municipality: Municipality) -> str:
    """The organisation kind that fits a unit of the municipality directory."""
    if municipality.level == Level.ASSOCIATION:
        return OrganizationKind.ASSOCIATION
    if municipality.level == Level.DISTRICT:
        is_city = "kreisfrei" in municipality.type_label.lower()
        return OrganizationKind.CITY if is_city else OrganizationKind.DISTRICT
    if municipality.type_code == "61" or "kreisfrei" in municipality.type_label.lower():
        return OrganizationKind.CITY
    return OrganizationKind.MUNICIPALITY


def organization_default_name(municipality: Municipality) -> str:
    """A suggested organisation name: "Stadt Speyer", "Landkreis Kusel",
    "Verbandsgemeinde Linz am Rhein", "Eifelkreis Bitburg-Prüm", "Dattenberg".

    Official German names are data, so they are not translated."""
    name = municipality.name_short or municipality.name
    kind = organization_kind_for(municipality)
    if kind == OrganizationKind.CITY or municipality.type_code == "63":
        return f"Stadt {name}"
    if kind == OrganizationKind.DISTRICT and "kreis" not in name.lower():
        return f"Landkreis {name}"
    if kind == OrganizationKind.ASSOCIATION and municipality.type_label:
        return f"{municipality.type_label} {name}"
    return name


def unique_organization_slug(name: str) -> str:
    """A free slug derived from the name ("stadt-kaiserslautern", "-2", …)."""
    base = slugify(name)[:190] or "organisation"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Organization.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def organization_create(
    *,
    municipality: Municipality,
    name: str,
    kind: str,
    description: str = "",
    website: str = "",
    email: str = "",
    actor: Actor,
) -> Organization:
    """Register the organisation of a municipality that has none yet; the
    acting person becomes its Ansprechperson and the coordinators are told.

    Raises OrganizationExistsError if the municipality already has one."""
    user = require_user(actor)
    require(permissions.can_create_organization(user))
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    existing = selectors.organization_for_municipality(municipality=municipality)
    if existing is not None:
        raise OrganizationExistsError(
            _("Für %(municipality)s gibt es schon die Organisation „%(organization)s“.")
            % {"municipality": municipality.name, "organization": existing.name}
        )
    organization = Organization(
        municipality=municipality,
        name=name.strip(),
        slug=unique_organization_slug(name),
        kind=kind,
        description=description.strip(),
        website=website,
        email=email,
    )
    organization.full_clean()
    organization.save()
    membership = Membership.objects.create(user=user, organization=organization, role=Role.CONTACT)
    audit.record(
        actor,
        "accounts.organization.created",
        target=organization,
        data={"municipality": municipality.ags},
    )
    audit.record(
        actor,
        "accounts.membership.created",
        target=membership,
        data={"organization": organization.slug, "role": Role.CONTACT, "via": "creation"},
    )
    mail.notify(notifications.ORGANIZATION_CREATED, organization.pk)
    return organization


@transaction.atomic
def organization_update(
    *, organization: Organization, description: str, website: str, email: str, actor: Actor
) -> Organization:
    """Change the organisation's public profile (description, website, contact address)."""
    require(permissions.can_edit_organization(actor.user, organization))
    new_values = {"description": description.strip(), "website": website, "email": email}
    changed = [
        field for field, value in new_values.items() if getattr(organization, field) != value
    ]
    for field, value in new_values.items():
        setattr(organization, field, value)
    organization.full_clean()
    organization.save(update_fields=[*new_values, "updated_at"])
    if changed:
        audit.record(
            actor, "accounts.organization.updated", target=organization, data={"fields": changed}
        )
    return organization


# --- Network membership --------------------------------------------------------


def _primary_network_or_error() -> Network:
    network = selectors.network_get_primary()
    if network is None:
        raise NetworkMissingError(_("Es ist noch kein Netzwerk eingerichtet."))
    return network


@transaction.atomic
def network_membership_record(
    *,
    organization: Organization,
    status: str,
    member_since: date | None,
    member_since_precision: str = DatePrecision.DAY,
    member_until: date | None = None,
    note: str = "",
    actor: Actor,
) -> NetworkMembership:
    """Record (create or change) the organisation's membership in the primary
    network. Coordinators only. Raises NetworkMissingError without a primary network."""
    require(permissions.can_record_network_membership(actor.user, organization))
    network = _primary_network_or_error()
    membership, created = NetworkMembership.objects.select_for_update().get_or_create(
        organization=organization, network=network
    )
    before = {
        "status": membership.status,
        "member_since": iso_date(membership.member_since),
        "member_until": iso_date(membership.member_until),
    }
    membership.status = status
    membership.member_since = member_since
    membership.member_since_precision = member_since_precision
    membership.member_until = member_until
    membership.note = note.strip()
    membership.full_clean()
    membership.save()
    audit.record(
        actor,
        "accounts.network_membership.recorded",
        target=membership,
        data={
            "organization": organization.slug,
            "network": network.slug,
            "created": created,
            "before": None if created else before,
            "status": status,
            "member_since": iso_date(member_since),
            "member_since_precision": member_since_precision,
            "member_until": iso_date(member_until),
        },
    )
    return membership


@transaction.atomic
def network_membership_remove(*, organization: Organization, actor: Actor) -> None:
    """Delete the organisation's record in the primary network (it then shows
    as "no member"). Coordinators only."""
    require(permissions.can_record_network_membership(actor.user, organization))
    membership = selectors.network_membership_get_primary(organization=organization)
    if membership is None:
        return
    audit.record(
        actor,
        "accounts.network_membership.removed",
        target=membership,
        data={"organization": organization.slug, "status": membership.status},
    )
    membership.delete()


@transaction.atomic
def network_membership_apply(*, organization: Organization, actor: Actor) -> NetworkMembership:
    """An Ansprechperson tells the coordinators that the organisation wants to
    join the primary network: status "applied", coordinators get an e-mail.

    Raises NetworkMissingError, or AlreadyMemberError if a record already exists."""
    require(permissions.can_apply_for_network_membership(actor.user, organization))
    network = _primary_network_or_error()
    membership, created = NetworkMembership.objects.select_for_update().get_or_create(
        organization=organization,
        network=network,
        defaults={"status": NetworkMembershipStatus.APPLIED},
    )
    if not created and membership.status != NetworkMembershipStatus.FORMER:
        raise AlreadyMemberError(
            _("Für „%(organization)s“ ist bereits „%(status)s“ eingetragen.")
            % {"organization": organization.name, "status": membership.get_status_display()}
        )
    if not created:
        membership.status = NetworkMembershipStatus.APPLIED
        membership.save(update_fields=["status", "updated_at"])
    audit.record(
        actor,
        "accounts.network_membership.applied",
        target=membership,
        data={"organization": organization.slug, "network": network.slug},
    )
    mail.notify(notifications.NETWORK_MEMBERSHIP_APPLIED, organization.pk)
    return membership
