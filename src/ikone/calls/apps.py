from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "ikone.calls"
    verbose_name = _("Förderaufrufe")

    def ready(self) -> None:
        from ikone.calls import export_parts
        from ikone.core import audit, navigation, seeding
        from ikone.core.seo import robots, sitemaps

        audit.register_targets("calls.call")
        sitemaps.register(sitemaps.Section("calls", "ikone.calls.sitemaps.CallSitemap"))
        robots.register_private("calls", "/foerderaufrufe/*/aenderung/")
        navigation.register(navigation.Area("calls:list", _("Förderaufrufe"), position=50))
        seeding.register(
            seeding.Seeder("calls", "ikone.calls.demo.seed_demo_calls", after=("accounts",))
        )
        export_parts.register_parts()
