"""The catalogue's section of an organisation's page as a memo: the same
HTML as the former include, per audience of the organisation's adoptions,
never another audience's adoptions, and anew after a change."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.utils import translation

from ikone.accounts import permissions
from ikone.accounts.signals import OrganizationSection
from ikone.solutions import selectors
from ikone.solutions.models import AdoptionVisibility, ModelProject, Peer
from ikone.solutions.organization_section import SECTION_TEMPLATE, solutions_section
from tests.accounts.factories import MunicipalityFactory
from tests.core.helpers import sign_in
from tests.solutions.factories import AdoptionFactory, SolutionFactory

INCLUDE = Template("{% include section.template_name with section=section %}")


def _former_section(organization, user) -> str:
    """The section as the page rendered it before the memo: the four reads
    of the former receiver and the include in the page."""
    context = {
        "model_project": selectors.model_project_for_organization(organization=organization),
        "solutions": list(organization.solutions.filter(review_state="published")),
        "adoptions": selectors._visible_adoptions(
            selectors.Adoption.objects.filter(
                organization=organization, solution__review_state="published"
            ).select_related("solution"),
            user,
        ),
        "peers": selectors.peers_of(municipality_id=organization.municipality_id),
    }
    section = OrganizationSection(title="", template_name=SECTION_TEMPLATE, context=context)
    return INCLUDE.render(Context({"section": section}))


@pytest.fixture
def catalogue(organization, other_organization):
    """Organisation A carries a model project, owns a solution, adopted three
    of B's (one per visibility, with experience texts) and has two peers."""
    ModelProject.objects.create(
        organization=organization,
        name="Astadt",
        kind_label="Stadt",
        lands=["Rheinland-Pfalz"],
        round_year=2021,
        category="small",
        funding_eur=1_250_000,
        note="laut <Bescheid>",
        partners=["Hochschule A", "Verein & Co"],
        project_title="Smarte Astadt",
        sources=["https://example.org/a", "https://example.org/b"],
    )
    SolutionFactory(title="Eigene <Plattform>", organizations=[organization])
    for visibility in AdoptionVisibility:
        AdoptionFactory(
            organization=organization,
            solution=SolutionFactory(
                title=f"Von B {visibility}", organizations=[other_organization]
            ),
            visibility=visibility,
            experience=f"<p>Erfahrung <strong>{visibility}</strong></p>",
        )
    for rank, reasons in enumerate(
        [
            [{"code": "size", "population": 12345}, {"code": "district"}],
            [{"code": "model_project", "year": 2021}, {"code": "town"}],
        ],
        start=1,
    ):
        Peer.objects.create(
            municipality=organization.municipality,
            peer=MunicipalityFactory(name=f"Ähnlich & {rank}"),
            rank=rank,
            distance=rank / 10,
            reasons=reasons,
        )
    return organization


def _viewer(name, request):
    return AnonymousUser() if name == "anonymous" else request.getfixturevalue(name)


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("viewer", ["anonymous", "other_staff", "staff_member", "coordinator"])
def test_the_memoised_section_matches_the_former_include(catalogue, viewer, language, request):
    user = _viewer(viewer, request)
    with translation.override(language):
        expected = _former_section(catalogue, user)
        for _visit in range(2):  # computed, then from the memo
            section = solutions_section(None, organization=catalogue, user=user)
            assert section is not None
            assert section.html == expected
    assert "Erfahrung" in expected


@pytest.mark.parametrize(
    ("viewer", "audience", "shown"),
    [
        ("anonymous", selectors.AUDIENCE_PUBLIC, {"public"}),
        ("other_staff", selectors.AUDIENCE_SIGNED_IN, {"public", "signed_in"}),
        ("staff_member", selectors.AUDIENCE_ALL, {"public", "signed_in", "organization"}),
        ("coordinator", selectors.AUDIENCE_ALL, {"public", "signed_in", "organization"}),
    ],
)
def test_each_audience_sees_its_adoptions_whoever_came_first(
    catalogue, viewer, audience, shown, request, coordinator, staff_member
):
    for first in (coordinator, staff_member):
        solutions_section(None, organization=catalogue, user=first)
    user = _viewer(viewer, request)
    assert selectors.adoption_audience(organization=catalogue, user=user) == audience
    html = solutions_section(None, organization=catalogue, user=user).html
    assert {v for v in AdoptionVisibility if f"Von B {v}<" in html} == shown


def test_the_audience_uses_the_role_the_page_read(
    catalogue, other_staff, django_assert_num_queries
):
    permissions.remember_role(catalogue, other_staff.pk, "staff")
    with django_assert_num_queries(0):
        assert selectors.adoption_audience(organization=catalogue, user=other_staff) == "all"


def test_the_section_is_read_once_and_anew_after_a_change(
    catalogue, other_organization, staff_member, django_assert_num_queries
):
    solutions_section(None, organization=catalogue, user=staff_member)
    permissions.remember_role(catalogue, staff_member.pk, "staff")
    with django_assert_num_queries(0):
        solutions_section(None, organization=catalogue, user=staff_member)
    AdoptionFactory(
        organization=catalogue,
        solution=SolutionFactory(title="Neu übernommen", organizations=[other_organization]),
    )
    assert (
        "Neu übernommen" in solutions_section(None, organization=catalogue, user=staff_member).html
    )


def test_nothing_to_show_is_no_section(organization, staff_member):
    assert solutions_section(None, organization=organization, user=staff_member) is None
    assert solutions_section(None, organization=organization, user=staff_member) is None


def test_the_page_shows_the_section_for_its_viewer(client, catalogue, other_staff):
    body = client.get(catalogue.get_absolute_url()).content.decode()
    assert "Smart-City-Projekte und Lösungen" in body
    assert "Von B public<" in body and "Von B signed_in<" not in body
    sign_in(client, other_staff)
    body = client.get(catalogue.get_absolute_url()).content.decode()
    assert "Von B signed_in<" in body and "Von B organization<" not in body
