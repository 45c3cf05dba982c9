"""The content of a call's FAQ page (/foerderaufrufe/<slug>/faq/) as a memo
(issue 15): its sections with every entry and its JSON-LD.

Every visit read the call's published entries with their sections and
questions, wrote some 60 cards and serialised them once more as JSON-LD:
most of the page. What it shows differs between viewers in two ways, both
in the key (ADR 0006): an entry links its question only for those who may
see that question (the audience, `qa.selectors.remembered`), and
coordinators see the review flag (`can_moderate`). The JSON-LD holds the
page's absolute address (scheme, host, the call's slug) and the call's
title; the sections link the call's page. The memo is computed anew when entries, sections or
questions change.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.safestring import SafeString

from ikone.calls.models import Call
from ikone.core.seo.meta import json_ld
from ikone.qa import permissions, selectors, selectors_faq
from ikone.qa.faq_rows import faq_sections
from ikone.qa.permissions import Viewer
from ikone.qa.structured_data import faq_page_json_ld

MEMO_PREFIX = "qa:faq-page:v1"


@dataclass(frozen=True)
class FAQPage:
    """The sections' HTML (empty: nothing published yet) and the JSON-LD
    (None then too: an FAQPage without questions is invalid markup)."""

    sections: SafeString
    json_ld: SafeString | None


def faq_page(request: HttpRequest, call: Call, who: Viewer, *, call_url: str) -> FAQPage:
    """The call's FAQ as `who` sees it; `call_url` is the call's page."""
    can_moderate = permissions.can_moderate(who)

    def compute() -> FAQPage:
        groups = selectors_faq.faq_groups(call=call)
        if not groups:
            return FAQPage(SafeString(""), None)
        visible_questions = {
            entry.question_id
            for group in groups
            for entry in group.entries
            if permissions.can_view_question(who, entry.question)
        }
        sections = faq_sections(
            groups,
            call_url=call_url,
            visible_questions=visible_questions,
            can_moderate=can_moderate,
        )
        return FAQPage(sections, json_ld(faq_page_json_ld(call, groups, request=request)))

    address = (request.scheme, request.get_host())
    parts = (call.pk, call.slug, call_url, call.title, can_moderate, address)
    return selectors.remembered(MEMO_PREFIX, who, parts, compute)
