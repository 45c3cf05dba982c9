"""The footer's links to the Impressum, Datenschutz and Barrierefreiheit pages."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Site

from ikone.knowledge.models import FooterRole
from ikone.knowledge.selectors import PageLink, footer_cache_clear, footer_page_links
from tests.knowledge.factories import add_home_page, add_standard_page

FOOTER_PAGES = [
    PageLink("Impressum", "/impressum/"),
    PageLink("Datenschutz", "/datenschutz/"),
    PageLink("Erklärung zur Barrierefreiheit", "/barrierefreiheit/"),
]


def _footer(html: str) -> str:
    return html.split("<footer", 1)[1]


def test_footer_links_the_legal_pages_in_order(client, home):
    footer = _footer(client.get("/ueber-das-netzwerk/").content.decode())

    positions = [footer.index(f'href="{link.url}">{link.title}</a>') for link in FOOTER_PAGES]
    assert positions == sorted(positions)


def test_footer_links_keep_the_english_prefix(client, home):
    footer = _footer(client.get("/en/").content.decode())

    assert 'href="/en/impressum/"' in footer
    assert 'href="/en/datenschutz/"' in footer
    assert 'href="/en/barrierefreiheit/"' in footer


def test_footer_order_follows_the_role_not_the_page_tree(db):
    home = add_home_page()
    add_standard_page(home, title="Barrierefreiheit", footer_role=FooterRole.ACCESSIBILITY)
    add_standard_page(home, title="Kontakt")
    add_standard_page(home, title="Datenschutz", footer_role=FooterRole.PRIVACY)
    add_standard_page(home, title="Impressum", footer_role=FooterRole.IMPRINT)

    assert [link.title for link in footer_page_links()] == [
        "Impressum",
        "Datenschutz",
        "Barrierefreiheit",
    ]


def test_footer_leaves_out_drafts_and_roles_without_page(db):
    home = add_home_page()
    add_standard_page(home, title="Impressum", footer_role=FooterRole.IMPRINT)
    add_standard_page(home, title="Datenschutz", footer_role=FooterRole.PRIVACY, publish=False)

    assert footer_page_links() == [PageLink("Impressum", "/impressum/")]


def test_footer_is_empty_without_pages(db):
    assert footer_page_links() == []


def test_footer_links_cost_one_query_then_none(
    home, django_assert_max_num_queries, django_assert_num_queries
):
    Site.get_site_root_paths()  # Wagtail's own cache, warm in a running server
    footer_cache_clear()
    with django_assert_max_num_queries(1):
        assert footer_page_links() == FOOTER_PAGES

    with django_assert_num_queries(0):
        assert footer_page_links() == FOOTER_PAGES


def test_cached_footer_links_follow_the_active_language(home):
    footer_page_links()

    with translation.override("en"):
        urls = [link.url for link in footer_page_links()]

    assert urls == ["/en/impressum/", "/en/datenschutz/", "/en/barrierefreiheit/"]


def test_publishing_a_new_title_updates_the_footer(home):
    footer_page_links()
    imprint = home.get_children().get(slug="impressum").specific
    imprint.title = "Anbieterkennzeichnung"
    imprint.save_revision().publish()

    assert footer_page_links()[0] == PageLink("Anbieterkennzeichnung", "/impressum/")


def test_unpublishing_or_deleting_a_page_removes_its_link(home):
    footer_page_links()
    home.get_children().get(slug="datenschutz").specific.unpublish()

    assert [link.url for link in footer_page_links()] == ["/impressum/", "/barrierefreiheit/"]

    home.get_children().get(slug="impressum").delete()

    assert [link.url for link in footer_page_links()] == ["/barrierefreiheit/"]


def test_moving_a_page_updates_its_link(home):
    footer_page_links()
    about = home.get_children().get(slug="ueber-das-netzwerk")
    home.get_children().get(slug="impressum").move(about, pos="last-child")

    assert footer_page_links()[0].url == "/ueber-das-netzwerk/impressum/"


def test_a_footer_role_belongs_to_one_page(home):
    with pytest.raises(ValidationError) as error:
        add_standard_page(home, title="Zweites Impressum", footer_role=FooterRole.IMPRINT)

    assert "footer_role" in error.value.message_dict


def test_a_copy_does_not_take_over_the_footer_role(home):
    imprint = home.get_children().get(slug="impressum").specific

    copy = imprint.copy(update_attrs={"slug": "impressum-kopie", "title": "Impressum (Kopie)"})

    assert copy.specific.footer_role == ""
    assert [link.url for link in footer_page_links()][0] == "/impressum/"


def test_deleting_a_footer_page_drops_its_link(db):
    """The delete receiver listens to Page (not to every model) and still
    sees a specific page's deletion."""
    home = add_home_page()
    add_standard_page(home, title="Impressum", footer_role=FooterRole.IMPRINT)
    privacy = add_standard_page(home, title="Datenschutz", footer_role=FooterRole.PRIVACY)
    assert len(footer_page_links()) == 2  # now cached

    privacy.specific.delete()

    assert footer_page_links() == [PageLink("Impressum", "/impressum/")]
