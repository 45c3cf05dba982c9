from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from ikone.core import metrics
from ikone.core import views as core_views
from ikone.core.seo import views as seo_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("metrics", metrics.metrics_view, name="metrics"),
    path("favicon.ico", seo_views.favicon, name="favicon"),
    path("apple-touch-icon.png", seo_views.apple_touch_icon, name="apple_touch_icon"),
    path("manifest.webmanifest", seo_views.manifest, name="manifest"),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", seo_views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", seo_views.sitemap_section, name="sitemap_section"),
    path(".well-known/security.txt", seo_views.security_txt, name="security_txt"),
    path("api/v1/", include("ikone.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("kommunen/", include("ikone.municipalities.urls")),
    path("organisationen/", include("ikone.accounts.urls_organizations")),
    path("veranstaltungen/", include("ikone.events.urls")),
    path("foerderaufrufe/", include("ikone.calls.urls")),
    path("fragen/vorschlaege/", include("ikone.qa.retrieval.urls")),
    path("fragen/", include("ikone.qa.urls")),
    path("bewerbungen/", include("ikone.applications.urls")),
    path("loesungen/", include("ikone.solutions.urls")),
    path("netzwerk/", include("ikone.network.urls")),
    path("konto/benachrichtigungen/", include("ikone.notifications.urls")),
    path("wissen/", include("ikone.knowledge.urls")),
    path("", include("ikone.support.urls")),
    path("konto/", include("ikone.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("dokumente/", include(wagtaildocs_urls)),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("barrierefreiheit/", include("ikone.knowledge.urls_feedback")),
    path("", include("ikone.core.urls")),
    path("", include("ikone.knowledge.urls_pages")),
    prefix_default_language=False,
)

if settings.DEBUG:
    # Only public media (Wagtail images); uploads go through checked views.
    from ikone.core.media import public_media_urlpatterns

    urlpatterns = public_media_urlpatterns() + urlpatterns

handler400 = "ikone.core.views.bad_request"
handler403 = "ikone.core.views.permission_denied"
handler404 = "ikone.core.views.page_not_found"
handler500 = "ikone.core.views.server_error"
