"""/loesungen/empfehlungen/: solutions for the signed-in person's
organisation, or for any municipality with ?ags= (also for visitors)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ikone.accounts.models import Organization
from ikone.accounts.permissions import is_network_coordinator
from ikone.core.audit import Actor
from ikone.core.pagecache import memo
from ikone.municipalities.models import Municipality
from ikone.solutions import permissions, selectors
from ikone.solutions.forms import InterestForm, PlaceForm
from ikone.solutions.models import InterestProfile
from ikone.solutions.recommendations import SEMANTIC_CACHE_SECONDS, Place, recommend_memoised
from ikone.solutions.services.interests import interest_profile_save

TEMPLATE = "solutions/recommendations.html"
MEMO_PREFIX = "solutions:recommendations-page:v1"


def _own_organization(request: HttpRequest) -> Organization | None:
    ids = permissions.organization_ids_of(request.user)
    if not ids:
        return None
    queryset = Organization.objects.filter(pk__in=ids).select_related("municipality")
    chosen = request.GET.get("organisation") or request.POST.get("organisation")
    return (queryset.filter(slug=chosen).first() if chosen else None) or queryset.order_by(
        "name"
    ).first()


def _place(request: HttpRequest) -> tuple[Place | None, PlaceForm]:
    form = PlaceForm(request.GET if "ags" in request.GET else None)
    if form.is_bound:
        if form.is_valid():
            unit = Municipality.objects.filter(ags=form.cleaned_data["ags"]).first()
            if unit is None:
                form.add_error("ags", _("Zu diesem Schlüssel gibt es keine Kommune."))
                return None, form
            organization = Organization.objects.filter(municipality=unit).first()
            return Place(municipality=unit, organization=organization), form
        return None, form
    organization = _own_organization(request)
    if organization is None:
        return None, form
    return Place(municipality=organization.municipality, organization=organization), form


def _context(request: HttpRequest) -> tuple[dict[str, Any], Organization | None, bool]:
    """The page's context (the interest form bound to a POST), the
    organisation it is about and whether the person may say its interests."""
    place, place_form = _place(request)
    organization = place.organization if place else None
    can_edit = organization is not None and permissions.can_edit_interests(
        request.user, organization
    )
    profile = (
        InterestProfile.objects.filter(organization=organization)
        .prefetch_related("fields_of_action")
        .first()
        if organization
        else None
    )
    declared = list(profile.fields_of_action.all()) if profile else []
    interest_form = InterestForm(
        request.POST if request.method == "POST" else None,
        initial={"fields_of_action": declared, "needs": profile.needs if profile else ""},
        fields_of_action=selectors.catalogue_choices().fields_of_action if can_edit else None,
    )
    context: dict[str, Any] = {
        "place": place,
        "place_form": place_form,
        "interest_form": interest_form if can_edit else None,
        "results": recommend_memoised(place) if place else [],
    }
    return context, organization, can_edit


@require_http_methods(["GET", "POST"])
def recommendations(request: HttpRequest) -> HttpResponse:
    """The ranked solutions with reasons; the organisation's people may say
    what they look for (fields of action, needs) in a small form.

    On GET the content below the layout is a memo (ADR 0006, issue 15) with
    the CSRF token put in per request, keyed by the person (their
    organisations, chosen with ?organisation=, and their right to say the
    interests), the coordinator flag (which gives that right for every
    organisation) and the query string (?ags=, ?organisation=). It is
    computed anew when a table it was read from changes: memberships,
    organisations, municipalities, interest profiles and what the
    recommendations read; like them, at the latest after
    SEMANTIC_CACHE_SECONDS (their semantic hits come from a cache of their
    own)."""
    if request.method == "POST":
        return _save_interests(request)
    user = request.user
    parts = (user.pk, is_network_coordinator(user), sorted(request.GET.lists()))
    content = memo.content(
        request,
        TEMPLATE,
        lambda _token: _context(request)[0],
        MEMO_PREFIX,
        parts,
        timeout=SEMANTIC_CACHE_SECONDS,
    )
    return render(request, TEMPLATE, {"content_html": content})


def _save_interests(request: HttpRequest) -> HttpResponse:
    context, organization, can_edit = _context(request)
    if organization is None or not can_edit:
        return HttpResponse(status=403)
    interest_form = context["interest_form"]
    if interest_form.is_valid():
        interest_profile_save(
            organization=organization,
            fields_of_action=list(interest_form.cleaned_data["fields_of_action"]),
            needs=interest_form.cleaned_data["needs"],
            actor=Actor.from_request(request),
        )
        messages.success(request, _("Ihre Interessen sind gespeichert."))
        return redirect(f"{request.path}?organisation={organization.slug}")
    # The refused form as typed: rendered anew, not kept.
    content = memo.content(request, TEMPLATE, lambda _token: context, MEMO_PREFIX, None)
    return render(request, TEMPLATE, {"content_html": content}, status=400)
