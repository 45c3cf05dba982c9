from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "ikone.knowledge"
    label = "knowledge"
    verbose_name = _("Wissen und öffentliche Seiten")

    def ready(self) -> None:
        from ikone.core import navigation, seeding
        from ikone.knowledge import (
            export_parts,
            signals,  # noqa: F401  (connects the receivers)
        )
        from ikone.knowledge.selectors import footer_page_links

        navigation.register(navigation.Area("knowledge:index", _("Wissen"), position=40))
        navigation.register_footer_links("knowledge.footer_pages", footer_page_links)
        seeding.register(seeding.Seeder("knowledge.pages", "ikone.knowledge.seeders.seed_pages"))
        # Coordinators (created by the accounts seeder) may edit the CMS.
        seeding.register(
            seeding.Seeder(
                "knowledge.editor_rights",
                "ikone.knowledge.seeders.seed_editor_rights",
                after=("accounts",),
            )
        )
        export_parts.register_parts()
