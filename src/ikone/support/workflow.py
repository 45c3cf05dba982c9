"""The states of a support request and the moves between them.

`TRANSITIONS` maps (state, action) to the new state and who may take the
action: "handler" (a coordinator, or the mentor the request is assigned
to) or "requester" (the person who asked, or their organisation's people).
One service per action in `services/`; the tests walk this table.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NEW = "new", _("neu")
    ASSIGNED = "assigned", _("zugewiesen")
    WAITING = "waiting", _("wartet auf Rückmeldung")
    SOLVED = "solved", _("gelöst")
    CLOSED = "closed", _("geschlossen")


class Action(models.TextChoices):
    ASSIGN = "assign", _("zuweisen")
    REPLY = "reply", _("antworten")
    REQUESTER_REPLY = "requester_reply", _("Rückmeldung geben")
    SOLVE = "solve", _("als gelöst markieren")
    CLOSE = "close", _("schließen")
    REOPEN = "reopen", _("wieder öffnen")


HANDLER = "handler"
REQUESTER = "requester"
OPEN = (Status.NEW, Status.ASSIGNED, Status.WAITING)

TRANSITIONS: dict[tuple[str, str], tuple[str, frozenset[str]]] = {}


def _allow(states: tuple[str, ...], action: str, new: str, *roles: str) -> None:
    for state in states:
        TRANSITIONS[(state, action)] = (new, frozenset(roles))


_allow(OPEN, Action.ASSIGN, Status.ASSIGNED, HANDLER)
_allow(OPEN, Action.REPLY, Status.WAITING, HANDLER)
_allow((Status.SOLVED,), Action.REPLY, Status.SOLVED, HANDLER)
# A requester's answer puts the request back on the handler's desk.
_allow((*OPEN, Status.SOLVED), Action.REQUESTER_REPLY, Status.ASSIGNED, REQUESTER)
_allow(OPEN, Action.SOLVE, Status.SOLVED, HANDLER)
_allow((*OPEN, Status.SOLVED), Action.CLOSE, Status.CLOSED, HANDLER, REQUESTER)
_allow((Status.SOLVED, Status.CLOSED), Action.REOPEN, Status.ASSIGNED, HANDLER)


def target(state: str, action: str, role: str) -> str | None:
    """The state after `action` by `role`, or None when not allowed."""
    move = TRANSITIONS.get((state, action))
    if move is None or role not in move[1]:
        return None
    return move[0]


def actions_for(state: str, role: str) -> list[str]:
    """The actions `role` may take in `state`, in the table's order."""
    return [
        action
        for (from_state, action), (_new, roles) in TRANSITIONS.items()
        if from_state == state and role in roles
    ]
