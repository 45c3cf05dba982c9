from django.urls import path

from ikone.solutions.views import (
    adoption,
    catalogue,
    citations,
    editing,
    open_data,
    recommendations,
)

app_name = "solutions"

urlpatterns = [
    path("", catalogue.solution_list, name="list"),
    path("neu/", editing.solution_create, name="create"),
    path("pruefung/", editing.review_list, name="review_list"),
    path("empfehlungen/", recommendations.recommendations, name="recommendations"),
    path("offene-daten/", open_data.open_data_page, name="open_data"),
    path("zitate/<int:section_pk>/", citations.citation_add_view, name="citation_add"),
    path(
        "zitate/<int:section_pk>/entfernen/",
        citations.citation_remove_view,
        name="citation_remove",
    ),
    path("offene-daten/loesungen.csv", open_data.export_csv, name="export_csv"),
    path("offene-daten/loesungen.json", open_data.export_json, name="export_json"),
    path("<slug:slug>/", catalogue.solution_detail, name="detail"),
    path("<slug:slug>/bearbeiten/", editing.solution_edit, name="edit"),
    path("<slug:slug>/status/", editing.solution_transition, name="transition"),
    path("<slug:slug>/kommentare/", editing.solution_comment, name="comment"),
    path("<slug:slug>/dokumente/", editing.document_add, name="document_add"),
    path("<slug:slug>/dokumente/<int:pk>/", catalogue.document_download, name="document"),
    path("<slug:slug>/uebernahme/", adoption.adoption_edit, name="adopt"),
]
