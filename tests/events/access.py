"""Access-matrix rows of the events (see tests/access.py): a published event
with a registration of A's staff member and a participants-only material."""

from tests.access import COORDINATION, LOGIN, PUBLIC, Base, post, row

#             anonymous, staff_a, staff_b, contact_a, mentor, coordinator, admin
ROWS = {
    # Public pages; registering needs a login (A's staff member is already
    # registered: 400); only the person or the coordination cancels.
    "events:list": PUBLIC,
    "events:detail": PUBLIC,
    "events:ics": PUBLIC,
    "events:feed": PUBLIC,
    "events:register": post(LOGIN, 400, 302, 302, 302, 302, 302),
    "events:cancel_registration": post(LOGIN, 302, 404, 404, 404, 302, 302),
    # Coordinators' side: whoever runs the event (mentors only where a
    # coordinator allowed them, which the matrix event does not).
    "events:manage_create": COORDINATION,
    "events:manage_list": row(LOGIN, 403, 403, 403, 200, 200, 200),
    "events:manage_edit": COORDINATION,
    "events:manage_status": post(LOGIN, 403, 403, 403, 403, 302, 302),
    "events:manage_cancel": COORDINATION,
    "events:manage_participants": COORDINATION,
    "events:manage_register": post(LOGIN, 403, 403, 403, 403, 302, 302),
    "events:manage_export_csv": COORDINATION,
    "events:manage_export_xlsx": COORDINATION,
    "events:manage_message": COORDINATION,
    "events:manage_attendance": COORDINATION,
    "events:manage_check_in": post(LOGIN, 403, 403, 403, 403, 302, 302),
    "events:manage_figures": COORDINATION,
    "events:manage_materials": COORDINATION,
    "events:manage_material_delete": post(LOGIN, 403, 403, 403, 403, 302, 302),
    "events:manage_feedback": COORDINATION,
    # A participants-only material (a link): A's registered staff member and
    # the coordination; 404 for everyone else, so nobody learns it exists.
    "events:material_download": row(404, 302, 404, 404, 404, 302, 302),
    # Feedback opens when the event has begun; the matrix event is ahead.
    "events:feedback": row(LOGIN, 403, 403, 403, 403, 403, 403),
}

# The participant list of an event names A's registered people.
PRIVATE_TO_A = {
    "events:manage_participants",
    "events:manage_export_csv",
    "events:manage_export_xlsx",
    "events:manage_attendance",
    "events:material_download",
}


def objects(base: Base) -> dict:
    from ikone.events.models import MaterialVisibility
    from tests.events.factories import EventFactory, MaterialFactory, RegistrationFactory

    event = EventFactory(slug="matrix-workshop", title="Workshop der Matrix")
    registration = RegistrationFactory(
        event=event, person=base.staff_member, organization=base.organization, note="Notiz von A"
    )
    material = MaterialFactory(event=event, visibility=MaterialVisibility.PARTICIPANTS)
    return {
        "event_slug": event.slug,
        "event_registration_pk": registration.pk,
        "event_material_pk": material.pk,
    }


SLUG_BY_PREFIX = {"veranstaltungen/": lambda values: values["event_slug"]}
PK_BY_SEGMENT = {
    "anmeldungen/": lambda values: values["event_registration_pk"],
    "anwesenheit/": lambda values: values["event_registration_pk"],
    "materialien/": lambda values: values["event_material_pk"],
}
