"""Workshops: events, their agenda and speakers, registrations, materials
and feedback, one module per sub-domain; the package re-exports every model
(and `material_upload_to`, which migrations name) so Django sees them.

Models are thin: every write goes through `ikone.events.services`
(`services/registration.py` for registrations, `services/management*.py`
for what coordinators do). Times are stored aware (UTC in the database)
and shown in Europe/Berlin.
"""

from ikone.events.models.events import (
    AgendaItem,
    Audience,
    Event,
    EventFormat,
    EventSeries,
    EventStatus,
    Speaker,
)
from ikone.events.models.followup import (
    FeedbackResponse,
    Material,
    MaterialKind,
    MaterialVisibility,
    material_upload_to,
)
from ikone.events.models.registrations import (
    Registration,
    RegistrationStatus,
)

__all__ = [
    "AgendaItem",
    "Audience",
    "Event",
    "EventFormat",
    "EventSeries",
    "EventStatus",
    "FeedbackResponse",
    "Material",
    "MaterialKind",
    "MaterialVisibility",
    "Registration",
    "RegistrationStatus",
    "Speaker",
    "material_upload_to",
]
