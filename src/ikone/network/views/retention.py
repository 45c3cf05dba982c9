"""/netzwerk/aufbewahrung/: the retention period per data category, set by
coordinators, with the last runs (counts only)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from ikone.core import retention
from ikone.core.audit import Actor
from ikone.network import services
from ikone.network.models import RetentionRun
from ikone.network.permissions import can_manage_retention


class RetentionForm(forms.Form):
    """One number of days per registered rule, at least its minimum."""

    def __init__(self, *args: object, current: dict[str, int], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for rule in retention.rules():
            self.fields[rule.key] = forms.IntegerField(
                label=str(rule.label),
                min_value=rule.minimum_days,
                max_value=36500,
                initial=current.get(rule.key, rule.default_days),
                help_text=gettext_lazy("%(description)s Standard: %(days)d Tage.")
                % {"description": rule.description, "days": rule.default_days},
            )


@login_required
@require_http_methods(["GET", "POST"])
def retention_settings(request: HttpRequest) -> HttpResponse:
    if not can_manage_retention(request.user):
        raise PermissionDenied
    form = RetentionForm(request.POST or None, current=services.retention_days())
    if request.method == "POST" and form.is_valid():
        services.retention_periods_set(actor=Actor.from_request(request), days=form.cleaned_data)
        messages.success(request, _("Die Aufbewahrungsfristen wurden gespeichert."))
        return redirect("network:retention")
    runs = list(RetentionRun.objects.order_by("-ran_at", "rule")[:30])
    context = {"form": form, "runs": runs}
    return render(request, "network/retention.html", context, status=400 if form.errors else 200)
