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
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ikone.accounts.signals import OrganizationSection, organization_sections
from ikone.core.pagecache import memo
from ikone.events.selectors_manage import event_list_attended_by

SECTION_TEMPLATE = "events/manage/includes/organization_events.html"


@receiver(organization_sections, dispatch_uid="events.attended_events")
def attended_events_section(
    sender: Any, *, organization: Any, user: Any, **kwargs: Any
) -> OrganizationSection | None:
    """The events the organisation's people attended, newest first. The same
    for every viewer: rendered once per organisation and language and reused
    while the events and registrations are unchanged (a memo, ADR 0006)."""
    key = f"events:organization-section:{organization.pk}:{get_language()}"
    html = memo.get_or_compute(key, lambda: _attended_events_html(organization))
    if html is None:
        return None
    return OrganizationSection(
        title=_("Besuchte Veranstaltungen"),
        html=mark_safe(html),  # noqa: S308 - rendered by our template
        order=20,
    )


def _attended_events_html(organization: Any) -> str | None:
    """One query; None when nobody of the organisation attended an event."""
    attended = event_list_attended_by(organization=organization)
    if not attended:
        return None
    section = OrganizationSection(
        title="", template_name=SECTION_TEMPLATE, context={"attended": attended}
    )
    return str(render_to_string(SECTION_TEMPLATE, {"section": section}))
