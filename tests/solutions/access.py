"""Access-matrix rows of the solution catalogue (see tests/access.py).

The profile every role requests is a *draft* of organisation A: its people,
coordinators and admins see it, everyone else gets 404 as if it did not
exist. Adoption needs a published profile, so on the draft it is refused.
"""

from tests.access import LOGIN, PUBLIC, SIGNED_IN, Base, everyone, post, row

# A draft of organisation A.
DRAFT_OF_A_PAGE = row(404, 200, 404, 200, 404, 200, 200)
DRAFT_OF_A_EDIT = row(LOGIN, 200, 404, 200, 404, 200, 200)
DRAFT_OF_A_ACTION = post(LOGIN, 302, 404, 302, 404, 302, 302)

ROWS = {
    "solutions:list": PUBLIC,
    "solutions:create": row(LOGIN, 200, 200, 200, 403, 200, 200),
    "solutions:review_list": SIGNED_IN,
    "solutions:recommendations": PUBLIC,
    "solutions:open_data": PUBLIC,
    "solutions:export_csv": PUBLIC,
    "solutions:export_json": PUBLIC,
    "solutions:detail": DRAFT_OF_A_PAGE,
    "solutions:edit": DRAFT_OF_A_EDIT,
    "solutions:transition": DRAFT_OF_A_ACTION,
    "solutions:comment": DRAFT_OF_A_ACTION,
    "solutions:document_add": DRAFT_OF_A_ACTION,
    "solutions:document": DRAFT_OF_A_PAGE,
    "solutions:adopt": row(LOGIN, 403, 404, 403, 404, 403, 403),
    # Citing in a section of A's unshared draft: A's people (an empty form
    # comes back with a message), nobody else sees the draft.
    "solutions:citation_add": post(LOGIN, 302, 404, 302, 404, 404, 404),
    "solutions:citation_remove": post(LOGIN, 302, 404, 302, 404, 404, 404),
    # API: the published catalogue only (A's draft is 404 for everyone),
    # peers and recommendations are public.
    "solution-list": PUBLIC,
    "solution-list [format]": PUBLIC,
    "solution-detail": everyone(404),
    "solution-detail [format]": everyone(404),
    "api-organization-peers": PUBLIC,
    "api-municipality-recommendations": PUBLIC,
}

PRIVATE_TO_A = {
    "solutions:detail",
    "solutions:edit",
    "solutions:transition",
    "solutions:comment",
    "solutions:document_add",
    "solutions:document",
    "solutions:adopt",
    "solutions:citation_add",
    "solutions:citation_remove",
    "solution-detail",
    "solution-detail [format]",
}


def objects(base: Base) -> dict:
    """A draft profile of organisation A with one document."""
    from django.core.files.base import ContentFile

    from ikone.solutions.models import Solution, SolutionDocument

    solution = Solution.objects.create(
        title="Geheimer Entwurf Parkraum",
        slug="geheimer-entwurf",
        summary="Nur für Astadt",
        proposed_by=base.contact_person,
    )
    solution.organizations.add(base.organization)
    document = SolutionDocument.objects.create(
        solution=solution, title="Konzept", file=ContentFile(b"Konzept\n", name="konzept.txt")
    )
    return {
        "solution_slug": solution.slug,
        "solution_document": document.pk,
        "secrets": ("Geheimer Entwurf Parkraum",),
    }


SLUG_BY_PREFIX = {
    "loesungen/": lambda values: values["solution_slug"],
    "api/v1/^solutions/": lambda values: values["solution_slug"],
}


def _section_pk(values: dict) -> int:
    from ikone.applications.models import DraftSection

    workshop = values["workshop"]
    return DraftSection.objects.get(draft_id=workshop["draft"], key=workshop["section_key"]).pk


PARAMETERS = {"section_pk": _section_pk}
PK_BY_SEGMENT = {"dokumente/": lambda values: values["solution_document"]}
