from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "ikone.events"
    verbose_name = _("Veranstaltungen")

    def ready(self) -> None:
        from ikone.events import organization_section  # noqa: F401 - connects the receiver
