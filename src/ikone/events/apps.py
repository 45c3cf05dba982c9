from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "ikone.events"
    verbose_name = _("Veranstaltungen")

    def ready(self) -> None:
        from ikone.core import (
            article_sources,
            audit,
            figures,
            navigation,
            notifications,
            retention,
            seeding,
        )
        from ikone.core.seo import robots, sitemaps
        from ikone.events import (
            export_parts,
            organization_section,  # noqa: F401 - connects the receiver
            receivers,  # noqa: F401 - connects the receivers
        )
        from ikone.events import (
            notifications as events_notifications,
        )
        from ikone.events.article_source import PROVIDER
        from ikone.events.figures import FIGURES
        from ikone.events.retention import RULES

        article_sources.register(PROVIDER)
        audit.register_targets("events.event", "events.registration", "events.material")
        export_parts.register_parts()
        sitemaps.register(sitemaps.Section("events", "ikone.events.sitemaps.EventSitemap"))
        robots.register_private(
            "events",
            "/veranstaltungen/neu/",
            "/veranstaltungen/verwaltung/",
            "/veranstaltungen/*/verwaltung/",
            "/veranstaltungen/*/rueckmeldung/",
            "/veranstaltungen/*/anmelden/",
            "/veranstaltungen/*/anmeldungen/",
        )
        navigation.register(navigation.Area("events:list", _("Veranstaltungen"), position=30))
        notifications.register(*events_notifications.KINDS)
        seeding.register(
            seeding.Seeder(
                "events",
                "ikone.events.demo.seed_demo_events",
                after=("core.fields_of_action", "accounts", "calls"),
            )
        )
        figures.register(*FIGURES)
        retention.register(*RULES)
