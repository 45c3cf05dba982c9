"""The person's own account: profile, data export, deletion, invitations."""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from ikone.accounts import profile_page, selectors, services
from ikone.accounts.adapter import INVITATION_SESSION_KEY
from ikone.accounts.forms import AccountDeleteForm, ProfileForm
from ikone.accounts.views._helpers import current_user, report_domain_error
from ikone.core.audit import Actor
from ikone.core.datetimes import filename_date
from ikone.core.exceptions import DomainError
from ikone.core.ratelimit import ratelimit


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    """/konto/profil/: own details, organisations, invitations, account links
    (a memo without a refused form, `accounts.profile_page`)."""
    user = current_user(request)
    if request.method != "POST":
        content = profile_page.content_html(request, user)
        return render(request, profile_page.TEMPLATE, {"content_html": content})
    form = ProfileForm(request.POST or None, initial=profile_page.initial_of(user))
    if form.is_valid():
        services.profile_update(user=user, actor=Actor.from_request(request), **form.cleaned_data)
        messages.success(request, _("Ihre Angaben wurden gespeichert."))
        return redirect("accounts:profile")
    content = profile_page.content_html(request, user, form)
    status = 400 if form.errors else 200
    return render(request, profile_page.TEMPLATE, {"content_html": content}, status=status)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@ratelimit(scope="accounts.export", rate="10/h", key="user")
def data_export(request: HttpRequest) -> HttpResponse:
    """/konto/export/: explain, then download everything stored about oneself as JSON."""
    user = current_user(request)
    if request.method == "GET":
        return render(request, "accounts/data_export.html")
    data = services.user_export(user=user, actor=Actor.from_request(request))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    filename = f"ikone-meine-daten-{filename_date()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
@ratelimit(scope="accounts.delete", rate="5/10m", key="user")
def account_delete(request: HttpRequest) -> HttpResponse:
    """/konto/loeschen/: delete one's own account after confirming the password."""
    user = current_user(request)
    form = AccountDeleteForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_delete(user=user, actor=Actor.from_request(request))
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            logout(request)
            messages.success(request, _("Ihr Konto wurde gelöscht."))
            return redirect("/")
    context = {
        "form": form,
        "blockers": selectors.contact_person_blockers(user=user),
        "orphaned": selectors.organizations_only_member(user=user),
        "memberships": selectors.membership_list_for_user(user=user),
    }
    return render(
        request, "accounts/account_delete.html", context, status=400 if form.errors else 200
    )


@never_cache
@require_http_methods(["GET", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """/konto/einladung/<token>/: show an invitation; signed in, accept it.

    Opening a working link proves access to the invited mailbox, so a sign-up
    with that address needs no second confirmation mail."""
    invitation = selectors.invitation_get_by_token(token=token)
    if not request.user.is_authenticated:
        if invitation.is_pending:
            get_adapter(request).stash_verified_email(request, invitation.email)
            request.session[INVITATION_SESSION_KEY] = token
        return render(request, "accounts/invitation.html", {"invitation": invitation})
    if request.method == "POST":
        try:
            services.invitation_accept(invitation=invitation, actor=Actor.from_request(request))
        except DomainError as error:
            report_domain_error(request, error)
            return redirect("accounts:invitation", token=token)
        request.session.pop(INVITATION_SESSION_KEY, None)
        messages.success(
            request,
            _("Willkommen! Sie gehören jetzt zu „%(organization)s“.")
            % {"organization": invitation.organization.name},
        )
        return redirect(invitation.organization)
    user = current_user(request)
    context = {
        "invitation": invitation,
        "email_matches": invitation.email.lower() in selectors.verified_emails(user=user),
    }
    return render(request, "accounts/invitation.html", context)
