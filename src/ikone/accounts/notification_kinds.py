"""The mails of the accounts app (registered in `AccountsConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from ikone.core.notifications import NotificationKind

KINDS = (
    NotificationKind(
        "accounts.invitation",
        _("Einladung in eine Organisation"),
        _("An die eingeladene Adresse, mit dem Link zum Annehmen."),
        mandatory=True,
    ),
    NotificationKind(
        "accounts.join_request_created",
        _("Neue Beitrittsanfrage"),
        _("An die Ansprechpersonen der Organisation, die entscheiden."),
        mandatory=True,
    ),
    NotificationKind(
        "accounts.join_request_decided",
        _("Beitrittsanfrage entschieden"),
        _("An die anfragende Person: angenommen oder abgelehnt."),
        mandatory=True,
    ),
    NotificationKind(
        "accounts.organization_created",
        _("Neue Organisation"),
        _("An die Netzwerkkoordination, wenn jemand eine Organisation anlegt."),
    ),
    NotificationKind(
        "accounts.network_membership_applied",
        _("Mitgliedsantrag"),
        _("An die Netzwerkkoordination, wenn eine Organisation Mitglied werden will."),
        mandatory=True,
    ),
)
