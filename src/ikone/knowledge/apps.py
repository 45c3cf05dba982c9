from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "ikone.knowledge"
    label = "knowledge"
    verbose_name = _("Wissen und öffentliche Seiten")

    def ready(self) -> None:
        from ikone.knowledge import signals  # noqa: F401  (connects the receivers)
