"""Notification e-mails of the application workshop.

Services enqueue these with `transaction.on_commit`, passing only ids. The
mails name the draft and link to it; the text of the draft never leaves the
platform by mail.
"""

from __future__ import annotations

from django.urls import reverse
from django_tasks import task

from ikone.accounts.models import User
from ikone.applications import selectors
from ikone.applications.mail import absolute_url, send_templated_mail
from ikone.applications.models import Draft, DraftMentor, SectionComment


def _draft(draft_id: int) -> Draft | None:
    return Draft.objects.select_related("organization", "call").filter(pk=draft_id).first()


@task()
def send_draft_shared_email(draft_id: int, mentor_id: int) -> None:
    """Tell a mentor that a draft was shared with them."""
    draft = _draft(draft_id)
    mentor = User.objects.filter(pk=mentor_id, is_active=True).first()
    if draft is None or mentor is None:
        return
    send_templated_mail(
        "draft_shared",
        [mentor.email],
        {"draft": draft, "draft_url": absolute_url(draft.get_absolute_url())},
    )


@task()
def send_draft_shared_with_network_email(draft_id: int) -> None:
    """Tell the coordinators that a draft was shared with the network."""
    draft = _draft(draft_id)
    if draft is None:
        return
    from ikone.accounts.selectors import coordinator_emails

    send_templated_mail(
        "draft_shared_network",
        coordinator_emails(),
        {"draft": draft, "draft_url": absolute_url(draft.get_absolute_url())},
    )


@task()
def send_comment_email(comment_id: int) -> None:
    """Tell everyone involved in the draft, except the writer, about a comment."""
    comment = (
        SectionComment.objects.select_related("section__draft__organization", "author")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None:
        return
    section = comment.section
    draft = section.draft
    url = reverse("applications:section", kwargs={"pk": draft.pk, "section_key": section.key})
    send_templated_mail(
        "comment",
        selectors.draft_people_emails(draft=draft, exclude=comment.author),
        {
            "draft": draft,
            "section": section,
            "comment": comment,
            "section_url": absolute_url(f"{url}#kommentare"),
        },
    )


@task()
def send_recommendation_email(share_id: int) -> None:
    """Tell the organisation's people about a mentor's recommendation."""
    share = (
        DraftMentor.objects.select_related("draft__organization", "mentor")
        .filter(pk=share_id)
        .first()
    )
    if share is None:
        return
    draft = share.draft
    send_templated_mail(
        "recommendation",
        selectors.organization_member_emails(draft=draft),
        {"draft": draft, "share": share, "draft_url": absolute_url(draft.get_absolute_url())},
    )


@task()
def send_draft_status_email(draft_id: int, actor_id: int) -> None:
    """Tell everyone involved, except the person who moved it, about a new status."""
    draft = _draft(draft_id)
    if draft is None:
        return
    actor = User.objects.filter(pk=actor_id).first()
    send_templated_mail(
        "status",
        selectors.draft_people_emails(draft=draft, exclude=actor),
        {"draft": draft, "actor": actor, "draft_url": absolute_url(draft.get_absolute_url())},
    )
