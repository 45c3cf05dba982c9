"""The catalogue's notification kinds and the mails they send.

Registered in `SolutionsConfig.ready()`; the review services send them with
`core.mail.notify(kind, solution_id)` after commit. The mails name the
profile and link to it; the review comment stays on the platform.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ikone.accounts.models import Role, User
from ikone.accounts.selectors import coordinator_emails
from ikone.core.mail import Mail, absolute_url
from ikone.core.notifications import NotificationKind
from ikone.solutions.models import Solution

SUBMITTED = "solutions.submitted"
DECIDED = "solutions.decided"

_BUILDERS = "ikone.solutions.notifications"
KINDS = (
    NotificationKind(
        SUBMITTED,
        _("Lösung zur Prüfung eingereicht"),
        f"{_BUILDERS}.submitted_mail",
        description=_("An die Netzwerkkoordination, die Steckbriefe prüft."),
    ),
    NotificationKind(
        DECIDED,
        _("Entscheidung über einen Lösungs-Steckbrief"),
        f"{_BUILDERS}.decided_mail",
        description=_(
            "An die Person, die den Steckbrief vorgeschlagen hat, und die Ansprechpersonen "
            "seiner Organisationen: veröffentlicht oder zurückgegeben."
        ),
        mandatory=True,
    ),
)


def _solution(solution_id: int) -> Solution | None:
    return Solution.objects.filter(pk=solution_id).first()


def submitted_mail(solution_id: int) -> Mail | None:
    """To the coordinators: a profile waits for review."""
    solution = _solution(solution_id)
    if solution is None:
        return None
    return Mail(
        SUBMITTED,
        coordinator_emails(),
        {"solution": solution, "solution_url": absolute_url(solution.get_absolute_url())},
    )


def decided_mail(solution_id: int) -> Mail | None:
    """To the proposing side: the coordinators published or returned the profile."""
    solution = _solution(solution_id)
    if solution is None:
        return None
    contacts = User.objects.filter(
        is_active=True,
        memberships__organization__in=solution.organizations.all(),
        memberships__role=Role.CONTACT,
    )
    recipients = {user.email: user for user in contacts}
    proposer = solution.proposed_by
    if proposer is not None and proposer.is_active:
        recipients[proposer.email] = proposer
    return Mail(
        DECIDED,
        list(recipients.values()),
        {"solution": solution, "solution_url": absolute_url(solution.get_absolute_url())},
    )
