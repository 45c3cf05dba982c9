from django.urls import path

from ikone.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("anzahl/", views.badge, name="badge"),
    path("einstellungen/", views.preferences, name="settings"),
    path("alle-gelesen/", views.mark_all_read, name="mark_all_read"),
    path("<int:pk>/gelesen/", views.mark_read, name="mark_read"),
]
