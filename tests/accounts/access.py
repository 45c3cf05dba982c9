"""Access-matrix rows of organisations, accounts, allauth and MFA (see
tests/access.py): organisation A with a staff membership, an open
invitation and a pending join request."""

from tests.access import (
    ACTION_BY_CONTACT,
    COORDINATION,
    LOGIN,
    MANAGED_BY_CONTACT,
    PUBLIC,
    SIGNED_IN,
    STEP_PENDING,
    Base,
    everyone,
    post,
    row,
)

#             anonymous, staff_a, staff_b, contact_a, mentor, coordinator, admin
ROWS = {
    # Organisations
    "organizations:list": PUBLIC,
    "organizations:detail": PUBLIC,
    "organizations:create": SIGNED_IN,
    "organizations:edit": MANAGED_BY_CONTACT,
    "organizations:members": MANAGED_BY_CONTACT,
    # Only Ansprechpersonen let people in while the organisation has one
    # (accounts.admission): coordinators and operators neither invite nor decide.
    "organizations:invite": row(LOGIN, 403, 403, 200, 403, 403, 403),
    "organizations:membership_remove": MANAGED_BY_CONTACT,
    "organizations:membership_role": ACTION_BY_CONTACT,
    "organizations:invitation_revoke": ACTION_BY_CONTACT,
    "organizations:join_request_decide": post(LOGIN, 403, 403, 302, 403, 403, 403),
    # Only members leave; only non-members ask to join.
    "organizations:leave": row(LOGIN, 200, 404, 200, 404, 404, 404),
    "organizations:join": row(LOGIN, 403, 200, 403, 200, 200, 200),
    "organizations:network_membership": COORDINATION,
    # The organisation's Ansprechperson applies; coordinators record instead.
    "organizations:network_membership_apply": post(LOGIN, 403, 403, 302, 403, 403, 403),
    # Own account
    "accounts:profile": SIGNED_IN,
    "accounts:export": SIGNED_IN,
    "accounts:delete": SIGNED_IN,
    "accounts:invitation": everyone(200, capability=True),
    # allauth
    "account_login": row(200, 302, 302, 302, 302, 302, 302),
    "account_signup": row(200, 302, 302, 302, 302, 302, 302),
    "account_logout": row(302, 200, 200, 200, 200, 200, 200),
    "account_inactive": PUBLIC,
    "account_reauthenticate": SIGNED_IN,
    "account_request_reauthentication_code": SIGNED_IN,
    "account_confirm_reauthentication_code": STEP_PENDING,
    "account_email": SIGNED_IN,
    "account_email_verification_sent": PUBLIC,
    "account_confirm_email": PUBLIC,
    "account_change_password": SIGNED_IN,
    "account_set_password": STEP_PENDING,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
    "account_confirm_login_code": STEP_PENDING,
    # allauth MFA: coordinators and admins have TOTP, the others none.
    "mfa_index": SIGNED_IN,
    "mfa_authenticate": STEP_PENDING,
    "mfa_reauthenticate": row(LOGIN, 302, 302, 302, 302, 200, 200),
    "mfa_activate_totp": STEP_PENDING,
    "mfa_deactivate_totp": row(LOGIN, 404, 404, 404, 404, 302, 302),
    "mfa_view_recovery_codes": row(LOGIN, 404, 404, 404, 404, 404, 404),
    "mfa_generate_recovery_codes": STEP_PENDING,
    "mfa_download_recovery_codes": row(LOGIN, 404, 404, 404, 404, 404, 404),
}

# Pages with organisation A's non-public data: never 200 for staff of B.
PRIVATE_TO_A = {
    "organizations:edit",
    "organizations:members",
    "organizations:invite",
    "organizations:membership_remove",
    "organizations:membership_role",
    "organizations:invitation_revoke",
    "organizations:join_request_decide",
    "organizations:leave",
    "organizations:network_membership",
    "organizations:network_membership_apply",
}


def objects(base: Base) -> dict:
    from ikone.accounts.models import Membership
    from tests.accounts.factories import InvitationFactory, JoinRequestFactory

    invitation = InvitationFactory(
        organization=base.organization,
        invited_by=base.contact_person,
        email="eingeladen@astadt.example",
    )
    join_request = JoinRequestFactory(
        organization=base.organization, message="Bitte aufnehmen, Zimmer 4711 im Rathaus."
    )
    membership = Membership.objects.get(user=base.staff_member, organization=base.organization)
    return {
        "org_slug": base.organization.slug,
        "membership_pk": membership.pk,
        "invitation_pk": invitation.pk,
        "invitation_token": invitation.token,
        "join_request_pk": join_request.pk,
        # Shown on A's member page (checked by the matrix's last test).
        "members_page_secrets": (base.staff_member.email, invitation.email),
        "secrets": (
            base.staff_member.email,
            invitation.email,
            invitation.token,
            join_request.message,
            join_request.user.email,
        ),
    }


PARAMETERS = {
    # `slug` means the organisation's unless a module claims the prefix.
    "slug": lambda values: values["org_slug"],
    "token": lambda values: values["invitation_token"],
    "key": lambda values: "ungueltiger-schluessel",
    "uidb36": lambda values: "1",
}
PK_BY_SEGMENT = {
    "personen/": lambda values: values["membership_pk"],
    "einladungen/": lambda values: values["invitation_pk"],
    "anfragen/": lambda values: values["join_request_pk"],
}
