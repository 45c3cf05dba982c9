"""Reads of the catalogue: the filtered list, one profile, its adopters,
similar solutions, the review queue. Each runs a constant number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from ikone.accounts.models import Membership, Organization
from ikone.accounts.permissions import is_network_coordinator, is_signed_in, role_in
from ikone.core.models import FieldOfAction
from ikone.core.pagecache import memo
from ikone.core.text import fold
from ikone.municipalities.models import Level, Municipality
from ikone.solutions import permissions
from ikone.solutions.models import (
    Adoption,
    AdoptionVisibility,
    ModelProject,
    Peer,
    ReviewEntry,
    ReviewState,
    Solution,
)
from ikone.solutions.models.choices import OPEN_LICENCES, size_class_for
from ikone.solutions.scoring import AdopterFacts, ScoreInput, Transferability, transferability

REGION_KINDS = frozenset({"district", "cooperation"})


@dataclass(frozen=True)
class CatalogueFilter:
    query: str = ""
    field: str = ""  # FieldOfAction.key
    status: str = ""
    size: str = ""
    open_licence: bool = False
    land: str = ""  # AGS of a Land
    programme: str = ""


# What a catalogue card (solutions/card_rows.py) and an entry of the API's
# list read of a profile: not its long texts, the review data or the search text.
_LIST_COLUMNS = (
    *("title", "slug", "summary", "status", "start_year", "suits_sizes", "licence"),
    *("code_repository", "funding_programme", "model_project", "is_example", "published_at"),
    "review_state",
)


def _with_cards(queryset: QuerySet[Solution]) -> QuerySet[Solution]:
    return (
        queryset.only(*_LIST_COLUMNS)
        .prefetch_related(
            Prefetch(
                "organizations", queryset=Organization.objects.only("name"), to_attr="owner_list"
            ),
            Prefetch(
                "fields_of_action",
                queryset=FieldOfAction.objects.only("key", "label"),
                to_attr="field_list",
            ),
        )
        .annotate(adopter_count=_adopter_count())
    )


def _adopter_count() -> Coalesce:
    """The profile's adoptions counted per row, as a subquery: PostgreSQL
    counts them only for the rows of the page (after ORDER BY … LIMIT), and
    the paginator's COUNT leaves the unused subquery out. A join with
    GROUP BY counted the 20,000 adoptions of all 5,000 profiles for every
    page, twice (bench: 21 ms and 6 ms in the database)."""
    counted = (
        Adoption.objects.filter(solution=OuterRef("pk"))
        .order_by()
        .values("solution")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def solution_list_published(*, filters: CatalogueFilter) -> QuerySet[Solution]:
    """Published profiles matching every filter, by title; three queries per page."""
    queryset = Solution.objects.filter(review_state=ReviewState.PUBLISHED)
    for word in fold(filters.query).split():
        queryset = queryset.filter(search_text__contains=word)
    if filters.field:
        queryset = queryset.filter(fields_of_action__key=filters.field)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.size:
        # JSON text match: `contains` on JSON lists is not available on SQLite.
        queryset = queryset.filter(suits_sizes__icontains=f'"{filters.size}"')
    if filters.open_licence:
        queryset = queryset.filter(licence__in=OPEN_LICENCES)
    if filters.land:
        # The first two digits of every key are its Land's key.
        queryset = queryset.filter(
            Q(organizations__municipality__ags__startswith=filters.land)
            | Q(organizations__cooperation_members__ags__startswith=filters.land)
        )
    if filters.programme:
        queryset = queryset.filter(funding_programme=filters.programme)
    if filters.land or filters.field:
        queryset = queryset.distinct()
    return _with_cards(queryset).order_by("title", "pk")


@dataclass(frozen=True)
class CatalogueChoices:
    """What the catalogue's filters offer besides fixed choices."""

    fields_of_action: list[FieldOfAction]
    states: list[Municipality]
    programmes: list[str]


def catalogue_choices() -> CatalogueChoices:
    """Fields of action, Länder and funding programmes for the filters: a
    memo, the same for everyone until one of their tables changes (three
    queries on every catalogue page before)."""
    return memo.get_or_compute(
        "solutions:catalogue-choices",
        lambda: CatalogueChoices(
            fields_of_action=fields_of_action(),
            states=list(
                Municipality.objects.filter(level=Level.STATE).only("ags", "name").order_by("ags")
            ),
            programmes=funding_programmes(),
        ),
    )


