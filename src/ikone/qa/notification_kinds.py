"""The mails about questions (registered in `QaConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from ikone.core.notifications import NotificationKind

KINDS = (
    NotificationKind(
        "qa.new_answer",
        _("Neue Antwort auf eine Frage"),
        _("An die fragende Person und alle, die der Frage folgen."),
    ),
)
