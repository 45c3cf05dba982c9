"""An organisation's people: the members page, roles, removing and leaving."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.accounts import permissions, selectors, services
from ikone.accounts.forms import MembershipRoleForm
from ikone.accounts.member_rows import organization_people_rows
from ikone.accounts.views._helpers import members_page, report_domain_error
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError


@login_required
@require_safe
def organization_members(request: HttpRequest, slug: str) -> HttpResponse:
    """/organisationen/<slug>/personen/: people, open invitations and join requests."""
    organization = selectors.organization_get_for_action(
        user=request.user, slug=slug, check=permissions.can_manage_members
    )
    can_invite = permissions.can_invite_to_organization(request.user, organization)
    join_requests = [
        (join_request, can_invite and join_request.user_id != request.user.pk)
        for join_request in selectors.join_request_list_pending_for_organization(
            organization=organization
        )
    ]
    context = {
        "organization": organization,
        "people_rows": organization_people_rows(request, organization),
        "invitations": selectors.invitation_list_pending_for_organization(
            organization=organization
        ),
        "join_requests": join_requests,
        "can_invite": can_invite,
        "admission_note": ""
        if can_invite
        else _(
            "Neue Personen nehmen die Ansprechpersonen der Organisation auf. Die "
            "Netzwerkkoordination lädt nur ein oder entscheidet Anfragen, solange eine "
            "Organisation keine Ansprechperson hat."
        ),
    }
    return render(request, "accounts/organization_members.html", context)


@login_required
@require_POST
def membership_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change one person's role (POST from the people page)."""
    organization = selectors.organization_get_for_action(
        user=request.user, slug=slug, check=permissions.can_manage_members
    )
    membership = selectors.membership_get_for_change(
        user=request.user, organization=organization, pk=pk
    )
    form = MembershipRoleForm(request.POST, prefix=f"m{membership.pk}")
    if not form.is_valid():
        messages.error(request, _("Bitte wählen Sie eine Rolle."))
        return members_page(organization)
    try:
        services.membership_change_role(
            membership=membership,
            role=form.cleaned_data["role"],
            actor=Actor.from_request(request),
        )
    except DomainError as error:
        report_domain_error(request, error)
    else:
        messages.success(
            request,
            _("%(person)s ist jetzt %(role)s.")
            % {"person": membership.user, "role": membership.get_role_display()},
        )
    return members_page(organization)


@login_required
@require_http_methods(["GET", "POST"])
def membership_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Remove a person from the organisation, after a confirmation page."""
    organization = selectors.organization_get_for_action(
        user=request.user, slug=slug, check=permissions.can_manage_members
    )
    membership = selectors.membership_get_for_change(
        user=request.user, organization=organization, pk=pk
    )
    if request.method == "POST":
        try:
            services.membership_remove(membership=membership, actor=Actor.from_request(request))
        except DomainError as error:
            report_domain_error(request, error)
        else:
            messages.success(
                request,
                _("%(person)s gehört nicht mehr zu „%(organization)s“.")
                % {"person": membership.user, "organization": organization.name},
            )
        return members_page(organization)
    context = {"organization": organization, "membership": membership, "leaving": False}
    return render(request, "accounts/membership_confirm_remove.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def membership_leave(request: HttpRequest, slug: str) -> HttpResponse:
    """/organisationen/<slug>/austreten/: end one's own membership."""
    organization = selectors.organization_get(slug=slug)
    membership = selectors.membership_get_own(user=request.user, organization=organization)
    if request.method == "POST":
        try:
            services.membership_remove(membership=membership, actor=Actor.from_request(request))
        except DomainError as error:
            report_domain_error(request, error)
            return redirect(organization)
        messages.success(
            request,
            _("Sie gehören nicht mehr zu „%(organization)s“.")
            % {"organization": organization.name},
        )
        return redirect("accounts:profile")
    context = {"organization": organization, "membership": membership, "leaving": True}
    return render(request, "accounts/membership_confirm_remove.html", context)
