"""The notification centre's own mail: the daily digest of everything a
person chose to receive once a day. Registered in
`NotificationsConfig.ready()`; sent by `tasks.send_daily_digests`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ikone.core.notifications import NotificationKind

DIGEST = "notifications.digest"

KINDS = (
    NotificationKind(
        DIGEST,
        _("Tägliche Zusammenfassung"),
        "ikone.notifications.digest.digest_mail",
        description=_(
            "An jede Person, die Benachrichtigungen gesammelt erhalten möchte, "
            "höchstens einmal am Tag."
        ),
        mandatory=True,
    ),
)
