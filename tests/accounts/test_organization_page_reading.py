"""The organisation page reads the organisation, its cooperation members,
its primary network membership and its people with prepared queries
(issue 15): what it hands to the page must be what the former
`prefetch_related` reading gave."""

from __future__ import annotations

import pytest
from django.db.models import Prefetch
from django.http import Http404

from ikone.accounts import permissions, selectors
from ikone.accounts.models import Membership, NetworkMembership, Organization, Role
from ikone.municipalities.models import Municipality
from tests.accounts.factories import (
    MembershipFactory,
    MunicipalityFactory,
    NetworkMembershipFactory,
    OrganizationFactory,
)

pytestmark = pytest.mark.django_db


def _former_reading(slug: str, user_id: int | None) -> Organization:
    base = Organization.objects.select_related("municipality")
    if user_id is not None:
        base = base.annotate(viewer_role=permissions.role_subquery(user_id))
    return base.prefetch_related(
        Prefetch("cooperation_members", queryset=Municipality.objects.order_by("name")),
        Prefetch(
            "network_memberships",
            queryset=NetworkMembership.objects.in_primary_network().select_related("network"),
            to_attr="primary_memberships",
        ),
    ).get(slug=slug)


def _shown(organization: Organization, user_id: int | None) -> tuple:
    return (
        organization.pk,
        organization.name,
        organization.municipality and organization.municipality.ags,
        getattr(organization, "viewer_role", "-"),
        [member.ags for member in organization.cooperation_members.all()],
        [
            (item.pk, item.status, item.network.name)
            for item in organization.primary_memberships  # type: ignore[attr-defined]
        ],
        [
            (membership.pk, membership.role, membership.user.email)
            for membership in Membership.objects.filter(organization=organization)
            .select_related("user")
            .order_by("role", "user__name", "user__email")
        ],
    )


def test_prepared_reading_matches_the_former_one(
    organization, contact_person, staff_member, other_staff, primary_network
):
    NetworkMembershipFactory(organization=organization, network=primary_network)
    cooperation = OrganizationFactory(name="Kooperation Nord", municipality=None)
    cooperation.cooperation_members.set(
        [MunicipalityFactory(name="Zell"), MunicipalityFactory(name="Aach")]
    )
    MembershipFactory(organization=cooperation, user=other_staff, role=Role.CONTACT)
    for shown in (organization, cooperation):
        for user in (None, contact_person, staff_member, other_staff):
            user_id = user.pk if user is not None else None
            read = selectors.organization_get_for_detail(slug=shown.slug, user=user)
            assert _shown(read, user_id) == _shown(_former_reading(shown.slug, user_id), user_id)
            assert [m.pk for m in selectors.organization_people(organization=read)] == [
                m[0] for m in _shown(read, user_id)[-1]
            ]
    read = selectors.organization_get_for_detail(slug=cooperation.slug, user=other_staff)
    assert permissions.role_in(other_staff, read) == Role.CONTACT


def test_unknown_organisation_is_404(contact_person):
    with pytest.raises(Http404):
        selectors.organization_get_for_detail(slug="gibt-es-nicht", user=contact_person)
    with pytest.raises(Http404):
        selectors.organization_get_for_detail(slug="gibt-es-nicht")
