from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "ikone.notifications"
    verbose_name = _("Benachrichtigungen")

    def ready(self) -> None:
        from ikone.core import mail, navigation, notifications, retention, seeding
        from ikone.notifications import delivery, export_parts
        from ikone.notifications import notifications as own_notifications
        from ikone.notifications.retention import RULES

        notifications.register(*own_notifications.KINDS)
        mail.set_delivery_hook(delivery.keep_and_choose)
        navigation.register_account_link(
            navigation.AccountLink(
                "notifications:list",
                _("Benachrichtigungen"),
                position=10,
                badge_url_name="notifications:badge",
            )
        )
        seeding.register(
            seeding.Seeder(
                "notifications",
                "ikone.notifications.demo.seed_demo_notifications",
                after=("accounts",),
            )
        )
        export_parts.register_parts()
        retention.register(*RULES)
