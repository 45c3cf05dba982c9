"""What the municipality directory shows of networks and organisations,
registered in `AccountsConfig.ready()` (see `municipalities.membership`)."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet

from ikone.accounts.models import Network, NetworkMembership, Organization
from ikone.municipalities.membership import MembershipSource


def unit_memberships() -> QuerySet[NetworkMembership]:
    """Current memberships in the primary network of the outer unit's organisation."""
    return (
        NetworkMembership.objects.in_primary_network()
        .current()
        .filter(organization__municipality=OuterRef("pk"))
    )


def unit_organizations() -> QuerySet[Organization]:
    return Organization.objects.filter(municipality=OuterRef("pk"))


def primary_network() -> QuerySet[Network]:
    return Network.objects.filter(is_primary=True)


SOURCE = MembershipSource(
    memberships=unit_memberships, organizations=unit_organizations, primary_network=primary_network
)