def funding_programmes() -> list[str]:
    """The funding programmes named by published profiles, for the filter."""
    return list(
        Solution.objects.filter(review_state=ReviewState.PUBLISHED)
        .exclude(funding_programme="")
        .order_by("funding_programme")
        .values_list("funding_programme", flat=True)
        .distinct()
    )


def fields_of_action() -> list[FieldOfAction]:
    return list(FieldOfAction.objects.all())


def solution_get_for_view(*, user: Any, slug: str) -> Solution:
    """The profile if the person may see it; Solution.DoesNotExist otherwise
    (a draft of another organisation looks like no profile at all)."""
    solution = (
        Solution.objects.select_related("model_project", "proposed_by")
        .prefetch_related("organizations", "fields_of_action", "documents")
        .get(slug=slug)
    )
    if not permissions.can_view_solution(user, solution):
        raise Solution.DoesNotExist
    return solution


# What a profile's page reads on every request: its header, the rules of
# `permissions` (review state, proposer, organisations) and its address; the
# rest of the page comes from a memo (solutions/detail_body.py).
_PAGE_COLUMNS = ("title", "slug", "summary", "is_example", "review_state", "proposed_by")


def solution_for_page(*, user: Any, slug: str) -> Solution:
    """`solution_get_for_view` for the profile's page: only the columns and
    the organisations' ids the page's header and rules read."""
    solution = (
        Solution.objects.only(*_PAGE_COLUMNS)
        .prefetch_related(Prefetch("organizations", queryset=Organization.objects.only("pk")))
        .get(slug=slug)
    )
    if not permissions.can_view_solution(user, solution):
        raise Solution.DoesNotExist
    return solution


def solution_with_details(*, pk: int) -> Solution:
    """A profile with what its facts, texts, documents and score read (no
    permission check: for the memo of solutions/detail_body.py, used after
    `solution_for_page` allowed the person to see it)."""
    return (
        Solution.objects.select_related("model_project")
        .prefetch_related("organizations", "fields_of_action", "documents")
        .get(pk=pk)
    )


def _adoptions_of(solution: Solution) -> QuerySet[Adoption]:
    """A profile's adoptions, newest first, with what the page, the API and
    the score read of them (a profile has dozens; the organisations' and
    municipalities' other columns stay in the database)."""
    return solution.adoptions.select_related("organization__municipality").only(
        *("solution", "status", "since", "experience", "visibility"),
        *("organization__name", "organization__slug", "organization__kind"),
        "organization__municipality__population",
    )


def adoption_list_for_solution(*, solution: Solution, user: Any) -> list[Adoption]:
    """The adoptions of a profile the person may see, newest first."""
    return _visible_adoptions(_adoptions_of(solution), user)


def adoption_list_all(*, solution: Solution) -> list[Adoption]:
    """Every adoption of a profile, whoever may see it (for the memo of
    solutions/detail_body.py, which shows each person the visible ones)."""
    return list(_adoptions_of(solution))


def adoption_list_for_organization(*, organization: Any, user: Any) -> list[Adoption]:
    """What an organisation adopted (published solutions), for its page."""
    return adoption_list_for_audience(
        organization=organization, audience=adoption_audience(organization=organization, user=user)
    )


# Who sees which of an organisation's adoptions (as `_visible_adoptions`
# decides for adoptions of that one organisation): the coordination and the
# organisation's own people all, other signed-in people the public ones and
# those for signed-in people, everyone else the public ones.
AUDIENCE_ALL = "all"
AUDIENCE_SIGNED_IN = "signed-in"
AUDIENCE_PUBLIC = "public"
_AUDIENCE_VISIBILITIES = {
    AUDIENCE_SIGNED_IN: (AdoptionVisibility.PUBLIC, AdoptionVisibility.SIGNED_IN),
    AUDIENCE_PUBLIC: (AdoptionVisibility.PUBLIC,),
}


def adoption_audience(*, organization: Any, user: Any) -> str:
    """The viewer's audience for the organisation's adoptions (its role in
    the organisation comes from `role_in`, remembered on an organisation page)."""
    if is_network_coordinator(user):
        return AUDIENCE_ALL
    if not is_signed_in(user):
        return AUDIENCE_PUBLIC
    if role_in(user, organization) is not None:
        return AUDIENCE_ALL
    return AUDIENCE_SIGNED_IN


