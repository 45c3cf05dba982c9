from django.urls import path

from ikone.core import views
from ikone.core.auditlog import views as auditlog_views
from ikone.core.search import views as search_views

app_name = "core"

urlpatterns = [
    path("netzwerk/protokoll/", auditlog_views.audit_log, name="audit_log"),
    path("suche/", search_views.search_view, name="search"),
    path("messung/boden/", views.floor, name="floor"),
]
