"""The rows of the people page's table (/organisationen/<slug>/personen/),
written in Python: the template loop rendered two addresses, a CSRF field,
the role form's field and a translation per person. The markup is the one
the loop gave (tests/accounts/test_members_page_rendering.py)."""

from __future__ import annotations

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from ikone.accounts.forms import MembershipRoleForm
from ikone.accounts.models import Membership, Organization
from ikone.accounts.selectors import organization_people
from ikone.core.form_fields import render_field
from ikone.core.pagecache import memo
from ikone.core.urlmemo import EACH, row_address

PEOPLE_ROWS_MEMO_PREFIX = "accounts:people-rows:v1"
ROW = """
            <tr class="kern-table__row">
              <td class="kern-table__cell">{person}<br><span class="kern-body--small">{email}</span></td>
              <td class="kern-table__cell">
                <form method="post" action="{role_url}" class="ikone-inline-fields">
                  {csrf}
                  {field}
                  <button type="submit" class="kern-btn kern-btn--secondary kern-btn--x-small"><span class="kern-label">{change}</span></button>
                </form>
              </td>
              <td class="kern-table__cell kern-table__cell--action"><a class="kern-link" href="{remove_url}">{remove}</a></td>
            </tr>
          """


def people_rows_html(
    request: HttpRequest,
    organization: Organization,
    people: list[tuple[Membership, MembershipRoleForm]],
) -> SafeString:
    """One table row per (membership, role form) pair."""
    return _rows(organization, people, get_token(request))


def organization_people_rows(request: HttpRequest, organization: Organization) -> SafeString:
    """The rows of the organisation's people as a memo (ADR 0006, issue 15)
    with the CSRF token put in per request (`memo.html_with_csrf`). The rows
    are the same for everyone who may manage the organisation's people
    (checked before); they are keyed by the organisation, its slug (in
    the addresses; the memo reads no organisation row), language and
    script prefix, and computed anew when memberships or people change."""

    def render(token: str) -> str:
        people = [
            (
                membership,
                MembershipRoleForm(initial={"role": membership.role}, prefix=f"m{membership.pk}"),
            )
            for membership in organization_people(organization=organization)
        ]
        return _rows(organization, people, token)

    key = memo.key(PEOPLE_ROWS_MEMO_PREFIX, organization.pk, organization.slug)
    return memo.html_with_csrf(request, key, render)


def _rows(
    organization: Organization, people: list[tuple[Membership, MembershipRoleForm]], token: str
) -> SafeString:
    # One token for the page, as the template's csrf_token reads it once.
    csrf = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(token)}">'
    change = escape(gettext("Rolle ändern"))
    remove = gettext("%(person)s entfernen")
    role_url = row_address("organizations:membership_role", organization.slug, EACH)
    remove_url = row_address("organizations:membership_remove", organization.slug, EACH)
    rows = []
    for membership, role_form in people:
        person = escape(str(membership.user))
        rows.append(
            ROW.format(
                person=person,
                email=escape(membership.user.email),
                role_url=escape(role_url(membership.pk)),
                csrf=csrf,
                field=render_field(role_form["role"]),
                change=change,
                remove_url=escape(remove_url(membership.pk)),
                remove=remove % {"person": person},
            )
        )
    # Safe: names, addresses and the token are escaped, the field renders escaped.
    return mark_safe("".join(rows))  # noqa: S308
