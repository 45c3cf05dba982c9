"""Link cards and the network figures."""

from datetime import date

import pytest
from django.urls import NoReverseMatch
from wagtail.blocks.struct_block import StructBlockValidationError

from ikone.accounts.models import (
    Network,
    NetworkMembership,
    NetworkMembershipStatus,
    Organization,
    OrganizationKind,
)
from ikone.knowledge import links
from ikone.knowledge.blocks import LinkCardBlock
from ikone.knowledge.links import link_target_url, platform_area_choices
from ikone.knowledge.selectors import NetworkFigures, network_figures
from ikone.municipalities.models import Level, Municipality
from tests.knowledge.factories import add_home_page, add_standard_page

NO_TARGET = {"title": "Karte", "text": "", "page": None, "area": "", "url": ""}


def test_a_card_needs_a_target():
    block = LinkCardBlock()

    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(NO_TARGET))


def test_a_card_takes_only_one_target():
    block = LinkCardBlock()
    value = block.to_python({**NO_TARGET, "area": "account_signup", "url": "https://example.org"})

    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_a_card_with_one_target_is_valid():
    block = LinkCardBlock()

    value = block.clean(block.to_python({**NO_TARGET, "url": "https://example.org/"}))

    assert value["url"] == "https://example.org/"


def test_editors_choose_only_areas_that_exist(monkeypatch):
    real_reverse = links.reverse

    def reverse_without_login(url_name, *args, **kwargs):
        if url_name == "account_login":
            raise NoReverseMatch(url_name)
        return real_reverse(url_name, *args, **kwargs)

    monkeypatch.setattr(links, "reverse", reverse_without_login)

    choices = dict(platform_area_choices())

    assert "account_signup" in choices
    assert "account_login" not in choices


def test_card_to_a_draft_page_is_left_out(db):
    home = add_home_page()
    draft = add_standard_page(home, title="Entwurf", publish=False)
    block = LinkCardBlock()

    html = block.render(block.to_python({**NO_TARGET, "page": draft.pk}))

    assert link_target_url(page=draft) is None
    assert html.strip() == ""


def test_card_to_a_live_page_links_it(db):
    home = add_home_page()
    page = add_standard_page(home, title="Presse")
    block = LinkCardBlock()

    html = block.render(block.to_python({**NO_TARGET, "title": "Presse", "page": page.pk}))

    assert 'href="/presse/"' in html
    assert "Presse" in html


def test_card_to_an_unknown_area_is_left_out():
    assert link_target_url(area="solutions:nonexistent") is None


def _municipality(ags: str, level: str = Level.MUNICIPALITY) -> Municipality:
    return Municipality.objects.create(
        ags=ags, level=level, name=f"Gemeinde {ags}", name_short=ags, search_name=ags
    )


def _organization(slug: str, network: Network, status: str, **membership: object) -> None:
    organization = Organization.objects.create(
        name=slug, slug=slug, kind=OrganizationKind.MUNICIPALITY
    )
    NetworkMembership.objects.create(
        organization=organization, network=network, status=status, **membership
    )


def test_network_figures_count_gemeinden_and_members_of_the_primary_network(
    db, django_assert_num_queries
):
    _municipality("07", level=Level.STATE)
    for ags in ("07312000", "07315000", "07232018"):
        _municipality(ags)
    ikone = Network.objects.create(
        name="IKONE DS", short_name="IKONE", slug="ikone", is_primary=True
    )
    villages = Network.objects.create(name="Digitale Dörfer", short_name="DD", slug="dd")
    _organization("kaiserslautern", ikone, NetworkMembershipStatus.MEMBER)
    _organization("speyer", ikone, NetworkMembershipStatus.MEMBER)
    _organization("trier", ikone, NetworkMembershipStatus.FORMER)
    _organization(
        "pirmasens", ikone, NetworkMembershipStatus.MEMBER, member_until=date(2020, 12, 31)
    )
    _organization("eisenberg", villages, NetworkMembershipStatus.MEMBER)

    with django_assert_num_queries(2):
        figures = network_figures()

    assert figures == NetworkFigures(municipalities=3, members=2)
