from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "ikone.events"
    verbose_name = _("Veranstaltungen")

    def ready(self) -> None:
        from ikone.core import navigation, seeding
        from ikone.events import organization_section  # noqa: F401 - connects the receiver

        navigation.register(navigation.Area("events:list", _("Veranstaltungen"), position=30))
        seeding.register(
            seeding.Seeder(
                "events",
                "ikone.events.demo.seed_demo_events",
                after=("core.fields_of_action", "accounts", "calls"),
            )
        )
