from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ikone.accounts"
    label = "accounts"

    def ready(self) -> None:
        from ikone.accounts import directory
        from ikone.core import navigation, seeding
        from ikone.municipalities import membership

        membership.register(directory.SOURCE)
        navigation.register(
            navigation.Area("organizations:list", _("Organisationen"), position=20)
        )
        seeding.register(seeding.Seeder("accounts", "ikone.accounts.demo.seed_demo_accounts"))
