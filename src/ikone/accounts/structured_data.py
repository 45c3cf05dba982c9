"""schema.org markup of an organisation's public page (JSON-LD), so search
engines show it as the public body it is."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from ikone.accounts.models import (
    Network,
    NetworkMembership,
    NetworkMembershipStatus,
    Organization,
)


def organization_json_ld(
    organization: Organization,
    *,
    request: HttpRequest,
    network: Network | None,
    membership: NetworkMembership | None,
) -> dict[str, Any]:
    """A GovernmentOrganization with what the page shows publicly (never
    the people: who belongs to it is for members only); `memberOf` names the
    network while the organisation is a member of it."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": organization.name,
        "url": request.build_absolute_uri(organization.get_absolute_url()),
    }
    if organization.description:
        data["description"] = organization.description
    if organization.website:
        data["sameAs"] = organization.website
    if organization.email:
        data["email"] = organization.email
    # A municipality's administration serves its territory; a cooperation
    # serves the territories of its partners.
    places = [organization.municipality] if organization.municipality else []
    places += list(organization.cooperation_members.all())
    if places:
        areas = [
            {"@type": "AdministrativeArea", "name": place.name, "identifier": place.ags}
            for place in places
        ]
        data["areaServed"] = areas[0] if len(areas) == 1 else areas
    if network and membership and membership.status == NetworkMembershipStatus.MEMBER:
        data["memberOf"] = {"@type": "Organization", "name": str(network)}
    return data
