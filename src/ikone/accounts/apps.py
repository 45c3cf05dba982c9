from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "ikone.accounts"
    label = "accounts"

    def ready(self) -> None:
        from ikone.accounts import directory
        from ikone.accounts import notifications as accounts_notifications
        from ikone.accounts.figures import FIGURES
        from ikone.accounts.selectors import export
        from ikone.accounts.visibility import audience_for
        from ikone.core import audit, figures, navigation, notifications, personal_data, seeding
        from ikone.core.search.audience import set_audience_resolver
        from ikone.core.seo import robots, sitemaps
        from ikone.municipalities import membership

        membership.register(directory.SOURCE)
        personal_data.register(*export.PARTS)
        figures.register(*FIGURES)
        audit.register_targets(
            "accounts.user",
            "accounts.organization",
            "accounts.membership",
            "accounts.invitation",
            "accounts.joinrequest",
            "accounts.networkmembership",
        )
        navigation.register(
            navigation.Area("organizations:list", _("Organisationen"), position=20)
        )
        sitemaps.register(
            sitemaps.Section("organizations", "ikone.accounts.sitemaps.OrganizationSitemap")
        )
        # /konto/ is closed by core; these organisation pages need a login too.
        robots.register_private(
            "accounts.organizations",
            "/organisationen/neu/",
            *(
                f"/organisationen/*/{page}/"
                for page in (
                    "bearbeiten",
                    "personen",
                    "austreten",
                    "einladen",
                    "einladungen",
                    "beitreten",
                    "anfragen",
                    "mitgliedschaft",
                )
            ),
        )
        seeding.register(seeding.Seeder("accounts", "ikone.accounts.demo.seed_demo_accounts"))
        notifications.register(*accounts_notifications.KINDS)
        # Core's search knows the shape of the rule; who holds which scope
        # depends on memberships, which live here.
        set_audience_resolver(audience_for)
