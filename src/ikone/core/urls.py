from django.urls import path

from ikone.core.auditlog import views as auditlog_views

app_name = "core"

urlpatterns = [
    path("netzwerk/protokoll/", auditlog_views.audit_log, name="audit_log"),
]
