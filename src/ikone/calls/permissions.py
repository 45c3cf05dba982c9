"""Who may do what with funding calls.

Calls, their versions and their FAQ are public. Only network coordinators
(and operators) change them: in the Django admin and on the amendment page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ikone.accounts.permissions import is_network_coordinator

if TYPE_CHECKING:
    from ikone.accounts.permissions import AnyUser


def can_view_call(user: AnyUser | None, call: object) -> bool:
    """Every call is public, also the labelled example calls."""
    return True


def can_manage_calls(user: AnyUser | None) -> bool:
    """Edit calls and publish amended versions."""
    return is_network_coordinator(user)
