from django.urls import path

from ikone.calls import subpages, views

app_name = "calls"

urlpatterns = [
    path("", views.call_list, name="list"),
    path("<slug:slug>.ics", views.call_ics, name="ics"),
    path("<slug:slug>/", views.call_detail, name="detail"),
    path("<slug:slug>/versionen/", views.version_list, name="versions"),
    path("<slug:slug>/versionen/<int:number>/", views.version_detail, name="version"),
    path("<slug:slug>/versionen/<int:old>/<int:new>/", views.version_diff, name="diff"),
    path("<slug:slug>/aenderung/", views.amendment, name="amend"),
    # Pages other apps add below a call (the questions app's FAQ).
    *subpages.patterns(),
]
