from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SolutionsConfig(AppConfig):
    name = "ikone.solutions"
    verbose_name = _("Lösungen")

    def ready(self) -> None:
        from ikone.core import audit, figures, navigation, notifications, seeding
        from ikone.core.seo import robots, sitemaps
        from ikone.solutions import (
            draft_integration,  # noqa: F401 - connects the receivers
            export_parts,
            organization_section,  # noqa: F401 - connects the receiver
        )
        from ikone.solutions.figures import FIGURES
        from ikone.solutions.notifications import KINDS

        audit.register_targets(
            "solutions.solution",
            "solutions.adoption",
            "solutions.solutiondocument",
            "solutions.modelproject",
            "solutions.catalogueexportsettings",
        )
        notifications.register(*KINDS)
        figures.register(*FIGURES)
        navigation.register(navigation.Area("solutions:list", _("Lösungen"), position=75))
        seeding.register(
            seeding.Seeder(
                "solutions",
                "ikone.solutions.demo.seed_demo_solutions",
                after=("core.fields_of_action", "accounts", "applications"),
            )
        )
        export_parts.register_parts()
        sitemaps.register(
            sitemaps.Section("solutions", "ikone.solutions.sitemaps.SolutionSitemap")
        )
        robots.register_private(
            "solutions",
            "/loesungen/neu/",
            "/loesungen/pruefung/",
            "/loesungen/zitate/",
            "/loesungen/*/bearbeiten/",
            "/loesungen/*/status/",
            "/loesungen/*/kommentare/",
            "/loesungen/*/uebernahme/",
        )
