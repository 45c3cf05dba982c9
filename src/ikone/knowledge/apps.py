from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def report_barrier_link() -> list[object]:
    """Every page's footer links the barrier report (BITV 2.0 feedback)."""
    from ikone.core.urlmemo import reverse_memo
    from ikone.knowledge.selectors import PageLink

    return [PageLink(title=str(_("Barriere melden")), url=reverse_memo("accessibility_feedback"))]


class KnowledgeConfig(AppConfig):
    name = "ikone.knowledge"
    label = "knowledge"
    verbose_name = _("Wissen und öffentliche Seiten")

    def ready(self) -> None:
        from ikone.calls.signals import call_amended
        from ikone.core import audit, document_templates, navigation, notifications, seeding
        from ikone.core.seo import sitemaps
        from ikone.knowledge import (
            export_parts,
            receivers,
            signals,  # noqa: F401  (connects the receivers)
        )
        from ikone.knowledge import notifications as knowledge_notifications
        from ikone.knowledge.document_templates import PROVIDER
        from ikone.knowledge.selectors import footer_page_links

        document_templates.register(PROVIDER)
        call_amended.connect(receivers.flag_articles_on_amendment, dispatch_uid="knowledge.flag")
        audit.register_targets("knowledge.articlepage")
        navigation.register(navigation.Area("knowledge:index", _("Wissen"), position=40))
        sitemaps.register(sitemaps.Section("pages", "ikone.knowledge.sitemaps.PageSitemap"))
        navigation.register_footer_links("knowledge.footer_pages", footer_page_links)
        navigation.register_footer_links("knowledge.report_barrier", report_barrier_link)
        notifications.register(*knowledge_notifications.KINDS)
        seeding.register(seeding.Seeder("knowledge.pages", "ikone.knowledge.seeders.seed_pages"))
        # Coordinators (created by the accounts seeder) may edit the CMS,
        # mentors may write articles for moderation.
        seeding.register(
            seeding.Seeder(
                "knowledge.editor_rights",
                "ikone.knowledge.seeders.seed_editor_rights",
                after=("accounts",),
            )
        )
        export_parts.register_parts()
        seeding.register(
            seeding.Seeder(
                "knowledge.articles",
                "ikone.knowledge.seeders.seed_articles",
                after=("knowledge.pages", "core.fields_of_action", "accounts", "calls"),
            )
        )
