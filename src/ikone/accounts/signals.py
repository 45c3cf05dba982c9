"""Extension points of the accounts app.

`account_deleting` is sent by `services.user_delete` inside its transaction,
just before the account's row goes. Apps above accounts hand back what the
person held so that nobody else loses by it: events frees the person's seats
through its normal cancellation (the waiting list moves up, people are told).
A receiver gets the keyword arguments `user` (the account being deleted)
and `actor` (who deletes it: the person or an operator); it writes through
its own services and may raise a DomainError to stop the deletion.

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
from `section.context`. A receiver may instead hand over the section
already rendered as `html` (for example from a memo, ADR 0006); the page
then prints it and renders no template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.dispatch import Signal
from django.utils.functional import Promise

organization_sections = Signal()
account_deleting = Signal()


@dataclass(frozen=True)
class OrganizationSection:
    """One section of an organisation's page, contributed by another app."""

    title: str | Promise
    template_name: str = ""
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100
    # The section's body already rendered (SafeString), instead of template_name.
    html: str | None = None
