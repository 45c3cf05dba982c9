"""Solutions and model projects in the site-wide search and the question
suggestions (discovered by core). Unpublished profiles are not found."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ikone.core.search.providers import joined, plain
from ikone.core.search.registry import DocumentData, Provider, register


def _solution(obj: Any) -> DocumentData | None:
    if obj.review_state != "published":
        return None
    return DocumentData(
        object_id=str(obj.pk),
        title=obj.title,
        body=joined(
            obj.summary,
            plain(obj.description),
            plain(obj.lessons_learned),
            " ".join(field.label for field in obj.fields_of_action.all()),
            " ".join(organization.name for organization in obj.organizations.all()),
        ),
        url=obj.get_absolute_url(),
        context=", ".join(organization.name for organization in obj.organizations.all()),
        suggestible=True,
    )


def _solutions(queryset: QuerySet[Any]) -> QuerySet[Any]:
    return queryset.prefetch_related("fields_of_action", "organizations")


def _model_project(obj: Any) -> DocumentData | None:
    title = obj.project_title or obj.name
    return DocumentData(
        object_id=str(obj.pk),
        title=title,
        body=joined(
            obj.name,
            obj.organization.name,
            f"Modellprojekt Smart Cities {obj.round_year}",
            obj.get_category_display(),
            ", ".join(obj.lands),
            "; ".join(obj.partners),
        ),
        url=obj.organization.get_absolute_url(),
        context=f"{obj.organization.name} · {obj.round_year}",
        suggestible=True,
    )


register(
    Provider(
        kind="solution",
        label=_("Lösung"),
        label_plural=_("Lösungen"),
        model="solutions.Solution",
        document=_solution,
        queryset=_solutions,
        watches={
            "solutions.Adoption": lambda adoption: [adoption.solution_id],
        },
        position=35,
    )
)
register(
    Provider(
        kind="model_project",
        label=_("Modellprojekt"),
        label_plural=_("Modellprojekte Smart Cities"),
        model="solutions.ModelProject",
        document=_model_project,
        queryset=lambda queryset: queryset.select_related("organization"),
        position=36,
    )
)
