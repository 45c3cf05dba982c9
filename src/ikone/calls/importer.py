"""Read and check a call described in YAML (format: docs/calls.md).

`parse_call_yaml(text)` returns a `CallData` (plain values, validated) or
raises `CallImportError` listing every problem with its line and field.
Nothing is written here; `services.import_call` writes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ikone.calls.models import CallStatus, DocumentStage
from ikone.calls.yaml_checker import Checker, LineLoader
from ikone.core.exceptions import DomainError

NUMBER_RE = re.compile(r"^\d+(\.\d+)*$")


class CallImportError(DomainError):
    """The YAML could not be imported; `errors` lists "Zeile n, feld: text"."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class SectionData:
    number: str
    title: str
    text: str  # HTML, sanitised later by the service
    children: list[SectionData] = field(default_factory=list)


@dataclass
class CallData:
    fields: dict[str, Any]
    fields_of_action: list[str]
    milestones: list[dict[str, Any]]
    phases: list[dict[str, Any]]
    required_documents: list[dict[str, Any]]
    criteria: list[dict[str, Any]]
    sections: list[SectionData]
    version_note: str = ""


KNOWN_CALL_KEYS = {
    "slug",
    "programme",
    "funder",
    "title",
    "theme",
    "summary",
    "eligibility",
    "total_budget",
    "published_on",
    "deadline",
    "status",
    "is_example",
    "federal_share",
    "federal_share_budget_emergency",
    "max_grant",
    "min_grant",
    "funding_note",
    "fields_of_action",
    "sources",
    "milestones",
    "phases",
    "required_documents",
    "criteria",
    "sections",
    "version_note",
}


