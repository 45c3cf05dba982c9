"""Extension points of the application workshop, for apps above it.

`section_panels`: a receiver is called with the keyword arguments `draft`,
`section` and `user` when a section's page is shown and returns a
SectionPanel or None (e.g. the solution catalogue's citations and
recommendations in "Übertragbarkeit"). It reads with a constant number of
queries and checks its own permissions; the template gets `panel` and
reads its data from `panel.context`. The section's page keeps its content,
panels included, as a memo per section and the viewer's rights to edit,
comment and resolve (views.sections): a panel may differ between viewers
only by whether they may edit the draft, and takes its CSRF token from
`{% csrf_token %}` (the context's `csrf_token`).

`section_citations`: a receiver is called with `draft` when the draft is
exported and returns {section id: [Citation, ...]}: what the section cites,
printed with a link under the section in the PDF and the DOCX. The export's
fingerprint includes the citations, so a new citation makes a new file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.dispatch import Signal
from django.utils.functional import Promise

section_panels = Signal()
section_citations = Signal()


@dataclass(frozen=True)
class SectionPanel:
    title: str | Promise
    template_name: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


@dataclass(frozen=True)
class Citation:
    """Something a section cites, as it appears in the export."""

    title: str
    url: str
    kind: str = ""


def panels_for(*, draft: Any, section: Any, user: Any) -> list[SectionPanel]:
    responses: list[tuple[Any, Any]] = section_panels.send(
        sender=None, draft=draft, section=section, user=user
    )
    panels = [item for _receiver, item in responses if isinstance(item, SectionPanel)]
    return sorted(panels, key=lambda panel: panel.order)


def citations_for(*, draft: Any) -> dict[int, list[Citation]]:
    """Every section's citations from all receivers, by section id."""
    found: dict[int, list[Citation]] = {}
    responses: list[tuple[Any, Any]] = section_citations.send(sender=None, draft=draft)
    for _receiver, cited in responses:
        for section_id, items in (cited or {}).items():
            found.setdefault(section_id, []).extend(items)
    return found
