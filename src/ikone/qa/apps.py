from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QaConfig(AppConfig):
    name = "ikone.qa"
    verbose_name = _("Fragen und Antworten")

    def ready(self) -> None:
        from django.urls import path

        from ikone.calls import subpages
        from ikone.calls.signals import call_amended
        from ikone.core import audit, figures, navigation, notifications, seeding
        from ikone.core.search import registry as search_registry
        from ikone.core.seo import robots, sitemaps
        from ikone.qa import export_parts, receivers
        from ikone.qa import notifications as qa_notifications
        from ikone.qa.figures import FIGURES
        from ikone.qa.retrieval.site_answers import answers_for_search, rank_for_search
        from ikone.qa.views.faq import call_faq

        call_amended.connect(receivers.flag_answers_on_amendment, dispatch_uid="qa.flag_answers")
        # Question-like queries on /suche/ get the answering passages first.
        search_registry.register_answerer(answers_for_search)
        # ... and their result list in the same hybrid order (issue 16.4).
        search_registry.register_ranker(rank_for_search)
        # The call's FAQ page lives below the call: /foerderaufrufe/<slug>/faq/.
        subpages.register(path("<slug:slug>/faq/", call_faq, name="faq"))
        audit.register_targets("qa.question", "qa.answer", "qa.faqentry")
        sitemaps.register(sitemaps.Section("faq", "ikone.qa.sitemaps.CallFAQSitemap"))
        sitemaps.register(
            sitemaps.Section("questions", "ikone.qa.sitemaps.AnsweredQuestionSitemap")
        )
        robots.register_private(
            "qa",
            "/fragen/neu/",
            "/fragen/pruefen/",
            "/fragen/auswertung/",
            "/fragen/antworten/",
            "/fragen/*/antworten/",
            "/fragen/*/folgen/",
            "/fragen/*/nicht-mehr-folgen/",
            "/fragen/*/faq/",
        )
        navigation.register(navigation.Area("qa:list", _("Fragen"), position=60))
        notifications.register(*qa_notifications.KINDS)
        seeding.register(
            seeding.Seeder(
                "qa",
                "ikone.qa.demo.seed_demo_questions",
                after=("core.fields_of_action", "accounts", "calls"),
            )
        )
        export_parts.register_parts()
        figures.register(*FIGURES)
