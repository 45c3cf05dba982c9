from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ikone.core"
    label = "core"
