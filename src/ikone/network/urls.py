from django.urls import path

from ikone.network.views import charts, overview, public, retention

app_name = "network"

urlpatterns = [
    path("", overview.overview, name="overview"),
    path("organisationen/", overview.organizations, name="organizations"),
    path("kennzahl/<str:figure_key>/", overview.figure, name="figure"),
    path(
        "diagramme/<str:chart_key>.<str:extension>",
        charts.chart_download,
        name="chart_download",
    ),
    path("aufbewahrung/", retention.retention_settings, name="retention"),
    path("zahlen/", public.public_figures, name="public_figures"),
]
