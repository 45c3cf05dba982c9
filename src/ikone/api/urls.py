from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from ikone.api.views.applications import ApplicationViewSet
from ikone.api.views.calls import CallViewSet
from ikone.api.views.events import EventViewSet
from ikone.api.views.faq import FAQEntryViewSet
from ikone.api.views.knowledge import ArticleViewSet
from ikone.api.views.municipalities import AGS_PATTERN, MunicipalityViewSet
from ikone.api.views.network import NetworkFiguresView
from ikone.api.views.notifications import NotificationViewSet
from ikone.api.views.search import SearchView
from ikone.api.views.solutions import (
    SLUG_PATTERN,
    MunicipalityRecommendationsView,
    OrganizationPeersView,
    SolutionViewSet,
)
from ikone.api.views.support import SupportRequestViewSet

router = DefaultRouter()
router.register("municipalities", MunicipalityViewSet, basename="municipality")
router.register("calls", CallViewSet, basename="call")
router.register("events", EventViewSet, basename="event")
router.register("faq", FAQEntryViewSet, basename="faq")
router.register("applications", ApplicationViewSet, basename="application")
router.register("knowledge", ArticleViewSet, basename="knowledge-article")
router.register("support/requests", SupportRequestViewSet, basename="support-request")
router.register("notifications", NotificationViewSet, basename="notification")
router.register("solutions", SolutionViewSet, basename="solution")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("search/", SearchView.as_view(), name="api-search"),
    path("network/figures/", NetworkFiguresView.as_view(), name="api-network-figures"),
    re_path(
        rf"^organizations/(?P<slug>{SLUG_PATTERN})/peers/$",
        OrganizationPeersView.as_view(),
        name="api-organization-peers",
    ),
    re_path(
        rf"^municipalities/(?P<ags>{AGS_PATTERN})/recommendations/$",
        MunicipalityRecommendationsView.as_view(),
        name="api-municipality-recommendations",
    ),
    path("", include(router.urls)),
]
