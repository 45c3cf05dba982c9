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


def add_knowledge_index(home: Page) -> Any:
    """The knowledge base's index page below the start page."""
    from ikone.knowledge.models import KnowledgeIndexPage

    index = KnowledgeIndexPage(title="Wissen", slug="wissen")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def add_article(index: Page, page_type: Any = None, *, publish: bool = True, **fields: Any) -> Any:
    """A knowledge article (a TipPage unless `page_type`) below `index`;
    M2M values (`fields_of_action`, `calls`, `interpreted_sections`,
    `author_organizations`) may be given as lists."""
    from ikone.knowledge.models import TipPage

    page_type = page_type or TipPage
    relations = {
        name: fields.pop(name)
        for name in ("fields_of_action", "calls", "interpreted_sections", "author_organizations")
        if name in fields
    }
    fields.setdefault("title", "Ein Tipp")
    fields.setdefault("slug", fields["title"].lower().replace(" ", "-"))
    fields.setdefault("summary", "Kurz gesagt.")
    page = page_type(live=False, **fields)
    index.add_child(instance=page)
    for name, values in relations.items():
        getattr(page, name).set(values)
    page.save()
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page
