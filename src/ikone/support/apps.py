from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupportConfig(AppConfig):
    name = "ikone.support"
    label = "support"
    verbose_name = _("Kontakt und Unterstützung")

    def ready(self) -> None:
        from ikone.core import audit, figures, navigation, notifications, retention, seeding
        from ikone.support import export_parts
        from ikone.support.figures import FIGURES
        from ikone.support.footer import footer_links
        from ikone.support.notifications import KINDS
        from ikone.support.retention import RULES

        audit.register_targets("support.supportrequest")
        export_parts.register_parts()
        navigation.register(navigation.Area("support:list", _("Unterstützung"), position=85))
        navigation.register_footer_links("support.contact", footer_links)
        notifications.register(*KINDS)
        figures.register(*FIGURES)
        retention.register(*RULES)
        seeding.register(
            seeding.Seeder(
                "support",
                "ikone.support.demo.seed_demo_support",
                after=("accounts", "applications", "qa"),
            )
        )
