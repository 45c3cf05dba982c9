from django.urls import path

from ikone.accounts.views import organizations as views

app_name = "organizations"

urlpatterns = [
    path("", views.organization_list, name="list"),
    path("neu/", views.organization_create, name="create"),
    path("<slug:slug>/", views.organization_detail, name="detail"),
    path("<slug:slug>/bearbeiten/", views.organization_edit, name="edit"),
    path("<slug:slug>/personen/", views.organization_members, name="members"),
    path("<slug:slug>/personen/<int:pk>/rolle/", views.membership_role, name="membership_role"),
    path(
        "<slug:slug>/personen/<int:pk>/entfernen/",
        views.membership_remove,
        name="membership_remove",
    ),
    path("<slug:slug>/austreten/", views.membership_leave, name="leave"),
    path("<slug:slug>/einladen/", views.invitation_create, name="invite"),
    path(
        "<slug:slug>/einladungen/<int:pk>/zurueckziehen/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<slug:slug>/beitreten/", views.join_request_create, name="join"),
    path(
        "<slug:slug>/anfragen/<int:pk>/entscheiden/",
        views.join_request_decide,
        name="join_request_decide",
    ),
    path("<slug:slug>/mitgliedschaft/", views.network_membership, name="network_membership"),
    path(
        "<slug:slug>/mitgliedschaft/beantragen/",
        views.network_membership_apply,
        name="network_membership_apply",
    ),
]
