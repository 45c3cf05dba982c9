"""Refusals of the application workshop's rules (German messages)."""

from __future__ import annotations

from dataclasses import dataclass

from ikone.core.exceptions import DomainError


class DraftError(DomainError):
    """A rule about drafts refused the action."""


@dataclass
class ConflictingText:
    """What a colleague saved since the version the editor started from."""

    text: str
    version: int
    author_name: str
    saved_at: object


class EditConflict(DomainError):  # noqa: N818 - the name STYLE.md gives it
    """A colleague saved the section since the version the save was based on.
    Carries both texts so the person can merge them."""

    def __init__(self, *, mine: str, theirs: ConflictingText, message: str = "") -> None:
        super().__init__(message)
        self.mine = mine
        self.theirs = theirs


class DraftVersionConflict(DomainError):  # noqa: N818 - a conflict, like EditConflict
    """Someone changed the draft's own fields since the form was opened."""
