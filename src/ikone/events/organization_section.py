"""The "Besuchte Veranstaltungen" section of an organisation's page
(accounts.signals.organization_sections).

Public on purpose: which published workshops an administration attended is
the kind of fact the network itself announces ("über 40 Verwaltungen nahmen
teil"). Only the organisation, the event and how many of its people came
are shown, never who; drafts never appear.
"""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from ikone.accounts.signals import OrganizationSection, organization_sections
from ikone.events.selectors_manage import event_list_attended_by


@receiver(organization_sections, dispatch_uid="events.attended_events")
def attended_events_section(
    sender: Any, *, organization: Any, user: Any, **kwargs: Any
) -> OrganizationSection | None:
    """The events the organisation's people attended, newest first (one query)."""
    attended = event_list_attended_by(organization=organization)
    if not attended:
        return None
    return OrganizationSection(
        title=_("Besuchte Veranstaltungen"),
        template_name="events/manage/includes/organization_events.html",
        context={"attended": attended},
        order=20,
    )
