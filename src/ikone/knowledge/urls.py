from django.urls import path

from ikone.knowledge import views

app_name = "knowledge"

# The articles (/wissen/<slug>/) are Wagtail pages below the knowledge
# base's index page; Wagtail's catch-all serves them.
urlpatterns = [
    path("", views.article_list, name="index"),
    path("aus-veranstaltung/", views.report_from_event, name="report_from_event"),
    path("<slug:slug>/anhang/<int:pk>/", views.attachment_download, name="attachment"),
]
