from django.urls import path

from ikone.knowledge import views_feedback as views

# Not namespaced: the one address of this module, linked from the footer.
urlpatterns = [
    path("melden/", views.accessibility_feedback, name="accessibility_feedback"),
]
