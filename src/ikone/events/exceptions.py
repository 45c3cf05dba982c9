"""Domain errors of the events app. `message` is already translated German."""

from ikone.core.exceptions import DomainError


class EventError(DomainError):
    """A rule about an event refused the action."""


class RegistrationError(EventError):
    """Registering or cancelling a registration is not possible (audience,
    deadline, status, already registered, …)."""
