"""Organisations: the public list and page, registering and editing one."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ikone.accounts import permissions, selectors, services
from ikone.accounts.forms import (
    MunicipalitySearchForm,
    OrganizationCreateForm,
    OrganizationEditForm,
    OrganizationFilterForm,
)
from ikone.accounts.models import Organization
from ikone.accounts.organization_results import PAGE_SIZE, organization_results
from ikone.accounts.signals import OrganizationSection, organization_sections
from ikone.accounts.structured_data import organization_json_ld
from ikone.accounts.views._helpers import municipality_url
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.ratelimit import ratelimit
from ikone.core.seo.meta import json_ld


@require_safe
def organization_list(request: HttpRequest) -> HttpResponse:
    """/organisationen/: every organisation, searchable, optionally only network members."""
    form = OrganizationFilterForm(request.GET or None)
    query, members_only = "", False
    if form.is_valid():
        query, members_only = form.cleaned_data["q"], form.cleaned_data["mitglied"]
    results = organization_results(
        query=query, members_only=members_only, page=request.GET.get("seite") or ""
    )
    # Count, rows and network come from a memo; the paginator only numbers
    # the pages for the navigation (a range: nothing reads its rows).
    paginator = Paginator(range(results.count), PAGE_SIZE)
    querystring = request.GET.copy()
    querystring.pop("seite", None)
    context = {
        "form": form,
        "page": paginator.page(results.number),
        "rows": results.rows,
        "querystring": querystring.urlencode(),
        "network": results.network,
    }
    return render(request, "accounts/organization_list.html", context)


@require_safe
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """/organisationen/<slug>/: the public profile; people only for those who may see them."""
    organization = selectors.organization_get_for_detail(slug=slug, user=request.user)
    flags = selectors.organization_flags(user=request.user, organization=organization)
    memberships = getattr(organization, "primary_memberships", [])
    membership = memberships[0] if memberships else None
    # A member's record already carries the primary network (select_related).
    network = membership.network if membership else selectors.network_get_primary()
    cooperation_members = [
        (member, municipality_url(member.ags)) for member in organization.cooperation_members.all()
    ]
    context = {
        "organization": organization,
        "can": flags,
        "network_membership": membership,
        "network": network,
        "municipality_url": (
            municipality_url(organization.municipality.ags) if organization.municipality else None
        ),
        "cooperation_members": cooperation_members,
        "people": (
            selectors.organization_people(organization=organization) if flags.view_people else []
        ),
        "sections": _contributed_sections(request, organization),
        "json_ld": json_ld(
            organization_json_ld(
                organization, request=request, network=network, membership=membership
            )
        ),
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
