"""Django admin for the catalogue: operators correct data here; the review
workflow itself runs on the site, where it is audited."""

from __future__ import annotations

from django.contrib import admin

from ikone.solutions.models import Adoption, ModelProject, ReviewEntry, Solution, SolutionDocument


class ReviewEntryInline(admin.TabularInline):
    model = ReviewEntry
    extra = 0
    can_delete = False
    readonly_fields = ("created_at", "action", "from_state", "to_state", "author", "comment")

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


class DocumentInline(admin.TabularInline):
    model = SolutionDocument
    extra = 0


@admin.register(Solution)
class SolutionAdmin(admin.ModelAdmin):
    list_display = ("title", "status", "review_state", "licence", "is_example", "updated_at")
    list_filter = ("review_state", "status", "licence", "is_example", "fields_of_action")
    search_fields = ("title", "summary", "slug")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("organizations", "model_project")
    filter_horizontal = ("fields_of_action",)
    readonly_fields = ("review_state", "published_at", "proposed_by", "version")
    inlines = (DocumentInline, ReviewEntryInline)


@admin.register(Adoption)
class AdoptionAdmin(admin.ModelAdmin):
    list_display = ("solution", "organization", "status", "since", "visibility")
    list_filter = ("status", "visibility")
    search_fields = ("solution__title", "organization__name")
    autocomplete_fields = ("solution", "organization")


@admin.register(ModelProject)
class ModelProjectAdmin(admin.ModelAdmin):
    list_display = ("name", "round_year", "category", "funding_eur", "organization")
    list_filter = ("round_year", "category")
    search_fields = ("name", "project_title", "organization__name")
    autocomplete_fields = ("organization",)
    raw_id_fields = ("partner_units",)
