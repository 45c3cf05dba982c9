"""schema.org markup of a call's FAQ page (JSON-LD FAQPage), so search
engines can show the official interpretations as answers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from ikone.calls.models import Call
from ikone.core.datetimes import iso
from ikone.qa.selectors_faq import FAQGroup
from ikone.qa.text import plain_text


def faq_page_json_ld(
    call: Call, groups: list[FAQGroup], *, request: HttpRequest
) -> dict[str, Any]:
    """Every published entry as a Question with its official answer, in
    the page's order. Texts are plain (the markup allows a few tags, but
    plain text is what every consumer reads)."""
    url = request.build_absolute_uri(reverse("calls:faq", kwargs={"slug": call.slug}))
    questions = []
    for group in groups:
        for entry in group.entries:
            question: dict[str, Any] = {
                "@type": "Question",
                "name": entry.title,
                "url": f"{url}#faq-{entry.pk}",
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(entry.answer_text)},
            }
            if entry.question_text:
                question["text"] = plain_text(entry.question_text)
            if entry.published_at:
                question["datePublished"] = iso(entry.published_at)
            questions.append(question)
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "name": call.title,
        "url": url,
        "inLanguage": "de",
        "mainEntity": questions,
    }
