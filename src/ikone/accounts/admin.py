"""Django admin for people, organisations and network membership.

Operators (superusers) see everything. Coordinators (staff with
`is_coordinator`) may maintain organisations and network membership and
appoint mentors without extra model permissions. Role changes and network
membership go through the services, so they are audited like everywhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from ikone.accounts import permissions, services
from ikone.accounts.models import (
    Invitation,
    JoinRequest,
    Membership,
    Network,
    NetworkMembership,
    Organization,
    User,
)
from ikone.core import audit
from ikone.core.admin import BackgroundTaskAdmin
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError

URL_FIELDS_HTTPS: Mapping[type[models.Field[Any, Any]], Mapping[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


class CoordinatorAccessMixin:
    """Coordinators may use this admin page like operators."""

    def _coordinator(self, request: HttpRequest) -> bool:
        return bool(request.user.is_staff and permissions.is_network_coordinator(request.user))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._coordinator(request) or super().has_module_permission(request)  # type: ignore[misc]

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._coordinator(request) or super().has_view_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._coordinator(request) or super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._coordinator(request) or super().has_add_permission(request, *args)  # type: ignore[misc]


class MembershipInline(admin.TabularInline):
    """Read-only: people and roles change on the organisation's "Personen
    verwalten" page, where the Ansprechperson rules and the audit log apply."""

    model = Membership
    extra = 0
    fields = ["user", "organization", "role", "created_at"]
    readonly_fields = ["user", "organization", "role", "created_at"]
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class NetworkMembershipInline(admin.TabularInline):
    model = NetworkMembership
    extra = 0
    fields = [
        "network",
        "status",
        "member_since",
        "member_since_precision",
        "member_until",
        "note",
    ]
    readonly_fields = [
        "network",
        "status",
        "member_since",
        "member_since_precision",
        "member_until",
        "note",
    ]
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(User)
class UserAdmin(CoordinatorAccessMixin, DjangoUserAdmin):
    list_display = ["email", "name", "job_title", "is_coordinator", "is_mentor", "is_staff"]
    list_filter = ["is_coordinator", "is_mentor", "is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "name", "job_title"]
    ordering = ["email"]
    readonly_fields = ["is_coordinator", "is_mentor", "last_login", "date_joined"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("name", "job_title", "phone")}),
        (_("Rollen im Netzwerk"), {"fields": ("is_coordinator", "is_mentor")}),
        (
            _("Berechtigungen"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Zeitpunkte"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("email", "name", "password1", "password2")}),
    )
    inlines = [MembershipInline]
    actions = ["grant_mentor", "revoke_mentor", "grant_coordinator", "revoke_coordinator"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if not permissions.is_admin(request.user):
            # Coordinators maintain people's details, not their permissions.
            fields += ["email", "is_active", "is_staff", "is_superuser", "groups"]
            fields += ["user_permissions"]
        return fields

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return permissions.is_admin(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return permissions.is_admin(request.user)

    def delete_model(self, request: HttpRequest, obj: User) -> None:
        """Through the same service as the person's own deletion, so other
        apps hand back what the person held (event seats) and the rules on
        the last Ansprechperson and the last operator hold here too."""
        try:
            services.user_delete(user=obj, actor=Actor.from_request(request))
        except DomainError as error:
            request._ikone_delete_refused = error.message  # type: ignore[attr-defined]

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            self.delete_model(request, user)

    def response_delete(self, request: HttpRequest, obj_display: str, obj_id: Any) -> HttpResponse:
        refused = getattr(request, "_ikone_delete_refused", "")
        if refused:
            self.message_user(request, refused, messages.ERROR)
            return redirect("admin:accounts_user_change", obj_id)
        return super().response_delete(request, obj_display, obj_id)

    def message_user(self, request: HttpRequest, message: Any, *args: Any, **kwargs: Any) -> None:
        """The bulk delete action reports success for every chosen row; when
        the service refused one, say so instead."""
        refused = getattr(request, "_ikone_delete_refused", "")
        if refused and request.POST.get("action") == "delete_selected":
            super().message_user(request, refused, messages.ERROR)
            return
        super().message_user(request, message, *args, **kwargs)

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        """Only operators set other people's passwords; coordinators may change
        people's details but must not take over their accounts."""
        if not permissions.is_admin(request.user):
            raise PermissionDenied
        return super().user_change_password(request, id, form_url)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        if not permissions.can_grant_coordinator_role(request.user):
            actions.pop("grant_coordinator", None)
            actions.pop("revoke_coordinator", None)
        return actions

    def _set_role(
        self, request: HttpRequest, queryset: QuerySet[User], service: Any, **values: bool
    ) -> None:
        actor = Actor.from_request(request)
        for user in queryset:
            service(user=user, actor=actor, **values)
        self.message_user(request, _("Rollen geändert."), messages.SUCCESS)

    @admin.action(description=_("Mentor:in-Rolle vergeben"))
    def grant_mentor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        self._set_role(request, queryset, services.mentor_role_set, is_mentor=True)

    @admin.action(description=_("Mentor:in-Rolle entziehen"))
    def revoke_mentor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        self._set_role(request, queryset, services.mentor_role_set, is_mentor=False)

    @admin.action(description=_("Zur Netzwerkkoordination ernennen"))
    def grant_coordinator(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        self._set_role(request, queryset, services.coordinator_role_set, is_coordinator=True)

    @admin.action(description=_("Aus der Netzwerkkoordination entlassen"))
    def revoke_coordinator(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        self._set_role(request, queryset, services.coordinator_role_set, is_coordinator=False)


@admin.register(Organization)
class OrganizationAdmin(CoordinatorAccessMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "municipality", "slug", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "municipality__ags", "municipality__name"]
    list_select_related = ["municipality"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["municipality"]
    filter_horizontal = ["cooperation_members"]
    inlines = [MembershipInline, NetworkMembershipInline]
    view_on_site = True
    formfield_overrides = URL_FIELDS_HTTPS

    def save_model(self, request: HttpRequest, obj: Organization, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        action = "accounts.organization.updated" if change else "accounts.organization.created"
        audit.record(
            Actor.from_request(request),
            action,
            target=obj,
            data={"fields": list(form.changed_data), "via": "admin"},
        )


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "slug", "is_primary", "email"]
    prepopulated_fields = {"slug": ["short_name"]}
    formfield_overrides = URL_FIELDS_HTTPS


@admin.register(NetworkMembership)
class NetworkMembershipAdmin(CoordinatorAccessMixin, admin.ModelAdmin):
    list_display = ["organization", "network", "status", "member_since", "member_until"]
    list_filter = ["network", "status"]
    search_fields = ["organization__name", "note"]
    list_select_related = ["organization", "network"]
    raw_id_fields = ["organization"]
    fields = [
        "organization",
        "network",
        "status",
        "member_since",
        "member_since_precision",
        "member_until",
        "note",
    ]

    def save_model(
        self, request: HttpRequest, obj: NetworkMembership, form: Any, change: bool
    ) -> None:
        """Changes in the primary network go through the service (audited)."""
        if not obj.network.is_primary:
            super().save_model(request, obj, form, change)
            return
        saved = services.network_membership_record(
            organization=obj.organization,
            status=obj.status,
            member_since=obj.member_since,
            member_since_precision=obj.member_since_precision,
            member_until=obj.member_until,
            note=obj.note,
            actor=Actor.from_request(request),
        )
        obj.pk = saved.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._coordinator(request) or super().has_delete_permission(request, obj)


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Read-only for everyone, operators included: a membership opens the
    organisation's unshared drafts, so it only comes about through the
    organisation's own consent (invitation or join request decided by an
    Ansprechperson, see `services.memberships`), never by a form here."""

    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__name", "organization__name"]
    list_select_related = ["user", "organization"]
    readonly_fields = ["user", "organization", "role", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "role", "invited_by", "created_at", "expires_at"]
    list_filter = ["role"]
    search_fields = ["email", "organization__name"]
    list_select_related = ["organization", "invited_by"]
    readonly_fields = [
        "organization",
        "email",
        "role",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    search_fields = ["user__email", "organization__name"]
    list_select_related = ["user", "organization"]
    readonly_fields = ["user", "organization", "message", "created_at", "decided_at", "decided_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Decided by the organisation's Ansprechpersonen on its people page."""
        return False


class CoordinatorTaskAdmin(BackgroundTaskAdmin):
    """Coordinators see the background tasks and queue failed ones again
    (a mail to their network that failed is theirs to follow up); nothing
    else about the tasks can be changed by anyone."""

    def _coordinator(self, request: HttpRequest) -> bool:
        return bool(request.user.is_staff and permissions.is_network_coordinator(request.user))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._coordinator(request) or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._coordinator(request) or super().has_view_permission(request, obj)


admin.site.unregister(DBTaskResult)
admin.site.register(DBTaskResult, CoordinatorTaskAdmin)
