"""Extension points of the accounts app.

`organization_sections` lets other apps add a section to an organisation's
public page (/organisationen/<slug>/) without the accounts app knowing
them — workshops attended, questions asked, applications, solutions.

A receiver is called with the keyword arguments `organization` and `user`
(the viewer, possibly anonymous) and returns an OrganizationSection or
None. It should read through its own app's selectors with a constant number
of queries and must respect its own visibility rules::

    @receiver(organization_sections)
    def events_section(sender, *, organization, user, **kwargs):
        events = event_list_attended_by(organization=organization)
        if not events:
            return None
        return OrganizationSection(
            title=_("Besuchte Veranstaltungen"),
            template_name="events/includes/organization_events.html",
            context={"events": events},
            order=20,
        )

The template gets `section` (the OrganizationSection) and reads its data
from `section.context`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.dispatch import Signal
from django.utils.functional import Promise

organization_sections = Signal()


@dataclass(frozen=True)
class OrganizationSection:
    """One section of an organisation's page, contributed by another app."""

    title: str | Promise
    template_name: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100
