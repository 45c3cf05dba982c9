from dataclasses import dataclass


@dataclass(frozen=True)
class PageLink:
    title: str
    url: str


def footer_page_links() -> list[PageLink]:
    """Impressum, Datenschutz and Barrierefreiheit, in that order, as far as
    the CMS has them (filled in by the knowledge app)."""
    return []
