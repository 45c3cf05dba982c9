"""The application workshop's notification kinds and the mails they send.

Registered in `ApplicationsConfig.ready()`; services send them with
`core.mail.notify(kind, id, …)` after commit. The mails name the draft and
link to it; the text of the draft never leaves the platform by mail, and
only people who may see the draft receive them.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ikone.accounts.models import User
from ikone.accounts.selectors import coordinator_emails
from ikone.applications import selectors
from ikone.applications.models import Draft, DraftMentor, SectionComment
from ikone.core.mail import Mail, absolute_url
from ikone.core.notifications import NotificationKind

DRAFT_SHARED = "applications.draft_shared"
DRAFT_SHARED_NETWORK = "applications.draft_shared_network"
COMMENT = "applications.comment"
RECOMMENDATION = "applications.recommendation"
STATUS = "applications.status"
DEADLINE_REMINDER = "applications.deadline_reminder"
DRAFT_TRASHED = "applications.draft_trashed"

_BUILDERS = "ikone.applications.notifications"
KINDS = (
    NotificationKind(
        DRAFT_SHARED,
        _("Entwurf mit mir geteilt"),
        f"{_BUILDERS}.draft_shared_mail",
        description=_(
            "An eine Mentorin oder einen Mentor, mit der oder dem ein Entwurf geteilt wurde."
        ),
        mandatory=True,
    ),
    NotificationKind(
        DRAFT_SHARED_NETWORK,
        _("Entwurf mit der Netzwerkkoordination geteilt"),
        f"{_BUILDERS}.draft_shared_network_mail",
        description=_("An die Netzwerkkoordination."),
    ),
    NotificationKind(
        COMMENT,
        _("Neuer Kommentar zu einem Entwurf"),
        f"{_BUILDERS}.comment_mail",
        description=_("An alle Beteiligten des Entwurfs außer der schreibenden Person."),
    ),
    NotificationKind(
        RECOMMENDATION,
        _("Empfehlung einer Mentorin oder eines Mentors"),
        f"{_BUILDERS}.recommendation_mail",
        description=_(
            "An die Personen der Organisation, wenn eine Mentorin oder ein Mentor empfiehlt."
        ),
    ),
    NotificationKind(
        STATUS,
        _("Neuer Status eines Entwurfs"),
        f"{_BUILDERS}.status_mail",
        description=_("An alle Beteiligten außer der Person, die den Stand geändert hat."),
        mandatory=True,
    ),
    NotificationKind(
        DRAFT_TRASHED,
        _("Entwurf in den Papierkorb verschoben"),
        f"{_BUILDERS}.draft_trashed_mail",
        description=_(
            "An die Personen der Organisation außer der löschenden Person; "
            "der Entwurf ist noch 30 Tage wiederherstellbar."
        ),
        mandatory=True,
    ),
    NotificationKind(
        DEADLINE_REMINDER,
        _("Erinnerung an die Einreichungsfrist"),
        f"{_BUILDERS}.deadline_reminder_mail",
        description=_(
            "An die Personen der Organisation, vier Wochen, eine Woche und einen Tag "
            "vor der Frist, solange der Entwurf nicht bereit zur Einreichung ist."
        ),
    ),
)


def _draft(draft_id: int) -> Draft | None:
    return Draft.objects.select_related("organization", "call").filter(pk=draft_id).first()


def draft_shared_mail(draft_id: int, mentor_id: int) -> Mail | None:
    """To a mentor: a draft was shared with them."""
    draft = _draft(draft_id)
    mentor = User.objects.filter(pk=mentor_id, is_active=True).first()
    if draft is None or mentor is None:
        return None
    return Mail(
        DRAFT_SHARED,
        [mentor],
        {"draft": draft, "draft_url": absolute_url(draft.get_absolute_url())},
    )


def draft_shared_network_mail(draft_id: int) -> Mail | None:
    """To the coordinators: a draft was shared with the network."""
    draft = _draft(draft_id)
    if draft is None:
        return None
    return Mail(
        DRAFT_SHARED_NETWORK,
        coordinator_emails(),
        {"draft": draft, "draft_url": absolute_url(draft.get_absolute_url())},
    )


def comment_mail(comment_id: int) -> Mail | None:
    """To everyone involved in the draft, except the writer: a new comment."""
    comment = (
        SectionComment.objects.select_related("section__draft__organization", "author")
        .filter(pk=comment_id)
        .first()
    )
    if comment is None:
        return None
    section = comment.section
    draft = section.draft
    url = reverse("applications:section", kwargs={"pk": draft.pk, "section_key": section.key})
    return Mail(
        COMMENT,
        selectors.draft_people_emails(draft=draft, exclude=comment.author),
        {
            "draft": draft,
            "section": section,
            "comment": comment,
            "section_url": absolute_url(f"{url}#kommentare"),
        },
    )


def recommendation_mail(share_id: int) -> Mail | None:
    """To the organisation's people: a mentor's recommendation."""
    share = (
        DraftMentor.objects.select_related("draft__organization", "mentor")
        .filter(pk=share_id)
        .first()
    )
    if share is None:
        return None
    draft = share.draft
    return Mail(
        RECOMMENDATION,
        selectors.organization_member_emails(draft=draft),
        {"draft": draft, "share": share, "draft_url": absolute_url(draft.get_absolute_url())},
    )


def status_mail(draft_id: int, actor_id: int) -> Mail | None:
    """To everyone involved, except the person who moved it: a new status."""
    draft = _draft(draft_id)
    if draft is None:
        return None
    actor = User.objects.filter(pk=actor_id).first()
    return Mail(
        STATUS,
        selectors.draft_people_emails(draft=draft, exclude=actor),
        {"draft": draft, "actor": actor, "draft_url": absolute_url(draft.get_absolute_url())},
    )


def draft_trashed_mail(draft_id: int, actor_id: int) -> Mail | None:
    """To the organisation's people, except who deleted it: a draft went to
    the trash and until when it can be restored. Nobody outside the
    organisation is told (mentors and coordinators simply lose access)."""
    draft = (
        Draft.all_objects.select_related("organization", "call")
        .filter(pk=draft_id, deleted_at__isnull=False)
        .first()
    )
    if draft is None:
        return None
    actor = User.objects.filter(pk=actor_id).first()
    return Mail(
        DRAFT_TRASHED,
        selectors.organization_member_emails(draft=draft, exclude=actor),
        {
            "draft": draft,
            "actor": actor,
            "trash_url": absolute_url(reverse("applications:trash")),
        },
    )


def deadline_reminder_mail(draft_id: int, stage: int) -> Mail | None:
    """To the organisation's people: the deadline is near and the draft is
    not ready; lists what the readiness check finds missing."""
    from ikone.applications.deadline_reminders import OPEN, missing_items
    from ikone.core.datetimes import berlin_date, format_datetime

    draft = _draft(draft_id)
    if draft is None or draft.status not in OPEN or draft.call.deadline is None:
        return None
    missing = missing_items(draft)
    if missing is None:
        return None
    deadline = draft.call.deadline
    return Mail(
        DEADLINE_REMINDER,
        selectors.organization_member_emails(draft=draft),
        {
            "draft": draft,
            "missing": missing,
            "stage": stage,
            "days_left": (berlin_date(deadline) - berlin_date()).days,
            "deadline": format_datetime(deadline),
            "draft_url": absolute_url(draft.get_absolute_url()),
        },
    )
