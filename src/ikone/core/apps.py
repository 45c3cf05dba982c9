from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ikone.core"
    label = "core"

    def ready(self) -> None:
        from ikone.core.search import signals as search_signals

        search_signals.connect()
