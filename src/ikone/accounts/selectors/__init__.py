"""Reads of people, organisations, invitations and join requests.

Selectors never write. The `*_get_for_*` ones fetch and check in one step:
Http404 where the person may not see the object, PermissionDenied where
they see it but may not act on it. The package re-exports every selector so
callers keep writing `selectors.organization_get(...)`.
"""

from ikone.accounts.selectors.export import user_data_export
from ikone.accounts.selectors.invitations import (
    invitation_get_by_token,
    invitation_get_for_revoke,
    invitation_list_pending_for_organization,
    invitation_list_pending_for_user,
    join_request_get_for_decision,
    join_request_list_for_user,
    join_request_list_pending_for_organization,
    join_request_list_pending_for_user,
    verified_emails,
)
from ikone.accounts.selectors.memberships import (
    active_admin_count,
    contact_person_blockers,
    contact_person_emails,
    coordinator_emails,
    membership_get_for_change,
    membership_get_own,
    membership_list_for_user,
    organizations_only_member,
    user_has_totp,
)
from ikone.accounts.selectors.municipalities import (
    KREISFREI_DISTRICT_TYPES,
    MUNICIPALITY_SEARCH_LIMIT,
    fold_search_text,
    municipality_get_for_new_organization,
    municipality_search_without_organization,
)
from ikone.accounts.selectors.organizations import (
    OrganizationFlags,
    network_get_primary,
    network_membership_get_primary,
    organization_flags,
    organization_for_municipality,
    organization_get,
    organization_get_for_action,
    organization_get_for_detail,
    organization_list,
    organization_people,
)

__all__ = [
    "KREISFREI_DISTRICT_TYPES",
    "MUNICIPALITY_SEARCH_LIMIT",
    "OrganizationFlags",
    "active_admin_count",
    "contact_person_blockers",
    "contact_person_emails",
    "coordinator_emails",
    "fold_search_text",
    "invitation_get_by_token",
    "invitation_get_for_revoke",
    "invitation_list_pending_for_organization",
    "invitation_list_pending_for_user",
    "join_request_get_for_decision",
    "join_request_list_for_user",
    "join_request_list_pending_for_organization",
    "join_request_list_pending_for_user",
    "membership_get_for_change",
    "membership_get_own",
    "membership_list_for_user",
    "municipality_get_for_new_organization",
    "municipality_search_without_organization",
    "network_get_primary",
    "network_membership_get_primary",
    "organization_flags",
    "organization_for_municipality",
    "organization_get",
    "organization_get_for_action",
    "organization_get_for_detail",
    "organization_list",
    "organization_people",
    "organizations_only_member",
    "user_data_export",
    "user_has_totp",
    "verified_emails",
]
