"""Receivers of other apps' signals."""

from __future__ import annotations

from typing import Any

from ikone.knowledge.services_review import articles_flag_for_amendment


def flag_articles_on_amendment(
    sender: Any, call: Any, new_version: Any, changed_numbers: Any = (), **kwargs: Any
) -> None:
    """`calls.signals.call_amended`: flag articles interpreting a changed
    section ("Auslegung prüfen")."""
    articles_flag_for_amendment(
        call=call, changed_numbers=changed_numbers, new_version_number=new_version.number
    )
