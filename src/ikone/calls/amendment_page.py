"""The coordinators' amendment page (/foerderaufrufe/<slug>/aenderung/)
as a memo (issue 15): the unbound form over every section of the current
version.

Every visit read the call and its sections and built a form of three
fields per section (about a hundred on the example call) with the text of
each turned back into paragraphs, most of the page. The empty form is the
same for everyone who may publish a version (`permissions.can_manage_calls`,
checked per request before): the memo (ADR 0006) is keyed by the call's
slug, language and script prefix, keeps the call (title and breadcrumbs)
and the rendered content, and is computed anew when the call, its versions
or sections change. The form's CSRF token is never kept: each request puts
its own in (`memo.csrf_pieces`). A form sent back with errors is rendered
anew as typed (`content_html`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from ikone.calls import selectors
from ikone.calls.amendment_rows import section_fieldsets
from ikone.calls.forms import AmendmentForm
from ikone.calls.models import Call
from ikone.core.pagecache import memo

TEMPLATE = "calls/amendment_form.html"
MEMO_PREFIX = "calls:amendment-page:v1"


@dataclass(frozen=True)
class AmendmentPage:
    """The call (for the layout's title and breadcrumbs) and its content
    split where the CSRF token goes."""

    call: Call
    pieces: tuple[str, ...]

    def content_html(self, request: HttpRequest) -> SafeString:
        return memo.with_csrf(request, self.pieces)


def content_html(
    request: HttpRequest, call: Call, form: AmendmentForm, current_number: int | None
) -> SafeString:
    """The content below the layout for `form` (bound or not), rendered now."""
    return render_to_string(f"{TEMPLATE}#content", _context(call, form, current_number), request)


def amendment_page(request: HttpRequest, *, slug: str) -> AmendmentPage:
    """The page with the empty form for the call `slug`; Http404 if unknown
    (not kept). The caller has checked that the person may manage calls."""

    def compute() -> AmendmentPage:
        call = selectors.call_get(slug=slug, with_facts=False)
        sections = selectors.current_sections(call)
        current_number = call.current_version.number if call.current_version else None
        form = AmendmentForm(initial={"based_on": current_number}, sections=sections)
        context = _context(call, form, current_number)
        pieces = memo.csrf_pieces(
            lambda token: render_to_string(
                f"{TEMPLATE}#content", {**context, "csrf_token": token}, request
            )
        )
        return AmendmentPage(call, pieces)

    return memo.get_or_compute(memo.key(MEMO_PREFIX, slug), compute)


def _context(call: Call, form: AmendmentForm, current_number: int | None) -> dict[str, Any]:
    return {
        "call": call,
        "form": form,
        "current_number": current_number,
        "section_fieldsets": section_fieldsets(form),
    }
