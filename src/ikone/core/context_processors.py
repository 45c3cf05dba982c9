from django.conf import settings
from django.http import HttpRequest


def platform(request: HttpRequest) -> dict[str, object]:
    """Values every page template needs: the main navigation and the network."""
    from ikone.core.navigation import account_navigation, main_navigation

    return {
        "main_navigation": main_navigation(request),
        "account_navigation": account_navigation(request),
        "platform_name": settings.WAGTAIL_SITE_NAME,
        # A test installation keeps every page out of search engines.
        "robots_noindex": settings.ROBOTS_DISALLOW_ALL,
    }
