"""Recording an adoption: /loesungen/<slug>/uebernahme/."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ikone.accounts.models import Organization
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.solutions import permissions
from ikone.solutions.forms import AdoptionForm
from ikone.solutions.services.adoptions import adoption_record
from ikone.solutions.views.editing import _solution_or_404


@login_required
@require_http_methods(["GET", "POST"])
def adoption_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Record that one's organisation adopts the published solution."""
    solution = _solution_or_404(request, slug)
    owners = [organization.pk for organization in solution.organizations.all()]
    organizations = (
        Organization.objects.filter(pk__in=permissions.organization_ids_of(request.user))
        .exclude(pk__in=owners)
        .order_by("name")
    )
    if not solution.is_published or not organizations.exists():
        raise PermissionDenied
    form = AdoptionForm(request.POST or None, organizations=organizations)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                adoption_record(
                    solution=solution,
                    organization=form.cleaned_data["organization"],
                    status=form.cleaned_data["status"],
                    since=form.cleaned_data["since"],
                    experience=form.cleaned_data["experience"],
                    visibility=form.cleaned_data["visibility"],
                    actor=Actor.from_request(request),
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Die Übernahme ist eingetragen. Danke!"))
                return redirect(f"{solution.get_absolute_url()}#uebernahmen")
        status = 400
    context = {"form": form, "solution": solution}
    return render(request, "solutions/adoption_form.html", context, status=status)
