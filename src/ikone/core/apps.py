from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ikone.core"
    label = "core"

    def ready(self) -> None:
        from ikone.core import export_parts, retention, seeding
        from ikone.core.retention_rules import RULES
        from ikone.core.search import signals as search_signals

        retention.register(*RULES)
        seeding.register(
            seeding.Seeder("core.fields_of_action", "ikone.core.seeding.seed_fields_of_action")
        )
        search_signals.connect()
        export_parts.register_parts()
