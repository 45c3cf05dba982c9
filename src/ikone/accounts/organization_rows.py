"""The rows of /organisationen/ as one string (issue 15): each row cost the
template engine a `reverse`, the kind's translation and the include of
`accounts/includes/network_status.html`, most of the list's time. Written
here, each label is translated once per page and the addresses come from
one `reverse`. The output is what the template's loop wrote, up to
whitespace (compared in tests/accounts/test_organization_rows.py); names
are escaped."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ikone.accounts.models import (
    NetworkMembership,
    NetworkMembershipStatus,
    Organization,
    OrganizationKind,
)
from ikone.core.urlmemo import EACH, row_address


def _badge(kind: str, label: str) -> str:
    return (
        f'<span class="kern-badge kern-badge--{kind}">'
        f'<span class="kern-label kern-label--small">{escape(label)}</span></span>'
    )


def _current_member(membership: NetworkMembership, member_badge: str) -> str:
    """What `accounts/includes/network_status.html` writes for a current member."""
    if not membership.member_since:
        return member_badge
    since = _("seit %(since)s") % {"since": escape(membership.member_since_label)}
    return f'{member_badge} <span class="ikone-network-status__since">{since}</span>'


def organization_rows(organizations: Iterable[Organization]) -> SafeString:
    """The table rows of one page of `organization_list`."""
    kinds = {value: str(label) for value, label in OrganizationKind.choices}
    statuses = {value: str(label) for value, label in NetworkMembershipStatus.choices}
    member_badge = _badge("success", _("Netzwerkmitglied"))
    no_member = _badge("info", _("kein Mitglied"))
    detail_url = row_address("organizations:detail", slug=EACH)
    rows = []
    for organization in organizations:
        memberships = organization.primary_memberships  # type: ignore[attr-defined]
        membership = memberships[0] if memberships else None
        if membership is None:
            status = no_member
        elif membership.is_current_member:
            status = _current_member(membership, member_badge)
        else:
            status = _badge("info", statuses.get(membership.status, membership.status))
        url = detail_url(organization.slug)
        rows.append(
            '<tr class="kern-table__row">'
            f'<td class="kern-table__cell"><a class="kern-link" href="{escape(url)}">'
            f"{escape(organization.name)}</a></td>"
            f'<td class="kern-table__cell">{escape(kinds.get(organization.kind, organization.kind))}</td>'
            f'<td class="kern-table__cell">{status}</td>'
            '<td class="kern-table__cell kern-table__cell--numeric">'
            f"{escape(localize(organization.people_count))}</td>"  # type: ignore[attr-defined]
            "</tr>"
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - names, labels and addresses escaped
