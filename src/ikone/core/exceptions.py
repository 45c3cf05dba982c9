class DomainError(Exception):
    """A rule of the domain refused an action. Views map it to a German
    message; `message` is already translated."""

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message
