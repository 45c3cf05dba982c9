"""Deleting a draft stays cheap however long its history is: no receiver
listens to every model's deletion, so Django deletes the section versions
with one statement instead of loading each of them (issue 11.13)."""

from __future__ import annotations

from django.db import connection
from django.db.models.signals import post_delete, pre_delete
from django.test.utils import CaptureQueriesContext

from ikone.applications.models import Draft, SectionComment, SectionRevision
from tests.applications.core_fixtures import *  # noqa: F403

# Draft, its sections and the rows hanging off them (comments, criteria
# links, documents, plan, mentors, milestones, copies) — not one per version.
MAX_QUERIES = 26


def _history(draft, author, versions: int) -> None:
    for section in draft.sections.all():
        SectionRevision.objects.bulk_create(
            SectionRevision(section=section, version=number, text=f"Stand {number}", author=author)
            for number in range(1, versions + 1)
        )
        SectionComment.objects.create(section=section, author=author, text="Bitte kürzen.")


def test_deleting_a_draft_does_not_load_its_versions(workshop_draft, staff_member):
    _history(workshop_draft, staff_member, versions=40)
    assert SectionRevision.objects.count() >= 40 * workshop_draft.sections.count()
    with CaptureQueriesContext(connection) as queries:
        Draft.objects.get(pk=workshop_draft.pk).delete()
    statements = [query["sql"] for query in queries.captured_queries]
    loads = [sql for sql in statements if sql.startswith("SELECT") and "sectionrevision" in sql]
    assert not loads, loads
    assert len(statements) <= MAX_QUERIES, "\n".join(statements)
    assert not SectionRevision.objects.exists()


def test_no_delete_receiver_listens_to_every_model():
    """A receiver connected without a sender turns off fast delete for all
    models; connect it to the models whose deletion it handles."""
    for signal in (pre_delete, post_delete):
        global_receivers = [
            receiver
            for (receiver_key, sender_key), receiver, *_ in signal.receivers
            if sender_key == id(None)
        ]
        assert not global_receivers, global_receivers
