"""The published catalogue as open data: one row per profile, as CSV and
JSON, under the licence the coordinators chose (services.open_data).

Contact persons are left out (personal data), so are drafts and adoptions
that are not public. The transferability total counts public adoptions
only, as on the profile page. Queries are constant: profiles with their
fields, owners, model project, documents and adoptions prefetched."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from django.db.models import Prefetch

from ikone.core.datetimes import berlin_now, iso
from ikone.core.mail import absolute_url
from ikone.solutions.models import Adoption, AdoptionVisibility, ReviewState, Solution
from ikone.solutions.selectors import transferability_for

COLUMNS = (
    "slug", "title", "summary", "status", "start_year", "fields_of_action", "suits_sizes",
    "licence", "code_repository", "funding_programme", "funding_eur", "costs_eur",
    "data_standards", "interfaces", "preconditions_staff", "preconditions_data",
    "preconditions_infrastructure", "adoption_effort", "organizations", "model_project",
    "transferability", "public_adopters", "is_example", "published_at", "url",
)  # fmt: skip
LIST_SEPARATOR = "; "
# Cells starting with these are formulas to a spreadsheet program.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _published() -> list[Solution]:
    public = Adoption.objects.filter(visibility=AdoptionVisibility.PUBLIC).select_related(
        "organization__municipality"
    )
    return list(
        Solution.objects.filter(review_state=ReviewState.PUBLISHED)
        .select_related("model_project")
        .prefetch_related(
            "fields_of_action",
            "organizations",
            "documents",
            Prefetch("adoptions", queryset=public, to_attr="public_adoptions"),
        )
        .order_by("title", "pk")
    )


def _decimal(value: Any) -> str | None:
    return None if value is None else f"{value:.2f}"


def rows() -> list[dict[str, Any]]:
    """One dict per published profile, keys as COLUMNS, lists as lists."""
    result = []
    for solution in _published():
        adoptions = solution.public_adoptions  # type: ignore[attr-defined]
        project = solution.model_project
        result.append(
            {
                "slug": solution.slug,
                "title": solution.title,
                "summary": solution.summary,
                "status": solution.status,
                "start_year": solution.start_year,
                "fields_of_action": [field.key for field in solution.fields_of_action.all()],
                "suits_sizes": list(solution.suits_sizes),
                "licence": solution.licence,
                "code_repository": solution.code_repository,
                "funding_programme": solution.funding_programme,
                "funding_eur": _decimal(solution.funding_eur),
                "costs_eur": _decimal(solution.costs_eur),
                "data_standards": solution.data_standards,
                "interfaces": solution.interfaces,
                "preconditions_staff": solution.preconditions_staff,
                "preconditions_data": solution.preconditions_data,
                "preconditions_infrastructure": solution.preconditions_infrastructure,
                "adoption_effort": solution.adoption_effort,
                "organizations": [o.name for o in solution.organizations.all()],
                "model_project": f"{project.name} ({project.round_year})" if project else "",
                "transferability": transferability_for(
                    solution=solution, adoptions=adoptions
                ).total,
                "public_adopters": len(adoptions),
                "is_example": solution.is_example,
                "published_at": iso(solution.published_at),
                "url": absolute_url(solution.get_absolute_url()),
            }
        )
    return result


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(data: list[dict[str, Any]]) -> bytes:
    """Semicolon-separated UTF-8 with BOM (Excel opens umlauts right);
    lists joined by "; "; formula-like cells defused with a leading '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in data:
        writer.writerow([_cell(row[column]) for column in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_json(
    data: list[dict[str, Any]], *, licence: str, licence_url: str, now: datetime | None = None
) -> bytes:
    document = {
        "title": "IKONE – Katalog übertragbarer Lösungen",
        "licence": licence,
        "licence_url": licence_url,
        "generated_at": iso(now or berlin_now()),
        "count": len(data),
        "solutions": data,
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
