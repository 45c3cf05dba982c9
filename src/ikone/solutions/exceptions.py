"""Refusals of the catalogue's rules (German messages)."""

from __future__ import annotations

from ikone.core.exceptions import DomainError


class SolutionError(DomainError):
    """A rule about solution profiles refused the action."""


class EditConflict(DomainError):  # noqa: N818 - the name STYLE.md gives it
    """Someone saved the profile since the version the edit started from."""
