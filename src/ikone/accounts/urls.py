from django.urls import path

from ikone.accounts.views import account

app_name = "accounts"

urlpatterns = [
    path("profil/", account.profile, name="profile"),
    path("export/", account.data_export, name="export"),
    path("loeschen/", account.account_delete, name="delete"),
    path("einladung/<str:token>/", account.invitation, name="invitation"),
]
