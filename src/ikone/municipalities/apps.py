from django.apps import AppConfig


class MunicipalitiesConfig(AppConfig):
    name = "ikone.municipalities"
    label = "municipalities"
