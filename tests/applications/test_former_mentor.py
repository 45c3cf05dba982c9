"""A mentor who deletes their account leaves their recommendation and
comments with the draft, shown as "ehemalige:r Mentor:in" (issue 11.7)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ikone.accounts import services as account_services
from ikone.applications.models import DraftMentor, Recommendation, SectionComment
from ikone.applications.services.drafts import draft_share
from ikone.applications.services.review import comment_add, recommendation_save
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403

FORMER = "ehemalige:r Mentor:in"


@pytest.fixture
def reviewed_draft(workshop_draft, mentor, mentor_share, staff_member):
    """The mentor recommended and commented, the organisation replied, and
    then the mentor deleted their account."""
    section = workshop_draft.sections.get(key="ausgangslage")
    thread = comment_add(section=section, text="Bitte Zahlen belegen.", actor=Actor(user=mentor))
    comment_add(section=section, text="Machen wir.", parent=thread, actor=Actor(user=staff_member))
    recommendation_save(
        draft=workshop_draft,
        recommendation=Recommendation.WITH_CHANGES,
        text="Finanzierung nachschärfen.",
        actor=Actor(user=mentor),
    )
    account_services.user_delete(user=mentor, actor=Actor(user=mentor))
    return workshop_draft


def test_recommendation_and_comments_stay_after_the_mentor_left(reviewed_draft):
    share = DraftMentor.objects.get(draft=reviewed_draft)
    assert share.mentor is None
    assert share.recommendation == Recommendation.WITH_CHANGES
    assert share.recommendation_text == "Finanzierung nachschärfen."
    assert share.mentor_label == FORMER
    thread, reply = SectionComment.objects.order_by("pk")
    assert thread.text == "Bitte Zahlen belegen."
    assert (thread.author_label, reply.author_label) == (FORMER, "Till Team")


def test_the_draft_pages_name_the_former_mentor(reviewed_draft, staff_member, as_user):
    client = as_user(staff_member)
    detail = client.get(reverse("applications:detail", kwargs={"pk": reviewed_draft.pk}))
    assert FORMER in detail.content.decode()
    assert "Finanzierung nachschärfen." in detail.content.decode()
    section = client.get(
        reverse(
            "applications:section", kwargs={"pk": reviewed_draft.pk, "section_key": "ausgangslage"}
        )
    )
    page = section.content.decode()
    assert "Bitte Zahlen belegen." in page
    assert FORMER in page


def test_changing_the_share_keeps_the_former_mentors_recommendation(
    reviewed_draft, staff_member, second_mentor
):
    draft_share(
        draft=reviewed_draft,
        mentors=[second_mentor],
        with_network=False,
        actor=Actor(user=staff_member),
    )
    assert DraftMentor.objects.filter(draft=reviewed_draft, mentor__isnull=True).exists()
    assert DraftMentor.objects.filter(draft=reviewed_draft, mentor=second_mentor).exists()


def test_a_deleted_colleagues_comment_is_not_called_a_mentors(workshop_draft, staff_member):
    section = workshop_draft.sections.get(key="ausgangslage")
    comment = comment_add(section=section, text="Notiz", actor=Actor(user=staff_member))
    SectionComment.objects.filter(pk=comment.pk).update(author=None)
    comment.refresh_from_db()
    assert comment.author_label == "gelöschtes Konto"
