"""Where each organisation is: its Kreis and Land from the municipality
directory, its coordinates for the map, and whether it is a current member
of the primary network. Two queries for all organisations."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ikone.accounts.models import NetworkMembership, Organization
from ikone.municipalities.models import Level

NO_DISTRICT = ""


@dataclass(frozen=True)
class Place:
    organization_id: int
    name: str
    slug: str
    district_ags: str  # "" for cooperations and organisations without a Kreis
    district_name: str
    state_ags: str
    latitude: Decimal | None
    longitude: Decimal | None
    is_member: bool


def _current_members() -> set[int]:
    return set(
        NetworkMembership.objects.in_primary_network()
        .current()
        .values_list("organization_id", flat=True)
    )


def organization_places() -> list[Place]:
    """Every organisation with its Kreis, Land, coordinates and membership."""
    members = _current_members()
    rows = Organization.objects.order_by("name", "pk").values_list(
        "pk",
        "name",
        "slug",
        "municipality__level",
        "municipality__ags",
        "municipality__name",
        "municipality__district__ags",
        "municipality__district__name",
        "municipality__state__ags",
        "municipality__latitude",
        "municipality__longitude",
    )
    places = []
    for pk, name, slug, level, ags, own_name, district_ags, district_name, state, lat, lon in rows:
        if level == Level.DISTRICT:
            district_ags, district_name = ags, own_name
        places.append(
            Place(
                organization_id=pk,
                name=name,
                slug=slug,
                district_ags=district_ags or NO_DISTRICT,
                district_name=district_name or "",
                state_ags=state or (ags[:2] if ags else ""),
                latitude=lat,
                longitude=lon,
                is_member=pk in members,
            )
        )
    return places
