from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ikone.core"
    label = "core"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from ikone.core import export_parts, retention, seeding
        from ikone.core.pagecache import tables
        from ikone.core.retention_rules import RULES
        from ikone.core.search import signals as search_signals

        retention.register(*RULES)
        seeding.register(
            seeding.Seeder("core.fields_of_action", "ikone.core.seeding.seed_fields_of_action")
        )
        search_signals.connect()
        export_parts.register_parts()
        # Every connection reports the tables it writes (the page cache's
        # invalidation, docs/adr/0006-page-cache.md).
        connection_created.connect(tables.install, dispatch_uid="ikone.pagecache.tables")
