from django.urls import path

from ikone.solutions.views import adoption, catalogue, editing, recommendations

app_name = "solutions"

urlpatterns = [
    path("", catalogue.solution_list, name="list"),
    path("neu/", editing.solution_create, name="create"),
    path("pruefung/", editing.review_list, name="review_list"),
    path("empfehlungen/", recommendations.recommendations, name="recommendations"),
    path("<slug:slug>/", catalogue.solution_detail, name="detail"),
    path("<slug:slug>/bearbeiten/", editing.solution_edit, name="edit"),
    path("<slug:slug>/status/", editing.solution_transition, name="transition"),
    path("<slug:slug>/kommentare/", editing.solution_comment, name="comment"),
    path("<slug:slug>/dokumente/", editing.document_add, name="document_add"),
    path("<slug:slug>/dokumente/<int:pk>/", catalogue.document_download, name="document"),
    path("<slug:slug>/uebernahme/", adoption.adoption_edit, name="adopt"),
]
