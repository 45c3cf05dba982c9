"""Where the page types may live, and that editors can create pages."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from ikone.knowledge.demo import grant_editor_rights, seed_demo_pages
from ikone.knowledge.models import HomePage, KnowledgeIndexPage, StandardPage
from tests.core.helpers import make_user


class PageTreeRulesTests(WagtailPageTestCase):
    def test_start_page_lives_directly_below_the_tree_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_start_page_holds_standard_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {StandardPage, KnowledgeIndexPage})

    def test_standard_pages_live_below_the_start_page_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_there_is_only_one_start_page(self):
        root = Page.get_first_root_node()
        self.assertTrue(HomePage.can_create_at(root))
        seed_demo_pages()
        self.assertFalse(HomePage.can_create_at(root))

    def test_coordination_editor_creates_and_publishes_a_page(self):
        seed_demo_pages()
        home = HomePage.objects.get()
        editor = make_user("redaktion@example.org", is_staff=True)
        grant_editor_rights(editor)
        self.client.force_login(editor)

        self.assertCanCreate(
            home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Presse",
                    "slug": "presse",
                    "intro": "Mitteilungen des Netzwerks.",
                    "body": streamfield(
                        [("paragraph", rich_text("<p>Neuigkeiten aus dem Netzwerk.</p>"))]
                    ),
                    "footer_role": "",
                }
            ),
        )

        page = StandardPage.objects.get(slug="presse")
        assert page.live
        assert page.get_parent().specific == home
