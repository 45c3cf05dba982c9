"""/bewerbungen/<id>/finanzierung/: the financing plan of a draft.

Everyone who may read the draft sees the plan; its organisation's people
change it while the draft is editable. Every change carries the version it
was based on; a colleague's change in between is reported, not overwritten.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ikone.applications import permissions, selectors, selectors_plan
from ikone.applications.financing import format_eur, format_percent, matrix
from ikone.applications.forms_plan import (
    ConfirmForm,
    CostItemForm,
    FinancingSettingsForm,
    add_validation_errors,
)
from ikone.applications.models import CostCategory, CostItem, Draft
from ikone.applications.services import financing as services
from ikone.applications.views._helpers import content_html, fresh_draft
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError


def _page(draft: Draft) -> HttpResponse:
    return redirect("applications:financing", pk=draft.pk)


def _item(draft: Draft, item_pk: int) -> CostItem:
    item = CostItem.objects.select_related("phase").filter(pk=item_pk, draft_id=draft.pk).first()
    if item is None:
        raise Http404
    item.draft = draft
    return item


PLAN_TEMPLATE = "applications/financing/plan.html"


def _plan_page(
    request: HttpRequest, draft: Draft, status: int = 200, **extra: Any
) -> HttpResponse:
    """The plan page; unless a form comes with errors (`extra`), its content
    is a memo per draft and right to edit (the plan's version in the
    settings form comes from its table, which invalidates the memo)."""
    can_edit = permissions.can_edit_draft(request.user, draft)
    html = content_html(
        request,
        PLAN_TEMPLATE,
        lambda token: _context(fresh_draft(request, draft, token), can_edit, **extra),
        None if extra else (draft.pk, can_edit),
    )
    return render(request, PLAN_TEMPLATE, {"draft": draft, "content_html": html}, status=status)


def _context(draft: Draft, can_edit: bool, **extra: Any) -> dict[str, Any]:
    overview = selectors_plan.financing_overview(draft=draft)
    summary = overview.summary
    categories = dict(CostCategory.choices)
    context = {
        "draft": draft,
        "overview": overview,
        "summary": summary,
        "can_edit": can_edit,
        "money": {
            "total": format_eur(summary.total),
            "federal": format_eur(summary.federal),
            "own": format_eur(summary.own),
        },
        "rate": format_percent(summary.rate) if overview.rates else None,
        "normal_rate": format_percent(overview.rates.federal) if overview.rates else None,
        "emergency_rate": (
            format_percent(overview.rates.federal_budget_emergency)
            if overview.rates and overview.rates.federal_budget_emergency is not None
            else None
        ),
        "year_rows": [(year, format_eur(amount)) for year, amount in summary.by_year.items()],
        "phase_rows": [
            (
                row.label,
                [format_eur(cell) for cell in cells],
                format_eur(row.total),
                format_eur(row.federal),
                format_eur(row.own),
            )
            for row, cells in matrix(summary)
        ],
        "items": [(item, format_eur(item.amount)) for item in overview.items],
        "category_rows": [
            (categories.get(key, key), format_eur(amount))
            for key, amount in summary.by_category.items()
        ],
    }
    if can_edit:
        context.setdefault("form", CostItemForm(phases=overview.phases))
        context.setdefault(
            "settings_form",
            FinancingSettingsForm(
                initial={
                    "budget_emergency": overview.plan.budget_emergency,
                    "budget_emergency_note": overview.plan.budget_emergency_note,
                    "version": overview.plan.version,
                }
            ),
        )
    context.update(extra)
    return context


@login_required
@require_safe
def financing_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan: cost items, totals per phase and year, shares, findings."""
    draft = selectors.draft_get_for_view(user=request.user, pk=pk)
    return _plan_page(request, draft)


