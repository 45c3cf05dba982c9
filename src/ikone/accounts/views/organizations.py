"""Organisations: public pages, people, invitations, join requests, network membership."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.accounts import permissions, selectors, services
from ikone.accounts.forms import (
    InvitationForm,
    JoinRequestForm,
    MembershipRoleForm,
    MunicipalitySearchForm,
    NetworkMembershipForm,
    OrganizationCreateForm,
    OrganizationEditForm,
    OrganizationFilterForm,
)
from ikone.accounts.models import Organization
from ikone.accounts.signals import OrganizationSection, organization_sections
from ikone.accounts.views._helpers import municipality_url, report_domain_error
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.ratelimit import ratelimit

PAGE_SIZE = 50


def _members_page(organization: Organization) -> HttpResponse:
    return redirect("organizations:members", slug=organization.slug)


@require_safe
def organization_list(request: HttpRequest) -> HttpResponse:
    """/organisationen/: every organisation, searchable, optionally only network members."""
    form = OrganizationFilterForm(request.GET or None)
    query, members_only = "", False
    if form.is_valid():
        query, members_only = form.cleaned_data["q"], form.cleaned_data["mitglied"]
    organizations = selectors.organization_list(query=query, members_only=members_only)
    page = Paginator(organizations, PAGE_SIZE).get_page(request.GET.get("seite"))
    querystring = request.GET.copy()
    querystring.pop("seite", None)
    context = {
        "form": form,
        "page": page,
        "querystring": querystring.urlencode(),
        "network": selectors.network_get_primary(),
    }
    return render(request, "accounts/organization_list.html", context)


@require_safe
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """/organisationen/<slug>/: the public profile; people only for those who may see them."""
    organization = selectors.organization_get_for_detail(slug=slug)
    flags = selectors.organization_flags(user=request.user, organization=organization)
    memberships = getattr(organization, "primary_memberships", [])
    cooperation_members = [
        (member, municipality_url(member.ags)) for member in organization.cooperation_members.all()
    ]
    context = {
        "organization": organization,
        "can": flags,
        "network_membership": memberships[0] if memberships else None,
        "network": selectors.network_get_primary(),
        "municipality_url": (
            municipality_url(organization.municipality.ags) if organization.municipality else None
        ),
        "cooperation_members": cooperation_members,
        "people": (
            selectors.organization_people(organization=organization) if flags.view_people else []
        ),
        "sections": _contributed_sections(request, organization),
    }
    return render(request, "accounts/organization_detail.html", context)


def _contributed_sections(
    request: HttpRequest, organization: Organization
) -> list[OrganizationSection]:
    responses: list[tuple[Any, Any]] = organization_sections.send(
        sender=Organization, organization=organization, user=request.user
    )
    sections = [
        section for _receiver, section in responses if isinstance(section, OrganizationSection)
    ]
    return sorted(sections, key=lambda section: section.order)


def _create_search(request: HttpRequest) -> HttpResponse:
    form = MunicipalitySearchForm(request.GET if "q" in request.GET else None)
    results = []
    if form.is_valid():
        results = selectors.municipality_search_without_organization(query=form.cleaned_data["q"])
    context = {"form": form, "results": results, "searched": form.is_bound}
    return render(request, "accounts/organization_create_search.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@ratelimit(scope="accounts.organization_create", rate="5/h,20/d", key="user")
def organization_create(request: HttpRequest) -> HttpResponse:
    """/organisationen/neu/: find one's municipality, then register its organisation
    and become its Ansprechperson."""
    ags = request.POST.get("ags") or request.GET.get("ags")
    if not ags:
        return _create_search(request)
    municipality = selectors.municipality_get_for_new_organization(ags=ags)
    existing = selectors.organization_for_municipality(municipality=municipality)
    if existing is not None:
        messages.info(
            request,
            _(
                "Für %(municipality)s gibt es schon eine Organisation. Fragen Sie hier den Beitritt an."
            )
            % {"municipality": municipality.name},
        )
        return redirect(existing)
    initial = {
        "name": services.organization_default_name(municipality),
        "kind": services.organization_kind_for(municipality),
    }
    form = OrganizationCreateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            organization = services.organization_create(
                municipality=municipality, actor=Actor.from_request(request), **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("„%(organization)s“ ist angelegt. Sie sind ihre Ansprechperson.")
                % {"organization": organization.name},
            )
            return redirect(organization)
    context = {"form": form, "municipality": municipality}
    return render(
        request, "accounts/organization_create.html", context, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def organization_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """/organisationen/<slug>/bearbeiten/: Ansprechpersonen and coordinators edit the profile."""
    organization = selectors.organization_get_for_action(
        user=request.user, slug=slug, check=permissions.can_edit_organization
    )
    initial = {
        "description": organization.description,
        "website": organization.website,
        "email": organization.email,
    }
    form = OrganizationEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.organization_update(
            organization=organization, actor=Actor.from_request(request), **form.cleaned_data
        )
        messages.success(request, _("Das Profil wurde gespeichert."))
        return redirect(organization)
    return render(
        request,
        "accounts/organization_edit.html",
        {"organization": organization, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_safe
def organization_members(request: HttpRequest, slug: str) -> HttpResponse:
    """/organisationen/<slug>/personen/: people, open invitations and join requests."""
    organization = selectors.organization_get_for_action(
        user=request.user, slug=slug, check=permissions.can_manage_members
    )
    people = [
        (
            membership,
            MembershipRoleForm(initial={"role": membership.role}, prefix=f"m{membership.pk}"),
        )
        for membership in selectors.organization_people(organization=organization)
    ]
    context = {
        "organization": organization,
        "people": people,
        "invitations": selectors.invitation_list_pending_for_organization(
            organization=organization
        ),
        "join_requests": selectors.join_request_list_pending_for_organization(
            organization=organization
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
        return _members_page(organization)
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
    return _members_page(organization)


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
        return _members_page(organization)
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


@login_required
@require_http_methods(["GET", "POST"])
@ratelimit(scope="accounts.invitation_create", rate="20/h,100/d", key="user")
def invitation_create(request: HttpRequest, slug: str) -> HttpResponse:
    """/organisationen/<slug>/einladen/: invite a colleague by e-mail."""
    organization = selectors.organization_get_for_action(
        user=request.user, slug=slug, check=permissions.can_invite_to_organization
    )
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                organization=organization, actor=Actor.from_request(request), **form.cleaned_data
            )
        except DomainError as error:
            form.add_error("email", error.message)
        else:
            messages.success(
                request,
                _("Die Einladung an %(email)s ist verschickt.") % {"email": invitation.email},
            )
            return _members_page(organization)
    return render(
        request,
        "accounts/invitation_form.html",
        {"organization": organization, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Withdraw an open invitation (POST from the people page)."""
    organization = selectors.organization_get_for_action(
        user=request.user, slug=slug, check=permissions.can_invite_to_organization
    )
    invitation = selectors.invitation_get_for_revoke(
        user=request.user, organization=organization, pk=pk
    )
    try:
        services.invitation_revoke(invitation=invitation, actor=Actor.from_request(request))
    except DomainError as error:
        report_domain_error(request, error)
    else:
        messages.success(
            request,
            _("Die Einladung an %(email)s wurde zurückgezogen.") % {"email": invitation.email},
        )
    return _members_page(organization)


