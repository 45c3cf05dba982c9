"""Signal receivers of the questions app."""

from __future__ import annotations

from typing import Any

from ikone.qa.services import flag_for_amendment


def flag_answers_on_amendment(
    sender: Any, call: Any, changed_numbers: Any = (), **kwargs: Any
) -> None:
    """`calls.signals.call_amended`: flag answers and FAQ entries citing a
    changed section ("Auslegung prüfen")."""
    flag_for_amendment(call=call, changed_numbers=changed_numbers)
