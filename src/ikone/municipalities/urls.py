from django.urls import path, re_path

from ikone.municipalities import views

app_name = "municipalities"

urlpatterns = [
    path("", views.municipality_list_view, name="list"),
    # Keys of all four levels: Land (2), Kreis (5), Gemeinde (8), Gemeindeverband (9 digits).
    re_path(
        r"^(?P<ags>\d{2}|\d{5}|\d{8}|\d{9})/$",
        views.municipality_detail_view,
        name="detail",
    ),
]
