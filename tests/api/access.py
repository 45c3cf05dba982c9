"""Access-matrix rows of the REST API (see tests/access.py)."""

from tests.access import PUBLIC, row

# The own organisations' drafts: 401 without credentials.
OWN_DRAFTS = row(401, 200, 200, 200, 200, 200, 200)
DRAFT_OF_A = row(401, 200, 404, 200, 404, 404, 404)

#             anonymous, staff_a, staff_b, contact_a, mentor, coordinator, admin
ROWS = {
    "api-root": PUBLIC,
    "api-root [format]": PUBLIC,
    "api-schema": PUBLIC,
    "api-docs": PUBLIC,
    # Search: everyone; results are filtered per person (tests/search/).
    "api-search": PUBLIC,
    "call-list": PUBLIC,
    "call-list [format]": PUBLIC,
    "call-detail": PUBLIC,
    "call-detail [format]": PUBLIC,
    "municipality-list": PUBLIC,
    "municipality-list [format]": PUBLIC,
    "municipality-detail": PUBLIC,
    "municipality-detail [format]": PUBLIC,
    "event-list": PUBLIC,
    "event-list [format]": PUBLIC,
    "event-detail": PUBLIC,
    "event-detail [format]": PUBLIC,
    "faq-list": PUBLIC,
    "faq-list [format]": PUBLIC,
    "application-list": OWN_DRAFTS,
    "application-list [format]": OWN_DRAFTS,
    "application-detail": DRAFT_OF_A,
    "application-detail [format]": DRAFT_OF_A,
}

SLUG_BY_PREFIX = {
    "api/v1/^calls/": lambda values: values["call_slug"],
    "api/v1/^events/": lambda values: values["event_slug"],
}
PK_BY_SEGMENT = {
    "api/v1/applications/": lambda values: values["workshop"]["draft"],
}
