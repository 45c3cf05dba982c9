"""Django admin of the qa app: the interpretation help's thesaurus, which
coordinators keep (docs/search.md). Two people editing the same group
cannot overwrite each other silently: saving checks the time the editor
started from."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ikone.accounts.admin import CoordinatorAccessMixin
from ikone.core.datetimes import iso
from ikone.qa.models import SynonymGroup


class SynonymGroupForm(forms.ModelForm):
    seen_updated_at = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = SynonymGroup
        fields = ["expressions", "note"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["seen_updated_at"] = iso(self.instance.updated_at)

    def clean_expressions(self) -> str:
        parts = [part.strip() for part in self.cleaned_data["expressions"].split(",")]
        parts = [part for part in parts if part]
        if len(parts) < 2:
            raise forms.ValidationError(
                _("Bitte mindestens zwei Ausdrücke angeben, durch Komma getrennt.")
            )
        return ", ".join(parts)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.instance.pk:
            stored = (
                SynonymGroup.objects.filter(pk=self.instance.pk)
                .values_list("updated_at", flat=True)
                .first()
            )
            seen = cleaned.get("seen_updated_at") or ""
            if stored is not None and seen != iso(stored):
                raise forms.ValidationError(
                    _(
                        "Jemand hat diese Gruppe inzwischen geändert. Bitte die Seite neu "
                        "laden und die Änderung noch einmal eintragen."
                    )
                )
        return cleaned


@admin.register(SynonymGroup)
class SynonymGroupAdmin(CoordinatorAccessMixin, admin.ModelAdmin):
    form = SynonymGroupForm
    list_display = ["expressions", "note", "updated_at"]
    search_fields = ["expressions", "note"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._coordinator(request) or super().has_delete_permission(request, obj)
