"""Reads for the coordinators' side of events: the events one runs, the
participant list, people to register, check-in, figures, materials and
feedback. Selectors never write; the `*_get_for_*` ones fetch and check in
one step (Http404 where the person may not see the event, PermissionDenied
where they see it but may not act). The package re-exports every selector.
"""

from ikone.events.selectors_manage.events import (
    EventEditRows,
    event_edit_rows,
    event_get_for_edit_form,
    event_get_for_manage,
    event_list_for_manage,
    with_registration_counts,
)
from ikone.events.selectors_manage.figures import (
    NO_KREIS,
    Breakdown,
    EventFigures,
    event_figures,
)
from ikone.events.selectors_manage.followup import (
    FeedbackResults,
    feedback_get_own,
    feedback_results,
    material_get_for_download,
    material_list,
    own_registration,
)
from ikone.events.selectors_manage.organizations import (
    AttendedEvent,
    event_list_attended_by,
)
from ikone.events.selectors_manage.participants import (
    ACTIVE,
    PERSON_SEARCH_LIMIT,
    ParticipantCounts,
    attended_count,
    participant_counts,
    participant_table,
    person_get_for_registration,
    person_search,
    registration_get_for_check_in,
    registration_list,
)

__all__ = [
    "ACTIVE",
    "AttendedEvent",
    "Breakdown",
    "EventEditRows",
    "EventFigures",
    "FeedbackResults",
    "NO_KREIS",
    "PERSON_SEARCH_LIMIT",
    "ParticipantCounts",
    "attended_count",
    "event_figures",
    "event_edit_rows",
    "event_get_for_edit_form",
    "event_get_for_manage",
    "event_list_attended_by",
    "event_list_for_manage",
    "feedback_get_own",
    "feedback_results",
    "material_get_for_download",
    "material_list",
    "own_registration",
    "participant_counts",
    "participant_table",
    "person_get_for_registration",
    "person_search",
    "registration_get_for_check_in",
    "registration_list",
    "with_registration_counts",
]
