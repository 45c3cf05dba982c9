"""An organisation's membership in the primary network."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ikone.accounts import permissions, selectors, services
from ikone.accounts.forms import NetworkMembershipForm
from ikone.accounts.views._helpers import report_domain_error
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError


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
