"""Mentor review: sharing, comment threads, recommendation, e-mails."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from ikone.applications.exceptions import DraftError
from ikone.applications.models import DraftMentor, Recommendation, SectionComment
from ikone.applications.services.drafts import draft_share
from ikone.applications.services.review import comment_add, comment_resolve, recommendation_save
from ikone.core.audit import Actor
from tests.applications.core_fixtures import *  # noqa: F403


def test_sharing_in_the_browser_mails_the_new_mentor(
    django_capture_on_commit_callbacks,
    workshop_draft,
    mentor,
    contact_person,
    coordinator,
    as_user,
):
    url = reverse("applications:share", kwargs={"pk": workshop_draft.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(contact_person).post(
            url, {"mentors": [mentor.pk], "with_network": "on"}
        )
    assert response.status_code == 302
    assert DraftMentor.objects.filter(draft=workshop_draft, mentor=mentor).exists()
    workshop_draft.refresh_from_db()
    assert workshop_draft.shared_with_network
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([mentor.email, coordinator.email])
    assert workshop_draft.title in mail.outbox[0].subject


def test_unsharing_ends_access(workshop_draft, mentor, mentor_share, staff_member, as_user):
    draft_share(
        draft=workshop_draft, mentors=[], with_network=False, actor=Actor(user=staff_member)
    )
    assert as_user(mentor).get(workshop_draft.get_absolute_url()).status_code == 404


def test_only_mentors_can_be_chosen(workshop_draft, other_staff, staff_member):
    with pytest.raises(DraftError):
        draft_share(
            draft=workshop_draft,
            mentors=[other_staff],
            with_network=False,
            actor=Actor(user=staff_member),
        )


def test_mentor_comments_and_everyone_else_is_told(
    django_capture_on_commit_callbacks,
    workshop_draft,
    mentor,
    mentor_share,
    staff_member,
    contact_person,
    as_user,
):
    url = reverse(
        "applications:comment_add", kwargs={"pk": workshop_draft.pk, "section_key": "ausgangslage"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(mentor).post(url, {"text": "Bitte Zahlen belegen."})
    assert response.status_code == 302
    comment = SectionComment.objects.get()
    assert (comment.author, comment.parent) == (mentor, None)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([staff_member.email, contact_person.email])
    assert "Bitte Zahlen belegen." in mail.outbox[0].body


def test_reply_joins_the_thread_and_resolve_closes_it(
    workshop_draft, mentor, mentor_share, staff_member, as_user
):
    section = workshop_draft.sections.get(key="ausgangslage")
    section.draft = workshop_draft
    thread = comment_add(section=section, text="Frage", actor=Actor(user=mentor))
    url = reverse(
        "applications:comment_add", kwargs={"pk": workshop_draft.pk, "section_key": section.key}
    )
    as_user(staff_member).post(url, {"text": "Antwort", "parent": thread.pk})
    assert thread.replies.get().text == "Antwort"
    resolve = reverse(
        "applications:comment_resolve",
        kwargs={"pk": workshop_draft.pk, "draft_comment": thread.pk},
    )
    assert as_user(staff_member).post(resolve).status_code == 302
    thread.refresh_from_db()
    assert thread.resolved_by == staff_member
    page = as_user(mentor).get(
        reverse(
            "applications:section", kwargs={"pk": workshop_draft.pk, "section_key": section.key}
        )
    )
    assert "erledigt" in page.content.decode()
    assert "Wieder öffnen" in page.content.decode()


def test_empty_comment_is_refused(workshop_draft, staff_member):
    section = workshop_draft.sections.first()
    section.draft = workshop_draft
    with pytest.raises(DraftError):
        comment_add(section=section, text="   ", actor=Actor(user=staff_member))


def test_coordinator_of_network_comments_but_does_not_resolve(
    workshop_draft, network_share, coordinator, staff_member
):
    section = workshop_draft.sections.first()
    section.draft = workshop_draft
    comment = comment_add(section=section, text="Hinweis", actor=Actor(user=coordinator))
    with pytest.raises(PermissionDenied):
        comment_resolve(comment=comment, actor=Actor(user=coordinator))


def test_recommendation_reaches_the_organisation(
    django_capture_on_commit_callbacks,
    workshop_draft,
    mentor,
    mentor_share,
    staff_member,
    contact_person,
    as_user,
):
    url = reverse("applications:recommendation", kwargs={"pk": workshop_draft.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = as_user(mentor).post(
            url, {"recommendation": Recommendation.WITH_CHANGES, "text": "Maßnahmen schärfen."}
        )
    assert response.status_code == 302
    mentor_share.refresh_from_db()
    assert mentor_share.recommendation == Recommendation.WITH_CHANGES
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [staff_member.email, contact_person.email]
    )
    overview = as_user(staff_member).get(workshop_draft.get_absolute_url()).content.decode()
    assert "Maßnahmen schärfen." in overview


def test_recommendation_needs_a_choice(workshop_draft, mentor, mentor_share, as_user):
    url = reverse("applications:recommendation", kwargs={"pk": workshop_draft.pk})
    response = as_user(mentor).post(url, {"text": "Meine Begründung"})
    assert response.status_code == 400
    assert "Meine Begründung" in response.content.decode()


def test_staff_may_not_recommend(workshop_draft, staff_member):
    with pytest.raises(PermissionDenied):
        recommendation_save(
            draft=workshop_draft,
            recommendation=Recommendation.READY,
            text="",
            actor=Actor(user=staff_member),
        )
