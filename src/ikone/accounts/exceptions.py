"""Domain errors of the accounts app. Each carries a German message for the view."""

from ikone.core.exceptions import DomainError


class InvitationNotUsableError(DomainError):
    """The invitation was accepted, revoked or has expired."""


class InvitationEmailMismatchError(DomainError):
    """The signed-in person has no verified address matching the invitation."""


class AlreadyMemberError(DomainError):
    """The person already belongs to the organisation."""


class LastContactPersonError(DomainError):
    """The change would leave an organisation with people but no Ansprechperson."""


class OrganizationExistsError(DomainError):
    """The municipality already has an organisation on the platform."""


class JoinRequestNotPendingError(DomainError):
    """The join request was already decided, or one is already open."""


class NetworkMissingError(DomainError):
    """No primary network is configured yet."""


class LastAdministratorError(DomainError):
    """The last active operator account cannot be deleted."""


class AccountInUseError(DomainError):
    """Other records still depend on the account and block its deletion."""
