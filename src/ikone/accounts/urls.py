from django.urls import path

from ikone.accounts import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
]
