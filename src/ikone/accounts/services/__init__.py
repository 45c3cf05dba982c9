"""Every write to people, organisations, roles and network membership.

Services take keyword arguments and an explicit `actor`, check permissions
again (views already did), keep the invariants, write an audit entry for
sensitive changes and send e-mails only after the transaction commits.
They raise PermissionDenied or a DomainError from `accounts.exceptions`.
Other apps import them from here: `from ikone.accounts import services`.
"""

from ikone.accounts.services.joining import (
    INVITATION_VALIDITY,
    invitation_accept,
    invitation_create,
    invitation_revoke,
    join_request_approve,
    join_request_create,
    join_request_decline,
)
from ikone.accounts.services.memberships import (
    membership_change_recorded,
    membership_change_role,
    membership_remove,
)
from ikone.accounts.services.organizations import (
    RESERVED_SLUGS,
    network_membership_apply,
    network_membership_record,
    network_membership_remove,
    organization_create,
    organization_default_name,
    organization_kind_for,
    organization_update,
    unique_organization_slug,
)
from ikone.accounts.services.users import (
    COORDINATOR_GROUP,
    coordinator_group,
    coordinator_role_set,
    mentor_role_set,
    profile_update,
    user_delete,
    user_export,
)

__all__ = [
    "COORDINATOR_GROUP",
    "INVITATION_VALIDITY",
    "RESERVED_SLUGS",
    "coordinator_group",
    "coordinator_role_set",
    "invitation_accept",
    "invitation_create",
    "invitation_revoke",
    "join_request_approve",
    "join_request_create",
    "join_request_decline",
    "membership_change_recorded",
    "membership_change_role",
    "membership_remove",
    "mentor_role_set",
    "network_membership_apply",
    "network_membership_record",
    "network_membership_remove",
    "organization_create",
    "organization_default_name",
    "organization_kind_for",
    "organization_update",
    "profile_update",
    "unique_organization_slug",
    "user_delete",
    "user_export",
]
