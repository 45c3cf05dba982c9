"""Small builders for calls in tests (through the real import service)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from ikone.calls import services
from ikone.calls.importer import validate_call
from ikone.calls.models import Call
from ikone.calls.text import paragraphs_to_html
from ikone.core.audit import Actor


def call_mapping(slug: str = "testaufruf", **overrides: Any) -> dict[str, Any]:
    """An import-format mapping of a small open call with nested sections."""
    mapping: dict[str, Any] = {
        "slug": slug,
        "programme": "Testprogramm",
        "funder": "Testministerium",
        "title": f"Testaufruf {slug}",
        "status": "open",
        "summary": "Ein Aufruf für Tests.",
        "deadline": timezone.now() + dt.timedelta(days=23),
        "federal_share": 65,
        "federal_share_budget_emergency": 90,
        "total_budget": 1000000,
        "phases": [
            {"key": "A", "name": "Phase A – Strategie", "duration_months": 12},
            {"key": "B", "name": "Phase B – Umsetzung", "duration_months": 48},
        ],
        "required_documents": [
            {"title": "Ratsbeschluss"},
            {"title": "Strategie", "mandatory": False},
        ],
        "criteria": [{"title": "Beteiligung", "weight": 20}, {"title": "Open Source"}],
        "sections": [
            {
                "title": "Förderung",
                "text": "Einleitung.",
                "sections": [
                    {"title": "Förderquote", "text": "Gefördert werden 65 % der Ausgaben."},
                    {"title": "Förderfähige Ausgaben", "text": "Personal und Sachmittel."},
                ],
            },
            {"title": "Bewerbung", "text": "Online bis zur Frist."},
        ],
    }
    mapping.update(overrides)
    return mapping


def make_call(slug: str = "testaufruf", *, amended: bool = False, **overrides: Any) -> Call:
    """A call with version 1 (and version 2 changing 1.2 when `amended`)."""
    result = services.import_call(
        data=validate_call(call_mapping(slug, **overrides)), actor=Actor.system()
    )
    call = result.call
    if amended:
        services.publish_amendment(
            call=call,
            changes={
                "1.2": services.SectionText(
                    title="Förderfähige Ausgaben",
                    text=paragraphs_to_html("Personal, Sachmittel und Beratung."),
                )
            },
            note="Beratung ergänzt.",
            actor=Actor.system(),
            check_permission=False,
        )
        call.refresh_from_db()
    return call
