from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MunicipalitiesConfig(AppConfig):
    name = "ikone.municipalities"
    label = "municipalities"

    def ready(self) -> None:
        from ikone.core import navigation

        navigation.register(navigation.Area("municipalities:list", _("Kommunen"), position=10))
