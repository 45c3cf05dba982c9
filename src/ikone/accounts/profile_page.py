"""The content of the account page (/konto/profil/) as a memo (issue 15):
the person's organisations, open invitations and join requests, the
profile form and the security links.

Every visit read four lists and rendered the form's four fields, most of
the page. All of it is the person's own: the memo (ADR 0006) is keyed by
the person and every field of theirs the page shows (address, name,
function, phone, language of the e-mails, whether they need a second
factor), language and script prefix, and is computed anew when a table it
was read from changes (memberships, organisations, invitations, join
requests, verified addresses, authenticators). An invitation stops working
with the clock, not with a write: the memo is also computed anew once the
first invitation it shows has expired. The form's CSRF token is never
kept (`memo.csrf_pieces`); a refused form is rendered anew as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from ikone.accounts import selectors
from ikone.accounts.forms import ProfileForm
from ikone.accounts.models import User
from ikone.core.pagecache import memo

TEMPLATE = "accounts/profile.html"
MEMO_PREFIX = "accounts:profile-page:v1"


@dataclass(frozen=True)
class _Kept:
    pieces: tuple[str, ...]
    # When the first invitation shown expires (None: none shown).
    valid_until: datetime | None


def initial_of(user: User) -> dict[str, Any]:
    return {
        "name": user.name,
        "job_title": user.job_title,
        "phone": user.phone,
        "language": user.language,
    }


def content_html(request: HttpRequest, user: User, form: ProfileForm | None = None) -> SafeString:
    """The content below the layout; with `form` (a refused one) rendered
    now, else the memo with the empty form."""
    if form is not None:
        return render_to_string(f"{TEMPLATE}#content", _context(user, form)[0], request)
    key = memo.key(
        MEMO_PREFIX,
        user.pk,
        user.email,
        tuple(initial_of(user).values()),
        bool(user.requires_mfa),
    )

    def compute() -> _Kept:
        context, valid_until = _context(user, ProfileForm(initial=initial_of(user)))
        pieces = memo.csrf_pieces(
            lambda token: render_to_string(
                f"{TEMPLATE}#content", {**context, "csrf_token": token}, request
            )
        )
        return _Kept(pieces, valid_until)

    kept = memo.get_or_compute(key, compute)
    if kept.valid_until is not None and kept.valid_until <= timezone.now():
        memo.forget(key)
        kept = memo.get_or_compute(key, compute)
    return memo.with_csrf(request, kept.pieces)


def _context(user: User, form: ProfileForm) -> tuple[dict[str, Any], datetime | None]:
    invitations = selectors.invitation_list_pending_for_user(user=user)
    context = {
        "user": user,
        "form": form,
        "memberships": selectors.membership_list_for_user(user=user),
        "invitations": invitations,
        "join_requests": selectors.join_request_list_pending_for_user(user=user),
        "has_totp": selectors.user_has_totp(user=user),
    }
    return context, min((i.expires_at for i in invitations), default=None)
