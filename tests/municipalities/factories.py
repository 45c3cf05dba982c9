"""Factories for directory units and the network data they show.

The accounts factories here are the minimum the directory needs (an
organisation for a unit, its membership in the primary network).
"""

import datetime
from decimal import Decimal

import factory

from ikone.accounts.models import (
    Network,
    NetworkMembership,
    NetworkMembershipStatus,
    Organization,
    OrganizationKind,
)
from ikone.municipalities.models import Level, Municipality
from ikone.municipalities.search import search_text


class StateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("ags",)

    ags = "07"
    level = Level.STATE
    name = "Rheinland-Pfalz"
    name_short = factory.LazyAttribute(lambda unit: unit.name.split(",")[0])
    search_name = factory.LazyAttribute(
        lambda unit: search_text(name=unit.name, name_short=unit.name_short)
    )
    population = 4_129_569
    area_km2 = Decimal("19851.67")


class DistrictFactory(StateFactory):
    ags = factory.Sequence(lambda n: f"07{n % 1000:03d}")
    level = Level.DISTRICT
    name = factory.Sequence(lambda n: f"Landkreis {n}")
    type_code = "44"
    type_label = "Landkreis"
    state = factory.SubFactory(StateFactory)
    parent = factory.SelfAttribute("state")
    population = 100_000
    area_km2 = Decimal("500.00")
    seat = "Kreisstadt"


class AssociationFactory(StateFactory):
    ags = factory.LazyAttributeSequence(
        lambda unit, n: f"{unit.district.ags}{5000 + n % 1000:04d}"
    )
    level = Level.ASSOCIATION
    name = factory.Sequence(lambda n: f"Verbandsgemeinde {n}")
    type_code = "53"
    type_label = "Verbandsgemeinde"
    district = factory.SubFactory(DistrictFactory)
    state = factory.SelfAttribute("district.state")
    parent = factory.SelfAttribute("district")
    population = 20_000
    area_km2 = Decimal("120.50")


class MunicipalityFactory(StateFactory):
    ags = factory.LazyAttributeSequence(lambda unit, n: f"{unit.district.ags}{n % 1000:03d}")
    level = Level.MUNICIPALITY
    name = factory.Sequence(lambda n: f"Gemeinde {n}")
    type_code = "64"
    type_label = "Kreisangehörige Gemeinde"
    district = factory.SubFactory(DistrictFactory)
    state = factory.SelfAttribute("district.state")
    parent = factory.SelfAttribute("district")
    population = 2_000
    area_km2 = Decimal("10.00")
    postcode = "67657"


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        django_get_or_create = ("slug",)

    name = "Interkommunales Netzwerk Digitale Stadt"
    short_name = "IKONE DS"
    slug = "ikone-ds"
    is_primary = True


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.SelfAttribute("municipality.name")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = OrganizationKind.MUNICIPALITY


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkMembership

    organization = factory.SubFactory(OrganizationFactory)
    network = factory.SubFactory(NetworkFactory)
    status = NetworkMembershipStatus.MEMBER
    member_since = datetime.date(2021, 3, 1)
