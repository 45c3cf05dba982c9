"""The status of a draft and the allowed moves.

`TRANSITIONS[(state, action)] = new state`. Only people of the draft's
organisation move a draft; mentors recommend, they do not decide.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ikone.applications.models import DraftStatus

REVIEW = "review"
REOPEN = "reopen"
SUBMIT = "submit"
FUNDED = "funded"
NOT_FUNDED = "not_funded"

TRANSITIONS: dict[tuple[str, str], str] = {
    (DraftStatus.DRAFT, REVIEW): DraftStatus.IN_REVIEW,
    (DraftStatus.IN_REVIEW, REOPEN): DraftStatus.DRAFT,
    (DraftStatus.DRAFT, SUBMIT): DraftStatus.SUBMITTED,
    (DraftStatus.IN_REVIEW, SUBMIT): DraftStatus.SUBMITTED,
    (DraftStatus.SUBMITTED, FUNDED): DraftStatus.FUNDED,
    (DraftStatus.SUBMITTED, NOT_FUNDED): DraftStatus.NOT_FUNDED,
}

ACTION_LABELS: dict[str, str | Promise] = {
    REVIEW: _("Zur Prüfung geben"),
    REOPEN: _("Wieder in Bearbeitung nehmen"),
    SUBMIT: _("Als eingereicht markieren"),
    FUNDED: _("Als gefördert eintragen"),
    NOT_FUNDED: _("Als nicht gefördert eintragen"),
}

# Taking a submitted draft back into editing is no ordinary move of the
# organisation's people: an Ansprechperson or a coordinator the draft is
# shared with decides it (`services.lifecycle.draft_reopen`, audited).
REOPEN_SUBMITTED: dict[str, str] = {DraftStatus.SUBMITTED: DraftStatus.DRAFT}

# States in which the text may still change.
EDITABLE = frozenset({DraftStatus.DRAFT, DraftStatus.IN_REVIEW})
# States with a decision of the funder.
DECIDED = frozenset({DraftStatus.FUNDED, DraftStatus.NOT_FUNDED})


def next_status(status: str, action: str) -> str | None:
    """The status after `action`, or None when the move is not allowed."""
    return TRANSITIONS.get((status, action))


def actions_from(status: str) -> list[str]:
    """The actions allowed from `status`, in table order."""
    return [action for (state, action) in TRANSITIONS if state == status]