def parse_call_yaml(text: str) -> CallData:
    """Parse and validate; raise CallImportError with every problem found."""
    try:
        document = yaml.load(text, Loader=LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        problem = getattr(exc, "problem", None) or str(exc)
        raise CallImportError(
            [
                _("Zeile %(line)s: kein gültiges YAML (%(problem)s).")
                % {"line": line, "problem": problem}
            ]
        ) from exc
    if not isinstance(document, dict) or not isinstance(document.get("call"), dict):
        raise CallImportError([_("Zeile 1: Die Datei muss mit „call:“ und den Feldern beginnen.")])
    return validate_call(document["call"])


def validate_call(m: dict) -> CallData:
    """Validate the mapping under `call:` (also used by the demo seeder)."""
    c = Checker()
    p = "call."
    for key in m:
        if key not in KNOWN_CALL_KEYS:
            c.error(m, str(key), f"{p}{key}", _("Unbekanntes Feld."))
    slug = c.text(m, "slug", p, required=True, max_length=80)
    if slug and slugify(slug) != slug:
        c.error(m, "slug", f"{p}slug", _("Nur Kleinbuchstaben, Ziffern und Bindestriche."))
    status = c.text(m, "status", p) or CallStatus.ANNOUNCED
    if status not in CallStatus.values:
        c.error(
            m,
            "status",
            f"{p}status",
            _("Erlaubt sind: %(values)s.") % {"values": ", ".join(CallStatus.values)},
        )
    hundred = Decimal(100)
    fields: dict[str, Any] = {
        "slug": slug,
        "programme": c.text(m, "programme", p, required=True, max_length=200),
        "funder": c.text(m, "funder", p, required=True, max_length=200),
        "title": c.text(m, "title", p, required=True, max_length=200),
        "theme": c.text(m, "theme", p, max_length=200),
        "summary": c.text(m, "summary", p),
        "eligibility": c.text(m, "eligibility", p),
        "total_budget": c.decimal(m, "total_budget", p),
        "published_on": c.date(m, "published_on", p),
        "deadline": c.deadline(m, "deadline", p),
        "status": status,
        "is_example": c.boolean(m, "is_example", p, False),
        "federal_share": c.decimal(m, "federal_share", p, maximum=hundred),
        "federal_share_budget_emergency": c.decimal(
            m, "federal_share_budget_emergency", p, maximum=hundred
        ),
        "max_grant": c.decimal(m, "max_grant", p),
        "min_grant": c.decimal(m, "min_grant", p),
        "funding_note": c.text(m, "funding_note", p),
    }
    sources = [str(s) for s in c.listing(m, "sources", p) if s]
    for i, url in enumerate(sources):
        if not url.startswith(("http://", "https://")):
            c.error(m, "sources", f"{p}sources[{i + 1}]", _("Adresse (http/https) erwartet."))
    fields["sources"] = sources
    foa = [str(k) for k in c.listing(m, "fields_of_action", p)]

    milestones, phases, documents, criteria = _children(c, m, p)
    sections = _sections(c, m, "sections", p, prefix="")
    seen: set[str] = set()
    for number in _numbers(sections):
        if number in seen:
            c.error(m, "sections", f"{p}sections", _("Nummer %(n)s doppelt.") % {"n": number})
        seen.add(number)
    if c.errors:
        raise CallImportError(c.errors)
    return CallData(
        fields=fields,
        fields_of_action=foa,
        milestones=milestones,
        phases=phases,
        required_documents=documents,
        criteria=criteria,
        sections=sections,
        version_note=c.text(m, "version_note", p),
    )


def _children(c: Checker, m: dict, p: str) -> tuple[list, list, list, list]:
    """Milestones, phases, required documents and criteria."""
    milestones = []
    for i, item in c.mapping_items(m, "milestones", p):
        q = f"{p}milestones[{i + 1}]."
        milestones.append(
            {
                "label": c.text(item, "label", q, required=True, max_length=200),
                "date": c.date(item, "date", q, required=True),
                "note": c.text(item, "note", q, max_length=300),
                "position": i,
            }
        )
    phases = []
    for i, item in c.mapping_items(m, "phases", p):
        q = f"{p}phases[{i + 1}]."
        phases.append(
            {
                "key": c.text(item, "key", q, max_length=10),
                "name": c.text(item, "name", q, required=True, max_length=200),
                "duration_months": c.integer(item, "duration_months", q),
                "duration_note": c.text(item, "duration_note", q, max_length=200),
                "max_eligible_costs": c.decimal(item, "max_eligible_costs", q),
                "description": c.text(item, "description", q),
                "position": i,
            }
        )
    documents = []
    for i, item in c.mapping_items(m, "required_documents", p):
        q = f"{p}required_documents[{i + 1}]."
        stage = c.text(item, "stage", q) or DocumentStage.APPLICATION
        if stage not in DocumentStage.values:
            c.error(
                item,
                "stage",
                f"{q}stage",
                _("Erlaubt sind: %(values)s.") % {"values": ", ".join(DocumentStage.values)},
            )
        title = c.text(item, "title", q, required=True, max_length=300)
        documents.append(
            {
                "key": _item_key(c, item, q, title),
                "title": title,
                "description": c.text(item, "description", q),
                "mandatory": c.boolean(item, "mandatory", q, True),
                "stage": stage,
                "position": i,
            }
        )
    criteria = []
    for i, item in c.mapping_items(m, "criteria", p):
        q = f"{p}criteria[{i + 1}]."
        title = c.text(item, "title", q, required=True, max_length=300)
        criteria.append(
            {
                "key": _item_key(c, item, q, title),
                "group": c.text(item, "group", q, max_length=200),
                "title": title,
                "description": c.text(item, "description", q),
                "weight": c.decimal(item, "weight", q),
                "position": i,
            }
        )
    for name, items in (("required_documents", documents), ("criteria", criteria)):
        keys = [str(entry["key"]) for entry in items]
        for key in sorted({key for key in keys if key and keys.count(key) > 1}):
            c.error(m, name, f"{p}{name}", _("Schlüssel „%(key)s“ doppelt.") % {"key": key})
    return milestones, phases, documents, criteria


def _item_key(c: Checker, item: dict, q: str, title: str) -> str:
    """The item's stable key: `key` if given, else the slug of its title.
    Matching on import goes by this key, never by position."""
    key = c.text(item, "key", q, max_length=60)
    if key and slugify(key) != key:
        c.error(item, "key", f"{q}key", _("Nur Kleinbuchstaben, Ziffern und Bindestriche."))
    return key or slugify(title)[:50]


def _sections(c: Checker, m: dict, key: str, path: str, *, prefix: str) -> list[SectionData]:
    from ikone.calls.text import paragraphs_to_html

    result = []
    for i, item in c.mapping_items(m, key, path):
        q = f"{path}{key}[{i + 1}]."
        expected = f"{prefix}{i + 1}"
        number = c.text(item, "number", q, max_length=20) or expected
        if not NUMBER_RE.match(number):
            c.error(item, "number", f"{q}number", _("Nummer wie „3“ oder „3.2“ erwartet."))
        elif prefix and not number.startswith(prefix):
            c.error(
                item,
                "number",
                f"{q}number",
                _("Nummer muss mit „%(prefix)s“ beginnen.") % {"prefix": prefix},
            )
        title = c.text(item, "title", q, required=True, max_length=300)
        if "html" in item and "text" in item:
            c.error(item, "html", f"{q}html", _("Entweder „text“ oder „html“ angeben."))
        if "html" in item:
            body = c.text(item, "html", q)
        else:
            body = paragraphs_to_html(c.text(item, "text", q))
        children = _sections(c, item, "sections", q, prefix=f"{number}.")
        for k in item:
            if k not in {"number", "title", "text", "html", "sections"}:
                c.error(item, str(k), f"{q}{k}", _("Unbekanntes Feld."))
        result.append(SectionData(number=number, title=title, text=body, children=children))
    return result


def _numbers(sections: list[SectionData]):
    for s in sections:
        yield s.number
        yield from _numbers(s.children)
