"""The review of a solution profile and the allowed moves.

`TRANSITIONS[(state, action)] = (new state, who)`: the proposing side
submits; coordinators publish, return (with a comment saying what to
change) or withdraw a published profile back to review.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ikone.solutions.models import ReviewState

SUBMIT = "submit"
PUBLISH = "publish"
RETURN = "return"
WITHDRAW = "withdraw"

PROPOSER = "proposer"
COORDINATOR = "coordinator"

TRANSITIONS: dict[tuple[str, str], tuple[str, str]] = {
    (ReviewState.DRAFT, SUBMIT): (ReviewState.SUBMITTED, PROPOSER),
    (ReviewState.RETURNED, SUBMIT): (ReviewState.SUBMITTED, PROPOSER),
    (ReviewState.SUBMITTED, PUBLISH): (ReviewState.PUBLISHED, COORDINATOR),
    (ReviewState.SUBMITTED, RETURN): (ReviewState.RETURNED, COORDINATOR),
    (ReviewState.PUBLISHED, WITHDRAW): (ReviewState.SUBMITTED, COORDINATOR),
}

ACTION_LABELS: dict[str, str | Promise] = {
    SUBMIT: _("Zur Prüfung einreichen"),
    PUBLISH: _("Veröffentlichen"),
    RETURN: _("Zur Überarbeitung zurückgeben"),
    WITHDRAW: _("Veröffentlichung zurücknehmen"),
}

# A comment is required where the other side must learn why.
COMMENT_REQUIRED = frozenset({RETURN, WITHDRAW})


def next_state(state: str, action: str) -> tuple[str, str] | None:
    """(new state, who may do it), or None when the move is not allowed."""
    return TRANSITIONS.get((state, action))


def actions_from(state: str) -> list[str]:
    return [action for (source, action) in TRANSITIONS if source == state]
