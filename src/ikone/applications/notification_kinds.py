"""The mails of the application workshop (registered in `ApplicationsConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from ikone.core.notifications import NotificationKind

KINDS = (
    NotificationKind(
        "applications.draft_shared",
        _("Entwurf zur Durchsicht"),
        _("An eine Mentorin oder einen Mentor, mit der oder dem ein Entwurf geteilt wurde."),
        mandatory=True,
    ),
    NotificationKind(
        "applications.draft_shared_network",
        _("Entwurf für das Netzwerk freigegeben"),
        _("An die Netzwerkkoordination."),
    ),
    NotificationKind(
        "applications.comment",
        _("Neuer Kommentar zu einem Entwurf"),
        _("An alle Beteiligten des Entwurfs außer der schreibenden Person."),
    ),
    NotificationKind(
        "applications.recommendation",
        _("Empfehlung zu einem Entwurf"),
        _("An die Personen der Organisation, wenn eine Mentorin oder ein Mentor empfiehlt."),
    ),
    NotificationKind(
        "applications.status",
        _("Neuer Stand eines Entwurfs"),
        _("An alle Beteiligten außer der Person, die den Stand geändert hat."),
        mandatory=True,
    ),
)
