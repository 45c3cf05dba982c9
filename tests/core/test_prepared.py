"""Queries compiled once per process (ikone.core.prepared): the same rows
and objects as the queryset gives, one query, and refusal of querysets whose
SQL depends on their values."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ikone.accounts.models import Membership, Organization, OrganizationKind, Role, User
from ikone.accounts.permissions import role_subquery
from ikone.core.prepared import PreparationError, PreparedQuery
from tests.core.helpers import make_user

pytestmark = pytest.mark.django_db


def _members_with_role(organization_id, user_id):
    return (
        Membership.objects.select_related("user", "organization")
        .defer("organization__description")
        .filter(organization_id=organization_id)
        .annotate(viewer_role=role_subquery(user_id, "organization_id"))
        .order_by("user__email")
    )


MEMBERS_WITH_ROLE = PreparedQuery(_members_with_role, organization_id=int, user_id=int)
USER_BY_EMAIL = PreparedQuery(lambda email: User.objects.filter(email=email), email=str)
EMAILS_OF = PreparedQuery(
    lambda organization_id: (
        Membership.objects.filter(organization_id=organization_id)
        .order_by("user__email")
        .values_list("user__email", "role")
    ),
    organization_id=int,
)


@pytest.fixture
def organizations():
    made = []
    for number, names in enumerate((("ada", "bea", "cem"), ("dan",))):
        organization = Organization.objects.create(
            name=f"Gemeinde {number}",
            slug=f"gemeinde-{number}",
            kind=OrganizationKind.MUNICIPALITY,
        )
        for position, name in enumerate(names):
            Membership.objects.create(
                user=make_user(f"{name}@example.org"),
                organization=organization,
                role=Role.CONTACT if position == 0 else Role.STAFF,
            )
        made.append(organization)
    return made


def test_objects_are_those_of_the_queryset(organizations):
    viewer = User.objects.get(email="ada@example.org")
    for organization in organizations:
        for user_id in (viewer.pk, 0):
            expected = list(_members_with_role(organization.pk, user_id))
            prepared = MEMBERS_WITH_ROLE.all(organization_id=organization.pk, user_id=user_id)
            assert [
                (m.pk, m.user.email, m.organization.name, m.role, m.viewer_role) for m in prepared
            ] == [
                (m.pk, m.user.email, m.organization.name, m.role, m.viewer_role) for m in expected
            ]
    first = MEMBERS_WITH_ROLE.first(organization_id=organizations[0].pk, user_id=viewer.pk)
    assert first is not None
    assert (first.user.email, first.viewer_role) == ("ada@example.org", Role.CONTACT)
    assert first.organization.get_deferred_fields() == {"description"}


def test_rows_of_values_list_and_nothing_found(organizations):
    assert EMAILS_OF.all(organization_id=organizations[1].pk) == [
        ("dan@example.org", Role.CONTACT)
    ]
    assert EMAILS_OF.all(organization_id=-1) == []
    assert USER_BY_EMAIL.first(email="niemand@example.org") is None
    assert USER_BY_EMAIL.first(email="bea@example.org").email == "bea@example.org"


def test_runs_the_querysets_sql_in_one_query(organizations):
    organization = organizations[0]
    with CaptureQueriesContext(connection) as orm:
        list(_members_with_role(organization.pk, 7))
    MEMBERS_WITH_ROLE.all(organization_id=organization.pk, user_id=7)  # compiles
    with CaptureQueriesContext(connection) as prepared:
        MEMBERS_WITH_ROLE.all(organization_id=organization.pk, user_id=7)
    assert [q["sql"] for q in prepared.captured_queries] == [
        q["sql"] for q in orm.captured_queries
    ]


@pytest.mark.parametrize(
    ("build", "kinds", "message"),
    [
        # The value is changed on its way into the parameters.
        (lambda text: User.objects.filter(email__icontains=text), {"text": str}, "changed"),
        # The value is written into the SQL (a slice).
        (lambda count: User.objects.all()[:count], {"count": int}, "SQL"),
        # A value the query never uses.
        (lambda pk, unused: User.objects.filter(pk=pk), {"pk": int, "unused": int}, "unused"),
    ],
)
def test_querysets_whose_sql_depends_on_the_values_are_refused(build, kinds, message):
    query = PreparedQuery(build, **kinds)
    with pytest.raises(PreparationError, match=message):
        query.all(**{name: kind() or kind(1) for name, kind in kinds.items()})


def test_values_are_named_exactly():
    with pytest.raises(TypeError):
        USER_BY_EMAIL.first(mail="ada@example.org")
    with pytest.raises(PreparationError):
        PreparedQuery(lambda day: User.objects.filter(date_joined__date=day), day=object)