@login_required
@require_POST
def cost_item_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a cost item; on errors the plan page shows the form as typed."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_edit_draft
    )
    phases = selectors_plan.call_phases(draft.call)
    form = CostItemForm(request.POST, phases=phases)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.cost_item_create(
                draft=draft,
                actor=Actor.from_request(request),
                category=data["category"],
                measure=data["measure"],
                phase=data["phase"],
                year=data["year"],
                amount=data["amount"],
                note=data["note"],
            )
        except ValidationError as error:
            add_validation_errors(form, error)
        else:
            messages.success(
                request,
                _("Kostenposition „%(measure)s“ hinzugefügt.") % {"measure": data["measure"]},
            )
            return _page(draft)
    return _plan_page(request, draft, status=400, form=form)


@login_required
@require_http_methods(["GET", "POST"])
def cost_item_edit(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Change one cost item (optimistic locking on its version)."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_edit_draft
    )
    item = _item(draft, item_pk)
    phases = selectors_plan.call_phases(draft.call)
    if request.method == "POST":
        form = CostItemForm(request.POST, phases=phases)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.cost_item_update(
                    item=item,
                    based_on=data["version"] or 0,
                    actor=Actor.from_request(request),
                    category=data["category"],
                    measure=data["measure"],
                    phase=data["phase"],
                    year=data["year"],
                    amount=data["amount"],
                    note=data["note"],
                )
            except ValidationError as error:
                add_validation_errors(form, error)
            except DomainError:
                return _conflict(request, draft, item_pk, phases)
            else:
                messages.success(request, _("Kostenposition gespeichert."))
                return _page(draft)
        status = 400
    else:
        form = CostItemForm(
            phases=phases,
            initial={
                "measure": item.measure,
                "category": item.category,
                "phase": item.phase_id,
                "year": item.year,
                "amount": item.amount,
                "note": item.note,
                "version": item.version,
            },
        )
        status = 200
    context = {"draft": draft, "item": item, "form": form}
    return render(request, "applications/financing/item_form.html", context, status=status)


def _conflict(request: HttpRequest, draft: Draft, item_pk: int, phases: list[Any]) -> HttpResponse:
    """A colleague changed the item meanwhile: show their state next to what
    the person typed, which now carries the current version, so that a
    second save replaces the colleague's state knowingly."""
    current = CostItem.objects.select_related("phase", "updated_by").filter(pk=item_pk).first()
    if current is None:
        messages.error(request, _("Diese Kostenposition wurde inzwischen gelöscht."))
        return _page(draft)
    data = request.POST.copy()
    data["version"] = str(current.version)
    form = CostItemForm(data, phases=phases)
    form.is_valid()
    context = {
        "draft": draft,
        "item": current,
        "form": form,
        "current": current,
        "current_amount": format_eur(current.amount),
    }
    return render(request, "applications/financing/item_form.html", context, status=409)


@login_required
@require_http_methods(["GET", "POST"])
def cost_item_delete(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    """Confirm and delete one cost item."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_edit_draft
    )
    item = _item(draft, item_pk)
    form = ConfirmForm(request.POST or None, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.cost_item_delete(
                item=item, based_on=form.cleaned_data["version"], actor=Actor.from_request(request)
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("Kostenposition „%(measure)s“ gelöscht.") % {"measure": item.measure}
            )
        return _page(draft)
    context = {"draft": draft, "item": item, "amount": format_eur(item.amount), "form": form}
    return render(request, "applications/financing/item_delete.html", context)


@login_required
@require_POST
def financing_settings(request: HttpRequest, pk: int) -> HttpResponse:
    """Set or clear the budget emergency (the call's higher rate)."""
    draft = selectors.draft_get_for_action(
        user=request.user, pk=pk, check=permissions.can_edit_draft
    )
    form = FinancingSettingsForm(request.POST)
    if form.is_valid():
        try:
            services.financing_plan_update(
                draft=draft,
                based_on=form.cleaned_data["version"],
                actor=Actor.from_request(request),
                budget_emergency=form.cleaned_data["budget_emergency"],
                budget_emergency_note=form.cleaned_data["budget_emergency_note"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Angaben zur Haushaltslage gespeichert."))
        return _page(draft)
    return _plan_page(request, draft, status=400, settings_form=form)
