from django.urls import path

from ikone.accounts.views import invitations, memberships, network, organizations

app_name = "organizations"

urlpatterns = [
    path("", organizations.organization_list, name="list"),
    path("neu/", organizations.organization_create, name="create"),
    path("<slug:slug>/", organizations.organization_detail, name="detail"),
    path("<slug:slug>/bearbeiten/", organizations.organization_edit, name="edit"),
    path("<slug:slug>/personen/", memberships.organization_members, name="members"),
    path(
        "<slug:slug>/personen/<int:pk>/rolle/", memberships.membership_role, name="membership_role"
    ),
    path(
        "<slug:slug>/personen/<int:pk>/entfernen/",
        memberships.membership_remove,
        name="membership_remove",
    ),
    path("<slug:slug>/austreten/", memberships.membership_leave, name="leave"),
    path("<slug:slug>/einladen/", invitations.invitation_create, name="invite"),
    path(
        "<slug:slug>/einladungen/<int:pk>/zurueckziehen/",
        invitations.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<slug:slug>/beitreten/", invitations.join_request_create, name="join"),
    path(
        "<slug:slug>/anfragen/<int:pk>/entscheiden/",
        invitations.join_request_decide,
        name="join_request_decide",
    ),
    path("<slug:slug>/mitgliedschaft/", network.network_membership, name="network_membership"),
    path(
        "<slug:slug>/mitgliedschaft/beantragen/",
        network.network_membership_apply,
        name="network_membership_apply",
    ),
]
