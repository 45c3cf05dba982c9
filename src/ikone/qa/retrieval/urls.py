from django.urls import path

from ikone.qa.retrieval import views

app_name = "qa_suggestions"

urlpatterns = [
    path("", views.suggestions_view, name="list"),
    path("beantwortet/", views.answered_view, name="answered"),
]
