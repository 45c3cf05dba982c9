"""Django admin of the application workshop: only the section templates.

Drafts are private to their organisation and whom it shares them with, so
they are deliberately not in the admin (operators see them only when
shared with the network, like coordinators)."""

from django.contrib import admin

from ikone.applications.models import SectionTemplate, SectionTemplateItem


class SectionTemplateItemInline(admin.TabularInline):
    model = SectionTemplateItem
    extra = 1
    fields = ("position", "key", "title", "guiding_questions", "min_length")


@admin.register(SectionTemplate)
class SectionTemplateAdmin(admin.ModelAdmin):
    list_display = ("name", "call")
    search_fields = ("name", "call__title")
    inlines = (SectionTemplateItemInline,)
