from ikone.core.exceptions import DomainError


class SupportError(DomainError):
    """A rule about support requests refused the action."""


class StaleRequest(SupportError):  # noqa: N818 - says what happened, like EditConflict
    """Someone changed the request since the form was loaded."""
