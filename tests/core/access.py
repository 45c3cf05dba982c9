"""Access-matrix rows of the platform itself (see tests/access.py)."""

from tests.access import ADMIN_ROOT, COORDINATION, PUBLIC, everyone

#             anonymous, staff_a, staff_b, contact_a, mentor, coordinator, admin
ROWS = {
    "healthz": PUBLIC,
    # The benchmark's floor page: static text, the same for everyone.
    "core:floor": PUBLIC,
    # Only with METRICS_TOKEN set, and then only to the bearer of the token
    # (tests/core/test_observability.py); no role's session opens it.
    "metrics": everyone(404),
    "set_language": everyone(302),
    "javascript-catalog": PUBLIC,
    "wagtailcore_login": PUBLIC,
    "wagtailadmin_home": ADMIN_ROOT,
    "admin:index": ADMIN_ROOT,
    "core:audit_log": COORDINATION,
    # Site-wide search: everyone; results are filtered per person (tests/search/).
    "core:search": PUBLIC,
    # Files browsers and crawlers ask for (tests/seo/).
    "favicon": PUBLIC,
    "apple_touch_icon": PUBLIC,
    "manifest": PUBLIC,
    "robots_txt": PUBLIC,
    "sitemap": PUBLIC,
    "sitemap_section": PUBLIC,
    # 404 until the operator sets a contact and an expiry (tests/seo/).
    "security_txt": everyone(404),
}

PARAMETERS = {
    # DRF's format suffix patterns, wherever they appear.
    "format": lambda values: "json",
    "section": lambda values: "calls",
}
