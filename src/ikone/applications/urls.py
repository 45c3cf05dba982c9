from django.urls import path

from ikone.applications import views
from ikone.applications.views import api_access, export, lifecycle
from ikone.applications.views import financing as financing_views
from ikone.applications.views import schedule as schedule_views

app_name = "applications"

SECTION = "<int:pk>/abschnitte/<slug:section_key>/"

urlpatterns = [
    path("", views.draft_list, name="list"),
    path("neu/", views.draft_create, name="create"),
    path("auswertung/", views.figures, name="figures"),
    path("papierkorb/", lifecycle.draft_trash, name="trash"),
    path("papierkorb/<int:pk>/wiederherstellen/", lifecycle.draft_restore, name="restore_draft"),
    path("<int:pk>/", views.draft_detail, name="detail"),
    path("<int:pk>/umbenennen/", lifecycle.draft_rename, name="rename"),
    path("<int:pk>/loeschen/", lifecycle.draft_delete, name="delete"),
    path("<int:pk>/wieder-oeffnen/", lifecycle.draft_reopen, name="reopen"),
    path(SECTION, views.section_edit, name="section"),
    path(f"{SECTION}versionen/", views.section_history, name="history"),
    path(
        f"{SECTION}versionen/<int:section_revision>/wiederherstellen/",
        views.section_restore,
        name="restore",
    ),
    path(f"{SECTION}kommentare/", views.comment_add, name="comment_add"),
    path(
        "<int:pk>/kommentare/<int:draft_comment>/erledigt/",
        views.comment_resolve,
        name="comment_resolve",
    ),
    path("<int:pk>/kriterien/", views.criteria, name="criteria"),
    path("<int:pk>/unterlagen/", views.documents, name="documents"),
    path(
        "<int:pk>/unterlagen/<int:required_document>/",
        views.document_update,
        name="document_update",
    ),
    path(
        "<int:pk>/unterlagen/<int:required_document>/vorlage/",
        views.document_from_template,
        name="document_template",
    ),
    path(
        "<int:pk>/unterlagen/<int:required_document>/datei/",
        views.document_download,
        name="document_download",
    ),
    path(
        "<int:pk>/unterlagen/<int:required_document>/datei/entfernen/",
        lifecycle.document_file_remove,
        name="document_file_remove",
    ),
    path("<int:pk>/bereitschaft/", views.readiness, name="readiness"),
    path("<int:pk>/freigabe/", views.draft_share, name="share"),
    path("<int:pk>/empfehlung/", views.recommendation, name="recommendation"),
    path("<int:pk>/status/", views.draft_transition, name="transition"),
    path("<int:pk>/ergebnis/", views.draft_outcome, name="outcome"),
    # Financing plan, schedule, export, API access (A2)
    path("<int:pk>/finanzierung/", financing_views.financing_plan, name="financing"),
    path("<int:pk>/finanzierung/neu/", financing_views.cost_item_create, name="cost_item_create"),
    path(
        "<int:pk>/finanzierung/<int:item_pk>/",
        financing_views.cost_item_edit,
        name="cost_item_edit",
    ),
    path(
        "<int:pk>/finanzierung/<int:item_pk>/loeschen/",
        financing_views.cost_item_delete,
        name="cost_item_delete",
    ),
    path(
        "<int:pk>/finanzierung/haushaltslage/",
        financing_views.financing_settings,
        name="financing_settings",
    ),
    path("<int:pk>/zeitplan/", schedule_views.schedule, name="schedule"),
    path("<int:pk>/zeitplan/neu/", schedule_views.milestone_create, name="milestone_create"),
    path(
        "<int:pk>/zeitplan/<int:milestone_pk>/",
        schedule_views.milestone_edit,
        name="milestone_edit",
    ),
    path(
        "<int:pk>/zeitplan/<int:milestone_pk>/loeschen/",
        schedule_views.milestone_delete,
        name="milestone_delete",
    ),
    path("<int:pk>/export/", export.export_page, name="export"),
    path("<int:pk>/export/<slug:export_format>/", export.export_create, name="export_create"),
    path("<int:pk>/export.pdf", export.export_pdf, name="export_pdf"),
    path("<int:pk>/export.docx", export.export_docx, name="export_docx"),
    path("api-zugang/", api_access.api_access, name="api_access"),
]
