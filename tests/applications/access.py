"""Access-matrix rows of the application workshop (see tests/access.py):
the draft of A is shared with nobody, so only A's people see it;
coordinators and admins only once it is shared."""

from tests.access import COORDINATION, DRAFT_OF_A, LOGIN, SIGNED_IN, Base, post, row

#             anonymous, staff_a, staff_b, contact_a, mentor, coordinator, admin
ROWS = {
    "applications:list": SIGNED_IN,
    "applications:create": row(LOGIN, 200, 200, 200, 403, 403, 403),
    "applications:figures": COORDINATION,
    "applications:trash": SIGNED_IN,
    # A draft of A in the trash: only A's Ansprechperson restores it.
    "applications:restore_draft": post(LOGIN, 403, 404, 302, 404, 404, 404),
    "applications:rename": DRAFT_OF_A,
    "applications:delete": row(LOGIN, 403, 404, 200, 404, 404, 404),
    "applications:reopen": row(LOGIN, 403, 404, 200, 404, 404, 404),
    "applications:document_file_remove": DRAFT_OF_A,
    "applications:detail": DRAFT_OF_A,
    "applications:section": DRAFT_OF_A,
    "applications:history": DRAFT_OF_A,
    "applications:restore": post(LOGIN, 302, 404, 302, 404, 404, 404),
    "applications:comment_add": post(LOGIN, 302, 404, 302, 404, 404, 404),
    "applications:comment_resolve": post(LOGIN, 302, 404, 302, 404, 404, 404),
    "applications:criteria": DRAFT_OF_A,
    "applications:documents": DRAFT_OF_A,
    "applications:document_update": post(LOGIN, 400, 404, 400, 404, 404, 404),
    "applications:document_download": DRAFT_OF_A,
    # Filling a Vorlage (an empty form names none): back to the checklist.
    "applications:document_template": post(LOGIN, 302, 404, 302, 404, 404, 404),
    "applications:readiness": DRAFT_OF_A,
    "applications:share": DRAFT_OF_A,
    "applications:recommendation": row(LOGIN, 403, 404, 403, 404, 404, 404),
    "applications:transition": post(LOGIN, 302, 404, 302, 404, 404, 404),
    "applications:outcome": DRAFT_OF_A,
    # Financing plan, schedule, export (A2): read like the draft; an empty
    # form is refused with 400 for A's people.
    "applications:financing": DRAFT_OF_A,
    "applications:cost_item_create": post(LOGIN, 400, 404, 400, 404, 404, 404),
    "applications:cost_item_edit": DRAFT_OF_A,
    "applications:cost_item_delete": DRAFT_OF_A,
    "applications:financing_settings": post(LOGIN, 400, 404, 400, 404, 404, 404),
    "applications:schedule": DRAFT_OF_A,
    "applications:milestone_create": post(LOGIN, 400, 404, 400, 404, 404, 404),
    "applications:milestone_edit": DRAFT_OF_A,
    "applications:milestone_delete": DRAFT_OF_A,
    # Export (made in the background): the page reads like the draft; asking
    # enqueues and comes back to the page; a download without a made file
    # leads to the page too.
    "applications:export": DRAFT_OF_A,
    "applications:export_create": post(LOGIN, 302, 404, 302, 404, 404, 404),
    "applications:export_pdf": row(LOGIN, 302, 404, 302, 404, 404, 404),
    "applications:export_docx": row(LOGIN, 302, 404, 302, 404, 404, 404),
    "applications:api_access": SIGNED_IN,
}

# The workshop's pages about A's draft.
PRIVATE_TO_A = {
    f"applications:{name}"
    for name in [
        *("detail", "section", "history", "restore", "comment_add", "comment_resolve"),
        *("criteria", "documents", "document_update", "document_download", "readiness"),
        "document_template",
        *("share", "recommendation", "transition", "outcome"),
        *("financing", "cost_item_create", "cost_item_edit", "cost_item_delete"),
        *("financing_settings", "schedule", "milestone_create", "milestone_edit"),
        *("milestone_delete", "export_pdf", "export_docx"),
        *("restore_draft", "rename", "delete", "reopen", "document_file_remove"),
        *("export", "export_create"),
    ]
}


def objects(base: Base) -> dict:
    """A draft of A shared with nobody (tests/applications/matrix.py)."""
    from tests.applications.matrix import workshop_objects

    workshop = workshop_objects(base.organization, base.staff_member)
    return {"workshop": workshop, "secrets": workshop["secrets"]}


PK_BY_SEGMENT = {
    "bewerbungen/": lambda values: values["workshop"]["draft"],
    "papierkorb/": lambda values: values["workshop"]["trashed_draft"],
}
PARAMETERS = {
    "section_key": lambda values: values["workshop"]["section_key"],
    "section_revision": lambda values: values["workshop"]["section_revision"],
    "draft_comment": lambda values: values["workshop"]["draft_comment"],
    "required_document": lambda values: values["workshop"]["required_document"],
    "item_pk": lambda values: values["workshop"]["cost_item"],
    "milestone_pk": lambda values: values["workshop"]["milestone"],
    "export_format": lambda values: "pdf",
}
