"""Django admin for funding calls.

Coordinators (staff with `is_coordinator`) edit a call's facts with inlines
for dates, phases, required documents and criteria. Documents and criteria
are retired, never deleted, and retiring ones that drafts use asks for a
confirmation naming the number of drafts affected (`CallItemFormSet`). Concurrent edits are
refused instead of silently overwritten (`Call.revision`). The text is
versioned: published sections are read-only here; a new version is
published on the amendment page (link on each call, admin action
"Neue Fassung veröffentlichen").
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ikone.accounts.admin import CoordinatorAccessMixin
from ikone.calls.models import (
    Call,
    CallMilestone,
    CallPhase,
    CallSection,
    CallVersion,
    EvaluationCriterion,
    RequiredDocument,
)
from ikone.calls.usage import drafts_using
from ikone.core import audit
from ikone.core.audit import Actor


class CoordinatorInlineMixin:
    def _coordinator(self, request: HttpRequest) -> bool:
        from ikone.calls.permissions import can_manage_calls

        return bool(request.user.is_staff and can_manage_calls(request.user))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._coordinator(request) or super().has_view_permission(request, obj)  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._coordinator(request) or super().has_change_permission(request, obj)  # type: ignore[misc]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._coordinator(request) or super().has_add_permission(request, obj)  # type: ignore[misc]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._coordinator(request) or super().has_delete_permission(request, obj)  # type: ignore[misc]


class MilestoneInline(CoordinatorInlineMixin, admin.TabularInline):
    model = CallMilestone
    extra = 0
    fields = ["position", "date", "label", "note"]


class PhaseInline(CoordinatorInlineMixin, admin.StackedInline):
    model = CallPhase
    extra = 0
    fields = [
        ("position", "key", "name"),
        ("duration_months", "duration_note", "max_eligible_costs"),
        "description",
    ]


CONFIRM_FIELD = "confirm_affected_drafts"


class CallItemFormSet(forms.BaseInlineFormSet):
    """Documents and criteria are never deleted here (drafts point at them);
    they are retired. Retiring items that drafts use needs the editor's
    confirmation (the checkbox `CONFIRM_FIELD` of the call form), after
    being told how many drafts are affected; their uploads and scores stay."""

    def clean(self) -> None:
        super().clean()
        retiring = [
            form.instance.pk
            for form in self.forms
            if form.instance.pk
            and "retired" in form.changed_data
            and form.cleaned_data.get("retired")
        ]
        affected = drafts_using(self.model, retiring) if self.model else 0
        if affected and not self.data.get(CONFIRM_FIELD):
            raise forms.ValidationError(
                ngettext(
                    "„Nicht mehr gefordert“ betrifft %(count)s Bewerbungsentwurf. Seine "
                    "Uploads und Einschätzungen bleiben erhalten und werden dort als „nicht "
                    "mehr gefordert“ gezeigt. Bestätigen Sie oben unter „Änderungen "
                    "bestätigen“ und speichern Sie erneut.",
                    "„Nicht mehr gefordert“ betrifft %(count)s Bewerbungsentwürfe. Ihre "
                    "Uploads und Einschätzungen bleiben erhalten und werden dort als „nicht "
                    "mehr gefordert“ gezeigt. Bestätigen Sie oben unter „Änderungen "
                    "bestätigen“ und speichern Sie erneut.",
                    affected,
                )
                % {"count": affected},
                code="drafts_affected",
            )


class RequiredDocumentInline(CoordinatorInlineMixin, admin.TabularInline):
    model = RequiredDocument
    formset = CallItemFormSet
    extra = 0
    can_delete = False  # retire instead: drafts' uploads point at documents
    fields = ["position", "key", "title", "description", "mandatory", "stage", "retired"]


class CriterionInline(CoordinatorInlineMixin, admin.TabularInline):
    model = EvaluationCriterion
    formset = CallItemFormSet
    extra = 0
    can_delete = False  # retire instead: drafts' scores point at criteria
    fields = ["position", "key", "group", "title", "description", "weight", "retired"]


class CallAdminForm(forms.ModelForm):
    """Carries the revision the editor started from; saving a call that
    someone else saved in between is refused with the other's changes
    kept."""

    seen_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    confirm_affected_drafts = forms.BooleanField(
        label=_("Änderung trotz betroffener Entwürfe speichern"),
        required=False,
        help_text=_(
            "Nötig, wenn Sie Unterlagen oder Kriterien als „nicht mehr gefordert“ markieren, "
            "die Entwürfe schon verwenden; die Seite nennt dann deren Zahl."
        ),
    )

    class Meta:
        model = Call
        fields = [
            "title",
            "slug",
            "programme",
            "funder",
            "theme",
            "status",
            "is_example",
            "summary",
            "eligibility",
            "published_on",
            "deadline",
            "total_budget",
            "federal_share",
            "federal_share_budget_emergency",
            "max_grant",
            "min_grant",
            "funding_note",
            "fields_of_action",
            "sources",
        ]

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["seen_revision"].initial = self.instance.revision

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.instance.pk:
            seen = data.get("seen_revision")
            current = (
                Call.objects.filter(pk=self.instance.pk).values_list("revision", flat=True).first()
            )
            if seen is None or current != seen:
                raise forms.ValidationError(
                    _(
                        "Jemand anderes hat diesen Aufruf inzwischen gespeichert. Laden Sie die "
                        "Seite neu und übernehmen Sie Ihre Änderungen dann erneut."
                    )
                )
        return data


@admin.register(Call)
class CallAdmin(CoordinatorAccessMixin, admin.ModelAdmin):
    form = CallAdminForm
    list_display = ["title", "status", "deadline", "is_example", "version_number"]
    list_filter = ["status", "is_example"]
    search_fields = ["title", "slug", "programme"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["fields_of_action"]
    inlines = [MilestoneInline, PhaseInline, RequiredDocumentInline, CriterionInline]
    readonly_fields = ["current_version_link", "revision"]
    actions = ["publish_new_version"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "programme",
                    "funder",
                    "theme",
                    "status",
                    "is_example",
                    "summary",
                    "eligibility",
                ]
            },
        ),
        (_("Fristen"), {"fields": ["published_on", "deadline"]}),
        (
            _("Förderung"),
            {
                "fields": [
                    "total_budget",
                    ("federal_share", "federal_share_budget_emergency"),
                    ("max_grant", "min_grant"),
                    "funding_note",
                ]
            },
        ),
        (_("Einordnung"), {"fields": ["fields_of_action", "sources"]}),
        (_("Text"), {"fields": ["current_version_link", "revision", "seen_revision"]}),
        (_("Änderungen bestätigen"), {"fields": [CONFIRM_FIELD]}),
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Call]:
        return super().get_queryset(request).select_related("current_version")

    @admin.display(description=_("Fassung"))
    def version_number(self, obj: Call) -> int | None:
        return obj.current_version.number if obj.current_version else None

    @admin.display(description=_("Aktuelle Fassung"))
    def current_version_link(self, obj: Call) -> str:
        if not obj.pk:
            return "–"
        amend = reverse("calls:amend", kwargs={"slug": obj.slug})
        if obj.current_version is None:
            return format_html('<a href="{}">{}</a>', amend, _("Ersten Text anlegen"))
        return format_html(
            '<a href="{}">{} {}</a> · <a href="{}">{}</a>',
            reverse("calls:versions", kwargs={"slug": obj.slug}),
            _("Fassung"),
            obj.current_version.number,
            amend,
            _("Neue Fassung veröffentlichen"),
        )

    def save_model(self, request: HttpRequest, obj: Call, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change:
            Call.objects.filter(pk=obj.pk).update(revision=F("revision") + 1)
            obj.refresh_from_db(fields=["revision"])
        audit.record(
            Actor.from_request(request),
            "calls.call.changed" if change else "calls.call.created",
            target=obj,
            data={"fields": sorted(form.changed_data)},
        )

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> Any:
        """Deleting a call that drafts use is refused (PROTECT); the page
        says how many objects stand in the way without naming them, since
        drafts' titles are private to their organisations."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            protected = [
                ngettext(
                    "%(count)s Eintrag einer Organisation (Entwurf, Upload oder Einschätzung)",
                    "%(count)s Einträge von Organisationen (Entwürfe, Uploads, Einschätzungen)",
                    len(protected),
                )
                % {"count": len(protected)}
            ]
        return deleted, counts, perms_needed, protected

    @admin.action(description=_("Neue Fassung veröffentlichen"))
    def publish_new_version(self, request: HttpRequest, queryset: QuerySet[Call]) -> HttpResponse:
        call = queryset.first()
        if call is None:
            return HttpResponseRedirect(request.get_full_path())
        return HttpResponseRedirect(reverse("calls:amend", kwargs={"slug": call.slug}))


class SectionInline(CoordinatorInlineMixin, admin.TabularInline):
    """Published text is read-only; changes become a new version."""

    model = CallSection
    extra = 0
    fields = ["number", "title", "text"]
    readonly_fields = ["number", "title", "text"]
    can_delete = False
    fk_name = "version"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CallVersion)
class CallVersionAdmin(CoordinatorAccessMixin, admin.ModelAdmin):
    list_display = ["call", "number", "published_at", "published_by"]
    list_filter = ["call"]
    readonly_fields = ["call", "number", "published_at", "published_by", "changed_numbers"]
    fields = ["call", "number", "published_at", "published_by", "note", "changed_numbers"]
    inlines = [SectionInline]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
