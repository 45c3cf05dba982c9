"""Solutions and model projects in the site-wide search and the question
suggestions (discovered by core). Unpublished profiles are not found."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ikone.calls.passages import section_passages
from ikone.core.search.providers import joined, plain
from ikone.core.search.registry import DocumentData, Provider, passage_id, register


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


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of a text field that may hold HTML or plain text."""
    if "<" in text:
        return section_passages(text)
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


def _solution_passages(obj: Any) -> list[DocumentData]:
    """The summary, each paragraph of the description and of the lessons
    learned, and the preconditions of a published solution, linking to
    the part of its page that shows them."""
    if obj.review_state != "published":
        return []
    url = obj.get_absolute_url()
    found: list[tuple[str, str]] = []  # (anchor, text)
    if obj.summary:
        found.append(("", obj.summary))
    found += [("description-heading", text) for text in _paragraphs(obj.description)]
    preconditions = joined(
        obj.preconditions_staff, obj.preconditions_data, obj.preconditions_infrastructure
    )
    if preconditions:
        found.append(("preconditions-heading", preconditions))
    found += [("lessons-heading", text) for text in _paragraphs(obj.lessons_learned)]
    context = ", ".join(organization.name for organization in obj.organizations.all())
    return [
        DocumentData(
            object_id=passage_id(obj.pk, number),
            title=obj.title,
            body=text,
            url=f"{url}#{anchor}" if anchor else url,
            context=context,
            suggestible=True,
        )
        for number, (anchor, text) in enumerate(found, start=1)
    ]


register(
    Provider(
        kind="solution_passage",
        label=_("Passage einer Lösung"),
        label_plural=_("Passagen von Lösungen"),
        model="solutions.Solution",
        document=_solution_passages,
        queryset=_solutions,
        position=37,
        listed=False,
        passages=True,
        listed_as="solution",
    )
)
