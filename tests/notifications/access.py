"""Access-matrix rows of the notification centre (see tests/access.py):
everyone signed in has their own; a notification of staff A opens for
nobody else."""

from tests.access import LOGIN, PUBLIC, SIGNED_IN, Base, post, row

# The API: own notifications only, 401 without credentials.
OWN = row(401, 200, 200, 200, 200, 200, 200)
OWN_OF_A = row(401, 200, 404, 404, 404, 404, 404)

#             anonymous, staff_a, staff_b, contact_a, mentor, coordinator, admin
ROWS = {
    "notifications:list": SIGNED_IN,
    "notifications:badge": SIGNED_IN,
    "notifications:settings": SIGNED_IN,
    "notifications:mark_all_read": post(LOGIN, 302, 302, 302, 302, 302, 302),
    "notifications:mark_read": post(LOGIN, 302, 404, 404, 404, 404, 404),
    "notification-list": OWN,
    "notification-list [format]": OWN,
    "notification-detail": OWN_OF_A,
    "notification-detail [format]": OWN_OF_A,
    "api-network-figures": PUBLIC,
}

PRIVATE_TO_A = {"notifications:mark_read", "notification-detail", "notification-detail [format]"}


def objects(base: Base) -> dict:
    from ikone.notifications.models import Notification

    notification = Notification.objects.create(
        user=base.staff_member, kind="qa.new_answer", subject="Nur für A", body="Geheim von A"
    )
    return {"notification_pk": notification.pk}


PK_BY_SEGMENT = {
    "konto/benachrichtigungen/": lambda values: values["notification_pk"],
    "api/v1/notifications/": lambda values: values["notification_pk"],
}
