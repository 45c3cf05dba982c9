"""Demo content of the CMS: the start page and the public standard pages.

`seed_demo_pages()` creates what is missing and never overwrites what
exists, so `make run` may call it every time without undoing editors' work.
The pages' texts are Markdown files in `pages/` (see `pages.py` and
docs/demo.md).
"""

import functools
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, Site

from ikone.accounts.models import User
from ikone.core.demo_data import load_yaml
from ikone.knowledge.accessibility import AccessibilitySettings
from ikone.knowledge.demo.pages import DemoPage, demo_home, demo_standard_pages
from ikone.knowledge.models import HomePage, StandardPage
from ikone.knowledge.services import editor_group_ensure, editor_rights_grant

HOME_SLUG = "start"
ACCESSIBILITY_YAML = Path(__file__).parent / "accessibility.yaml"


ACCESSIBILITY_FIELDS = (
    "enforcement_body_name",
    "enforcement_body_address",
    "enforcement_body_email",
    "enforcement_body_url",
)


@functools.cache
def demo_accessibility() -> dict[str, str]:
    """The demo enforcement body from demo/accessibility.yaml."""
    values = load_yaml(ACCESSIBILITY_YAML)
    return {name: str(values.get(name) or "").strip() for name in ACCESSIBILITY_FIELDS}


def seed_accessibility_settings() -> bool:
    """Fill the default site's accessibility settings from
    demo/accessibility.yaml unless an editor named a body already."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return False
    current = AccessibilitySettings.for_site(site)
    if current.enforcement_body_name:
        return False
    for name, value in demo_accessibility().items():
        setattr(current, name, value)
    current.full_clean()
    current.save()
    return True


@transaction.atomic
def seed_demo_pages() -> list[str]:
    """Make the demo start page the default site's root and create the
    missing standard pages below it, all published. Returns the titles of
    the pages created (empty on a second run).

    Wagtail's placeholder "Welcome" page is deleted once it is no longer a
    site root. Also ensures the editor group with rights on the start page.
    """
    home, home_created = _home_page_get_or_create()
    _default_site_point_to(home)
    _welcome_page_delete()
    existing = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
    missing = [demo for demo in demo_standard_pages() if demo.meta.slug not in existing]
    new_pages = [(demo, _standard_page_add(home, demo)) for demo in missing]
    page_ids = dict(StandardPage.objects.child_of(home).values_list("slug", "id"))
    for demo, page in new_pages:
        page.body = demo.body(page_ids)
        page.save_revision().publish()
    if home_created:
        home.body = demo_home().body(page_ids)
        home.save_revision().publish()
    editor_group_ensure()
    created = [home.title] if home_created else []
    return created + [demo.meta.title for demo, _page in new_pages]


def grant_editor_rights(user: User) -> None:
    """Let a person (a coordinator) edit and publish the CMS pages."""
    editor_rights_grant(user=user)


def _home_page_get_or_create() -> tuple[HomePage, bool]:
    home = HomePage.objects.first()
    if home is not None:
        return home, False
    meta = demo_home().meta
    home = HomePage(
        title=meta.title,
        slug=HOME_SLUG,
        hero_title=meta.hero_title,
        hero_intro=meta.hero_intro,
        search_description=meta.search_description,
        live=False,
    )
    Page.get_first_root_node().add_child(instance=home)
    return home, True


def _default_site_point_to(home: HomePage) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
        site.save(update_fields=["root_page", "site_name"])


def _welcome_page_delete() -> None:
    """Delete Wagtail's placeholder: a plain page below the tree root that
    has no children and is no site's root."""
    placeholders = Page.objects.filter(
        depth=2, numchild=0, content_type=ContentType.objects.get_for_model(Page)
    ).exclude(sites_rooted_here__isnull=False)
    for page in placeholders:
        page.delete()


def _standard_page_add(home: HomePage, page_content: DemoPage) -> StandardPage:
    """Add an unpublished page without body; the body links to sibling pages,
    so it is filled once all of them exist."""
    demo = page_content.meta
    role_taken = (
        bool(demo.footer_role)
        and StandardPage.objects.filter(footer_role=demo.footer_role).exists()
    )
    page = StandardPage(
        title=demo.title,
        slug=demo.slug,
        intro=demo.intro,
        search_description=demo.search_description,
        footer_role="" if role_taken else demo.footer_role,
        live=False,
    )
    home.add_child(instance=page)
    return page
