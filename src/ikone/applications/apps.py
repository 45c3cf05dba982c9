from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "ikone.applications"
    verbose_name = _("Bewerbungswerkstatt")

    def ready(self) -> None:
        from ikone.applications import export_parts, readiness
        from ikone.applications import notifications as applications_notifications
        from ikone.applications.figures import FIGURES
        from ikone.applications.retention import RULES
        from ikone.calls import usage
        from ikone.core import audit, figures, navigation, notifications, retention, seeding
        from ikone.core.seo import robots

        readiness.autodiscover()
        usage.ITEM_USAGE.register(
            usage.ItemUsage(
                "applications", "ikone.applications.selectors_checklist.drafts_using_call_items"
            )
        )
        # Drafts belong to organisations: nothing here is public.
        robots.register_private("applications", "/bewerbungen/")
        notifications.register(*applications_notifications.KINDS)
        audit.register_targets(
            "applications.draft",
            "applications.draftsection",
            "applications.sectioncomment",
            "applications.draftdocument",
        )
        navigation.register(navigation.Area("applications:list", _("Bewerbungen"), position=70))
        seeding.register(
            seeding.Seeder(
                "applications",
                "ikone.applications.demo.seed_demo_applications",
                after=("accounts", "calls"),
            )
        )
        export_parts.register_parts()
        figures.register(*FIGURES)
        retention.register(*RULES)
