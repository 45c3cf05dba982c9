from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "ikone.applications"
    verbose_name = _("Bewerbungswerkstatt")

    def ready(self) -> None:
        from ikone.applications import readiness

        readiness.autodiscover()
