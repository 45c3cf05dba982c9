from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "ikone.network"
    verbose_name = _("Netzwerk im Überblick")

    def ready(self) -> None:
        from ikone.core import navigation
        from ikone.network import export_parts
        from ikone.network.permissions import can_view_network_overview

        export_parts.register_parts()
        navigation.register_account_link(
            navigation.AccountLink(
                "network:overview",
                _("Netzwerk"),
                position=20,
                visible=can_view_network_overview,
            )
        )
