"""Pages for tests, added below a parent and published like an editor would."""

from typing import Any

from django.conf import settings
from wagtail.models import Page, Site

from ikone.knowledge.models import HomePage, StandardPage


def add_home_page(**fields: Any) -> HomePage:
    """A start page as the default site's root, without any child pages."""
    fields.setdefault("title", "Startseite")
    fields.setdefault("slug", "start")
    fields.setdefault("hero_title", "Willkommen")
    home = HomePage(**fields)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "root_page": home,
            "hostname": "localhost",
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
    )
    return home


def add_standard_page(parent: Page, *, publish: bool = True, **fields: Any) -> StandardPage:
    """A standard page below `parent`; a draft unless `publish`."""
    fields.setdefault("title", "Testseite")
    fields.setdefault("slug", fields["title"].lower().replace(" ", "-"))
    page = StandardPage(live=publish, **fields)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page
