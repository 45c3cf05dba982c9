"""Refusals of the questions app's services."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from ikone.core.exceptions import DomainError


class EditConflictError(DomainError):
    """Someone saved the object since the form was opened; `current` is the
    saved object so the view can show both wordings."""

    def __init__(self, current: Any) -> None:
        super().__init__(
            _(
                "Jemand anderes hat inzwischen gespeichert. Ihre Fassung ist unten noch "
                "da; bitte vergleichen Sie und speichern Sie erneut."
            )
        )
        self.current = current


class InvalidSectionsError(DomainError):
    """A cited section does not belong to the call's current version."""

    def __init__(self) -> None:
        super().__init__(_("Bitte wählen Sie nur Abschnitte der aktuellen Fassung des Aufrufs."))


class NoOfficialAnswerError(DomainError):
    def __init__(self) -> None:
        super().__init__(_("Markieren Sie zuerst eine Antwort als offizielle Auslegung."))


class NotFlaggedError(DomainError):
    def __init__(self) -> None:
        super().__init__(_("Diese Auslegung ist nicht zur Prüfung markiert."))
