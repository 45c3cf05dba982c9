"""The mails about events (registered in `EventsConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from ikone.core.notifications import NotificationKind

KINDS = (
    NotificationKind(
        "events.registration_confirmed",
        _("Anmeldung bestätigt"),
        _("An die angemeldete Person, mit Kalenderdatei."),
        mandatory=True,
    ),
    NotificationKind(
        "events.registration_waitlisted",
        _("Auf der Warteliste"),
        _("An die angemeldete Person, wenn die Veranstaltung voll ist."),
        mandatory=True,
    ),
    NotificationKind(
        "events.registration_moved_up",
        _("Von der Warteliste nachgerückt"),
        _("An die Person, die einen frei gewordenen Platz erhält."),
        mandatory=True,
    ),
    NotificationKind(
        "events.event_cancelled",
        _("Veranstaltung abgesagt"),
        _("An alle Angemeldeten und die Warteliste."),
        mandatory=True,
    ),
    NotificationKind(
        "events.reminder_day",
        _("Erinnerung einen Tag vorher"),
        _("An die bestätigten Teilnehmenden."),
    ),
    NotificationKind(
        "events.reminder_hour",
        _("Erinnerung eine Stunde vorher"),
        _("An die bestätigten Teilnehmenden."),
    ),
    NotificationKind(
        "events.participant_message",
        _("Nachricht an die Teilnehmenden"),
        _("Von der Koordination an die Angemeldeten einer Veranstaltung."),
        mandatory=True,
    ),
    NotificationKind(
        "events.feedback_request",
        _("Bitte um Rückmeldung"),
        _("An die Teilnehmenden nach der Veranstaltung."),
    ),
)
