"""Invitations into an organisation and requests to join it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ikone.accounts import permissions, selectors, services
from ikone.accounts.forms import InvitationForm, JoinRequestForm
from ikone.accounts.views._helpers import members_page, report_domain_error
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.ratelimit import ratelimit


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
            return members_page(organization)
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
        user=request.user, slug=slug, check=permissions.can_manage_members
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
    return members_page(organization)


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
            return members_page(organization)
    except DomainError as error:
        report_domain_error(request, error)
    else:
        messages.success(
            request, text % {"person": join_request.user, "organization": organization.name}
        )
    return members_page(organization)
