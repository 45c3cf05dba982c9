"""Access-matrix rows of contact and support requests (see tests/access.py):
organisation A's staff member asked for A (no draft attached); A's people,
coordinators and admins see it, nobody else."""

from tests.access import COORDINATION, LOGIN, PUBLIC, SIGNED_IN, Base, post, row

#             anonymous, staff_a, staff_b, contact_a, mentor, coordinator, admin
ROWS = {
    "support:contact": PUBLIC,
    "support:contact_thanks": PUBLIC,
    "support:list": SIGNED_IN,
    "support:create": SIGNED_IN,
    "support:queue": COORDINATION,
    "support:figures": COORDINATION,
    "support:detail": row(LOGIN, 200, 404, 200, 404, 200, 200),
    "support:message": post(LOGIN, 400, 404, 400, 404, 400, 400),
    "support:handle": post(LOGIN, 403, 404, 403, 404, 400, 400),
    "support:status": post(LOGIN, 302, 404, 302, 404, 302, 302),
    # The API: the requester's side only (coordinators handle on the platform).
    "support-request-list": row(401, 200, 200, 200, 200, 200, 200),
    "support-request-list [format]": row(401, 200, 200, 200, 200, 200, 200),
    "support-request-detail": row(401, 200, 404, 200, 404, 404, 404),
    "support-request-detail [format]": row(401, 200, 404, 200, 404, 404, 404),
}

PRIVATE_TO_A = {
    "support:detail",
    "support:message",
    "support:handle",
    "support:status",
    "support-request-detail",
    "support-request-detail [format]",
}

SECRET_SUBJECT = "Vertrauliche Frage zur Skizze von A"


def objects(base: Base) -> dict:
    from ikone.support.models import Source, SupportRequest, Topic

    request = SupportRequest.objects.create(
        topic=Topic.SKETCH,
        subject=SECRET_SUBJECT,
        message="Nur für A und die Koordination.",
        source=Source.PLATFORM,
        requester=base.staff_member,
        requester_name=base.staff_member.name,
        requester_email=base.staff_member.email,
        organization=base.organization,
    )
    return {"support_request": request, "secrets": (SECRET_SUBJECT,)}


PK_BY_SEGMENT = {
    "unterstuetzung/": lambda v: v["support_request"].pk,
    "api/v1/support/requests/": lambda v: v["support_request"].pk,
}
