"""Extension point of the municipality directory.

`municipality_sections` lets apps above add a section to a unit's page
(/kommunen/<ags>/) without the directory knowing them, e.g. the similar
municipalities of the solution catalogue. A receiver is called with the
keyword arguments `municipality` and `user` (the viewer, possibly
anonymous), reads with a constant number of queries and returns a
MunicipalitySection or None. The template gets `section` and reads its
data from `section.context`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.dispatch import Signal
from django.utils.functional import Promise

municipality_sections = Signal()


@dataclass(frozen=True)
class MunicipalitySection:
    """One section of a municipality's page, contributed by another app."""

    title: str | Promise
    template_name: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100


def contributed_sections(*, municipality: Any, user: Any) -> list[MunicipalitySection]:
    responses: list[tuple[Any, Any]] = municipality_sections.send(
        sender=None, municipality=municipality, user=user
    )
    sections = [item for _receiver, item in responses if isinstance(item, MunicipalitySection)]
    return sorted(sections, key=lambda section: section.order)