def adoption_list_for_audience(*, organization: Any, audience: str) -> list[Adoption]:
    """The organisation's adoptions of published solutions an audience sees."""
    queryset = Adoption.objects.filter(
        organization=organization, solution__review_state=ReviewState.PUBLISHED
    ).select_related("solution")
    if audience != AUDIENCE_ALL:
        queryset = queryset.filter(visibility__in=_AUDIENCE_VISIBILITIES[audience])
    return list(queryset)


def _visible_adoptions(queryset: QuerySet[Adoption], user: Any) -> list[Adoption]:
    if is_network_coordinator(user):
        return list(queryset)
    allowed = Q(visibility=AdoptionVisibility.PUBLIC)
    if is_signed_in(user):
        allowed |= Q(visibility=AdoptionVisibility.SIGNED_IN)
        # A subquery, not the ids: one query less on an organisation's page.
        allowed |= Q(
            organization_id__in=Membership.objects.filter(user_id=user.pk).values(
                "organization_id"
            )
        )
    return list(queryset.filter(allowed))


def similar_solutions(*, solution: Solution, limit: int = 5) -> list[Solution]:
    """Published profiles sharing the most fields of action (then adopters),
    with what the page shows of them (not their long texts)."""
    field_ids = [field.pk for field in solution.fields_of_action.all()]
    if not field_ids:
        return []
    return list(
        Solution.objects.filter(review_state=ReviewState.PUBLISHED, fields_of_action__in=field_ids)
        .exclude(pk=solution.pk)
        .only("slug", "title", "summary")
        .annotate(shared=Count("fields_of_action", distinct=True))
        .order_by("-shared", "title")[:limit]
    )


def review_entries(*, solution: Solution) -> list[ReviewEntry]:
    return list(solution.review_entries.select_related("author"))


def solution_list_for_review(*, user: Any) -> dict[str, list[Solution]]:
    """The person's own unpublished profiles, and for coordinators those
    waiting for review."""
    own = Solution.objects.exclude(review_state=ReviewState.PUBLISHED).filter(
        Q(organizations__in=permissions.organization_ids_of(user)) | Q(proposed_by_id=user.pk)
    )
    lists = {"own": list(own.distinct().order_by("-updated_at"))}
    if is_network_coordinator(user):
        lists["waiting"] = list(
            Solution.objects.filter(review_state=ReviewState.SUBMITTED)
            .prefetch_related(Prefetch("organizations", to_attr="owner_list"))
            .order_by("updated_at")
        )
    return lists


def model_project_for_organization(*, organization: Any) -> ModelProject | None:
    return ModelProject.objects.filter(organization=organization).first()


def adopter_facts(adoption: Adoption) -> AdopterFacts:
    """Size class and kind of the adopting organisation (municipality loaded)."""
    organization = adoption.organization
    municipality = organization.municipality
    return AdopterFacts(
        status=adoption.status,
        size_class=size_class_for(
            population=municipality.population if municipality else None,
            is_region=organization.kind in REGION_KINDS,
        ),
        kind=organization.kind,
    )


def transferability_for(*, solution: Solution, adoptions: list[Adoption]) -> Transferability:
    """The score from the profile and its public adoptions (the same for everyone)."""
    public = [a for a in adoptions if a.visibility == AdoptionVisibility.PUBLIC]
    return transferability(
        ScoreInput(
            licence=solution.licence,
            code_repository=solution.code_repository,
            description_length=len(solution.description),
            has_lessons=bool(solution.lessons_learned.strip()),
            document_count=len(solution.documents.all()),
            data_standards=solution.data_standards,
            interfaces=solution.interfaces,
            preconditions=(
                solution.preconditions_staff,
                solution.preconditions_data,
                solution.preconditions_infrastructure,
            ),
            effort=solution.adoption_effort,
            status=solution.status,
            adopters=[adopter_facts(adoption) for adoption in public],
        )
    )


@dataclass(frozen=True)
class PeerView:
    name: str
    ags: str
    reasons: list[str]


def peers_of(*, municipality_id: int | None) -> list[PeerView]:
    """The precomputed similar places of a Gemeinde, with reasons (one query)."""
    if municipality_id is None:
        return []
    from ikone.solutions.peers import reason_text

    rows = Peer.objects.filter(municipality_id=municipality_id).select_related("peer")
    return [
        PeerView(
            name=row.peer.name,
            ags=row.peer.ags,
            reasons=[text for text in map(reason_text, row.reasons) if text],
        )
        for row in rows
    ]