@login_required
@require_http_methods(["GET", "POST"])
@ratelimit(scope="accounts.join_request_create", rate="10/h,30/d", key="user")
def join_request_create(request: HttpRequest, slug: str) -> HttpResponse:
    """/organisationen/<slug>/beitreten/: ask to join an organisation."""
    organization = selectors.organization_get_for_action(
        user=request.user, slug=slug, check=permissions.can_request_to_join
    )
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.join_request_create(
                organization=organization,
                message=form.cleaned_data["message"],
                actor=Actor.from_request(request),
            )
        except DomainError as error:
            report_domain_error(request, error)
        else:
            messages.success(
                request,
                _(
                    "Ihre Anfrage ist bei „%(organization)s“ angekommen. Sie erhalten eine "
                    "E-Mail, sobald darüber entschieden ist."
                )
                % {"organization": organization.name},
            )
        return redirect(organization)
    return render(
        request,
        "accounts/join_request_form.html",
        {"organization": organization, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def join_request_decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Accept or decline a join request (POST `decision=approve|decline`)."""
    organization = selectors.organization_get_for_action(
        user=request.user, slug=slug, check=permissions.can_manage_members
    )
    join_request = selectors.join_request_get_for_decision(
        user=request.user, organization=organization, pk=pk
    )
    decision = request.POST.get("decision")
    actor = Actor.from_request(request)
    try:
        if decision == "approve":
            services.join_request_approve(join_request=join_request, actor=actor)
            text = _("%(person)s gehört jetzt zu „%(organization)s“.")
        elif decision == "decline":
            services.join_request_decline(join_request=join_request, actor=actor)
            text = _("Die Anfrage von %(person)s wurde abgelehnt.")
        else:
            messages.error(request, _("Bitte wählen Sie „Annehmen“ oder „Ablehnen“."))
            return _members_page(organization)
    except DomainError as error:
        report_domain_error(request, error)
    else:
        messages.success(
            request, text % {"person": join_request.user, "organization": organization.name}
        )
    return _members_page(organization)


@login_required
@require_http_methods(["GET", "POST"])
def network_membership(request: HttpRequest, slug: str) -> HttpResponse:
    """/organisationen/<slug>/mitgliedschaft/: coordinators record the membership
    in the primary network (POST `action=save` or `action=remove`)."""
    organization = selectors.organization_get_for_action(
        user=request.user, slug=slug, check=permissions.can_record_network_membership
    )
    current = selectors.network_membership_get_primary(organization=organization)
    actor = Actor.from_request(request)
    if request.method == "POST" and request.POST.get("action") == "remove":
        services.network_membership_remove(organization=organization, actor=actor)
        messages.success(request, _("Der Eintrag zur Netzwerkmitgliedschaft wurde entfernt."))
        return redirect(organization)
    initial = {}
    if current is not None:
        initial = {
            "status": current.status,
            "member_since": current.member_since,
            "member_since_precision": current.member_since_precision,
            "member_until": current.member_until,
            "note": current.note,
        }
    form = NetworkMembershipForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.network_membership_record(
                organization=organization, actor=actor, **form.cleaned_data
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Die Netzwerkmitgliedschaft wurde gespeichert."))
            return redirect(organization)
    context = {
        "organization": organization,
        "form": form,
        "current": current,
        "network": selectors.network_get_primary(),
    }
    return render(
        request,
        "accounts/network_membership_form.html",
        context,
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def network_membership_apply(request: HttpRequest, slug: str) -> HttpResponse:
    """An Ansprechperson asks for membership in the primary network (POST)."""
    organization = selectors.organization_get_for_action(
        user=request.user, slug=slug, check=permissions.can_apply_for_network_membership
    )
    try:
        services.network_membership_apply(
            organization=organization, actor=Actor.from_request(request)
        )
    except DomainError as error:
        report_domain_error(request, error)
    else:
        messages.success(
            request,
            _("Ihr Antrag ist bei der Netzwerkkoordination angekommen."),
        )
    return redirect(organization)
