"""The parts of a profile's page that are the same for everyone who may see
the profile, rendered once and reused (issue 15).

Signed-in people get the page rendered for them (the page cache serves only
visitors). Most of its cost was the same for every one of them: the profile
with its organisations, fields of action and documents, dozens of adoptions
loaded as models with their organisation and municipality, the
transferability score worked out from them, the similar profiles (the
slowest query of the page) and the facts, texts and sections rendered. So
that HTML is a memo (`core.pagecache.memo`, ADR 0006) per profile, language
and script prefix, computed anew when a table it was read from changes
(profiles, adoptions, organisations, municipalities, fields of action,
documents, model projects).

The adopters differ by viewer: the memo keeps every adoption's row with its
organisation and visibility, and `visible_adopters` picks the ones the
person may see, by the rule of `selectors.adoption_list_for_solution`.
Whether the person may see the profile at all, and what they may do with
it, is still decided on every request from the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from ikone.accounts.permissions import is_network_coordinator, is_signed_in
from ikone.core.mail import absolute_url
from ikone.core.pagecache import memo
from ikone.solutions import permissions, selectors
from ikone.solutions.detail_rows import adoption_item_list
from ikone.solutions.models import AdoptionVisibility, Solution

SIGNED_IN_VISIBILITIES = frozenset({AdoptionVisibility.PUBLIC, AdoptionVisibility.SIGNED_IN})


@dataclass(frozen=True)
class AdopterRow:
    """One adoption's <li> on the page, with what decides who sees it."""

    organization_id: int
    visibility: str
    html: str


@dataclass(frozen=True)
class DetailBody:
    """The shared parts of the page, as HTML (kept as plain strings in the memo)."""

    about: str  # facts, description, preconditions, lessons, score
    documents: str
    similar: str
    json_ld: str  # the schema.org data for a published profile's head
    adopters: tuple[AdopterRow, ...]  # every adoption, newest first

    def html(self, part: str) -> SafeString:
        return mark_safe(getattr(self, part))  # noqa: S308 - rendered by our templates


def detail_body(solution: Solution) -> DetailBody:
    """The shared parts of `solution`'s page in the active language."""
    key = memo.key("solutions:detail-body", solution.pk)
    return memo.get_or_compute(key, lambda: _compute(solution.pk))


def visible_adopters(body: DetailBody, user: Any) -> SafeString:
    """The rows of the adoptions the person may see: the coordination all,
    signed-in people the public ones, those for signed-in people and their
    own organisations' ones, everyone else the public ones (the rule of
    `selectors._visible_adoptions`)."""
    rows = body.adopters
    if is_network_coordinator(user):
        shown = rows
    elif is_signed_in(user):
        own = permissions.organization_ids_of(user)
        shown = tuple(
            row
            for row in rows
            if row.visibility in SIGNED_IN_VISIBILITIES or row.organization_id in own
        )
    else:
        shown = tuple(row for row in rows if row.visibility == AdoptionVisibility.PUBLIC)
    return mark_safe("".join(row.html for row in shown))  # noqa: S308 - see adoption_item_list


def _compute(solution_pk: int) -> DetailBody:
    solution = selectors.solution_with_details(pk=solution_pk)
    adoptions = selectors.adoption_list_all(solution=solution)
    context = {
        "solution": solution,
        "score": selectors.transferability_for(solution=solution, adoptions=adoptions),
        "similar": selectors.similar_solutions(solution=solution),
    }
    return DetailBody(
        about=_render("solutions/includes/detail_about.html", context),
        documents=_render("solutions/includes/detail_documents.html", context),
        similar=_render("solutions/includes/detail_similar.html", context),
        json_ld=_script_json(_json_ld(solution)),
        adopters=tuple(
            AdopterRow(
                organization_id=adoption.organization_id,
                visibility=adoption.visibility,
                html=html,
            )
            for adoption, html in zip(adoptions, adoption_item_list(adoptions), strict=True)
        ),
    )


def _render(template_name: str, context: dict[str, Any]) -> str:
    return str(render_to_string(template_name, context))


_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _script_json(data: dict[str, Any]) -> str:
    """The data for a <script type="application/ld+json"> block."""
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return text  # escaped above; a data block, never executed (marked safe on use)


def _json_ld(solution: Solution) -> dict[str, Any]:
    """schema.org CreativeWork: a described solution, its authors, licence, code."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": solution.title,
        "description": solution.summary,
        "url": absolute_url(solution.get_absolute_url()),
        "inLanguage": "de",
        "author": [
            {"@type": "GovernmentOrganization", "name": organization.name}
            for organization in solution.organizations.all()
        ],
        "keywords": [field.label for field in solution.fields_of_action.all()],
    }
    if solution.has_open_licence:
        data["license"] = f"https://spdx.org/licenses/{solution.licence}.html"
    if solution.code_repository:
        data["isBasedOn"] = solution.code_repository
    if solution.start_year:
        data["dateCreated"] = str(solution.start_year)
    return data
