"""factory_boy factories for people, organisations and network membership.

Other apps' tests import them: `from tests.accounts.factories import
UserFactory, OrganizationFactory, MembershipFactory, …`. Every user gets a
verified primary e-mail address, so allauth logins work, and the password
PASSWORD.
"""

from __future__ import annotations

import datetime
from typing import Any

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone
from django.utils.text import slugify

from ikone.accounts.models import (
    DatePrecision,
    Invitation,
    JoinRequest,
    Membership,
    Network,
    NetworkMembership,
    NetworkMembershipStatus,
    Organization,
    OrganizationKind,
    Role,
    User,
)
from ikone.accounts.selectors import fold_search_text
from ikone.accounts.services import coordinator_group
from ikone.municipalities.models import Level, Municipality

PASSWORD = "Ein-gutes-Testpasswort-7"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    """A Gemeinde in Rheinland-Pfalz (no parents; enough for organisations)."""

    class Meta:
        model = Municipality
        django_get_or_create = ("ags",)

    ags = factory.Sequence(lambda n: f"0799{n % 10000:04d}")
    level = Level.MUNICIPALITY
    name = factory.Sequence(lambda n: f"Musterstadt {n}")
    name_short = factory.SelfAttribute("name")
    search_name = factory.LazyAttribute(lambda unit: fold_search_text(unit.name))
    type_code = "63"
    type_label = "Stadt"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    job_title = ""

    @factory.post_generation
    def password(self, create: bool, extracted: str | None, **kwargs: Any) -> None:
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified_email(self, create: bool, extracted: bool | None, **kwargs: Any) -> None:
        if create and extracted is not False:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )


class MentorFactory(UserFactory):
    is_mentor = True


class CoordinatorFactory(UserFactory):
    """A coordinator as `coordinator_role_set` makes one: staff, in the CMS group.
    Needs TOTP before reaching any page (see fixtures.sign_in)."""

    is_coordinator = True
    is_staff = True

    @factory.post_generation
    def cms_group(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            self.groups.add(coordinator_group())


class AdminFactory(UserFactory):
    is_staff = True
    is_superuser = True


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Stadt Musterstadt {n}")
    slug = factory.LazyAttribute(lambda org: slugify(org.name))
    kind = OrganizationKind.MUNICIPALITY
    municipality = factory.SubFactory(MunicipalityFactory, name=factory.SelfAttribute("..name"))


def _primary_network() -> Network:
    return Network.objects.filter(is_primary=True).first() or NetworkFactory(is_primary=True)


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network
        django_get_or_create = ("slug",)

    name = "IKONE DS – Interkommunales Netzwerk Digitale Stadt"
    short_name = "IKONE DS"
    slug = factory.Sequence(lambda n: "ikone-ds" if n == 0 else f"netzwerk-{n}")
    is_primary = False


class NetworkMembershipFactory(factory.django.DjangoModelFactory):
    """Membership in the primary network (created if there is none yet)."""

    class Meta:
        model = NetworkMembership

    organization = factory.SubFactory(OrganizationFactory)
    network = factory.LazyFunction(_primary_network)
    status = NetworkMembershipStatus.MEMBER
    member_since = datetime.date(2019, 1, 1)
    member_since_precision = DatePrecision.YEAR


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.STAFF


class ContactMembershipFactory(MembershipFactory):
    role = Role.CONTACT


def contact_of(organization: Organization) -> User:
    """An Ansprechperson of the organisation (one is made if it has none):
    only they may invite (`accounts.admission`)."""
    membership = (
        Membership.objects.filter(organization=organization, role=Role.CONTACT)
        .select_related("user")
        .first()
    )
    if membership is None:
        membership = ContactMembershipFactory(organization=organization)
    return membership.user


class InvitationFactory(factory.django.DjangoModelFactory):
    """Sent by an Ansprechperson of the organisation unless `invited_by` is given."""

    class Meta:
        model = Invitation

    organization = factory.SubFactory(OrganizationFactory)
    email = factory.Sequence(lambda n: f"eingeladen{n}@example.org")
    role = Role.STAFF
    token = factory.Sequence(lambda n: f"token-{n:04d}-abcdefghijklmnopqrstuvwxyz")
    invited_by = factory.LazyAttribute(lambda invitation: contact_of(invitation.organization))
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))


class JoinRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JoinRequest

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    message = "Ich arbeite im Digitalisierungsteam."
