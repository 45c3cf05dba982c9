"""Writes of funding calls: import from YAML and publishing amendments.

- `import_call(data=…, actor=…)` creates or updates a call from a validated
  `importer.CallData`. Facts are updated in place: milestones and phases
  by position, required documents and criteria by their key, so drafts'
  uploads and scores stay attached; an item in use that the file no
  longer lists is retired, never deleted. Changed section text becomes a
  new version.
- `publish_amendment(call=…, changes=…, note=…, actor=…, based_on=…)`
  publishes the next version with some sections changed, added or
  removed, and sends `signals.call_amended`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from ikone.calls import permissions
from ikone.calls.importer import CallData, CallImportError, SectionData
from ikone.calls.models import (
    Call,
    CallItem,
    CallMilestone,
    CallPhase,
    CallSection,
    CallVersion,
    EvaluationCriterion,
    RequiredDocument,
    anchor_for,
)
from ikone.calls.signals import call_amended
from ikone.calls.text import sanitize
from ikone.core import audit
from ikone.core.audit import Actor
from ikone.core.exceptions import DomainError
from ikone.core.models import FieldOfAction


class AmendmentConflictError(DomainError):
    """Somebody published another version since the form was opened."""


class NothingChangedError(DomainError):
    """The amendment would not change any section."""


@dataclass(frozen=True)
class SectionText:
    """Title and HTML text of one section in a version."""

    title: str
    text: str


def number_key(number: str) -> tuple[int, ...]:
    """Sort key: "3.10" after "3.9"."""
    return tuple(int(part) for part in number.split(".") if part.isdigit())


@dataclass
class ImportResult:
    call: Call
    created: bool
    changed: bool
    new_version: CallVersion | None


# --- import ---------------------------------------------------------------


def _flatten(sections: list[SectionData]) -> dict[str, SectionText]:
    out: dict[str, SectionText] = {}
    for s in sections:
        out[s.number] = SectionText(title=s.title, text=sanitize(s.text))
        out.update(_flatten(s.children))
    return out


def _current_texts(call: Call) -> dict[str, SectionText]:
    if call.current_version_id is None:
        return {}
    return {
        s.number: SectionText(title=s.title, text=s.text)
        for s in CallSection.objects.filter(version_id=call.current_version_id)
    }


def _sync_rows(model: Any, call: Call, rows: list[dict[str, Any]]) -> bool:
    """Make the call's rows of `model` equal `rows` (matched by position).
    Returns True if anything changed."""
    existing = list(model.objects.filter(call=call).order_by("position", "pk"))
    changed = False
    for i, values in enumerate(rows):
        if i < len(existing):
            obj = existing[i]
            diff = {k: v for k, v in values.items() if getattr(obj, k) != v}
            if diff:
                for k, v in diff.items():
                    setattr(obj, k, v)
                obj.save(update_fields=list(diff))
                changed = True
        else:
            model._default_manager.create(call=call, **values)
            changed = True
    surplus = existing[len(rows) :]
    if surplus:
        model.objects.filter(pk__in=[o.pk for o in surplus]).delete()
        changed = True
    return changed


def _sync_items(
    model: type[RequiredDocument] | type[EvaluationCriterion],
    call: Call,
    rows: list[dict[str, Any]],
) -> bool:
    """Make the call's documents or criteria equal `rows`, matched by `key`
    (never by position, so reordering or retitling keeps drafts' uploads
    and scores attached). An item missing from `rows` is deleted if nothing
    points at it, else retired (drafts show it as "nicht mehr gefordert");
    an item that comes back is active again. Returns True if anything
    changed."""
    existing: dict[str, CallItem] = {
        obj.key: obj for obj in model._default_manager.filter(call=call)
    }
    changed = False
    for values in rows:
        obj = existing.pop(values["key"], None)
        if obj is None:
            model._default_manager.create(call=call, **values)
            changed = True
            continue
        wanted = {**values, "retired": False}
        diff = {k: v for k, v in wanted.items() if getattr(obj, k) != v}
        if diff:
            for k, v in diff.items():
                setattr(obj, k, v)
            obj.save(update_fields=list(diff))
            changed = True
    for obj in existing.values():
        if obj.retired:
            continue
        try:
            with transaction.atomic():
                obj.delete()
        except ProtectedError:
            obj.retired = True
            obj.save(update_fields=["retired"])
        changed = True
    return changed


def _import_sections(*, call: Call, data: CallData, actor: Actor) -> CallVersion | None:
    """The first version, or an amendment if the text differs."""
    new_texts = _flatten(data.sections)
    if call.current_version_id is None:
        if not new_texts:
            return None
        return _create_version(
            call=call, texts=new_texts, note=data.version_note, actor=actor, changed=[]
        )
    changed_numbers = _changed_numbers(_current_texts(call), new_texts)
    if not changed_numbers:
        return None
    return _amend(
        call=call,
        texts=new_texts,
        note=data.version_note or _("Neue Fassung aus Import"),
        actor=actor,
        changed_numbers=changed_numbers,
    )


@transaction.atomic
def import_call(*, data: CallData, actor: Actor) -> ImportResult:
    """Create or update the call described by `data`.

    Runs in one transaction: either everything is written or nothing. A
    second import of the same data changes nothing.
    """
    foa = list(FieldOfAction.objects.filter(key__in=data.fields_of_action))
    unknown = sorted(set(data.fields_of_action) - {f.key for f in foa})
    if unknown:
        raise CallImportError(
            [
                _("Feld „call.fields_of_action“: unbekannte Handlungsfelder: %(keys)s.")
                % {"keys": ", ".join(unknown)}
            ]
        )
    fields = dict(data.fields)
    slug = fields.pop("slug")
    call = Call.objects.select_for_update().filter(slug=slug).first()
    created = call is None
    changed = created
    if call is None:
        call = Call.objects.create(slug=slug, **fields)
    else:
        diff = {k: v for k, v in fields.items() if getattr(call, k) != v}
        if diff:
            for k, v in diff.items():
                setattr(call, k, v)
            call.save(update_fields=[*diff, "updated_at"])
            changed = True
    if {f.pk for f in call.fields_of_action.all()} != {f.pk for f in foa}:
        call.fields_of_action.set(foa)
        changed = True
    changed |= _sync_rows(CallMilestone, call, data.milestones)
    changed |= _sync_rows(CallPhase, call, data.phases)
    changed |= _sync_items(RequiredDocument, call, data.required_documents)
    changed |= _sync_items(EvaluationCriterion, call, data.criteria)

    new_version = _import_sections(call=call, data=data, actor=actor)
    changed |= new_version is not None
    if changed and not created:
        Call.objects.filter(pk=call.pk).update(revision=F("revision") + 1)
    if changed:
        audit.record(
            actor,
            "calls.call.imported",
            target=call,
            data={
                "created": created,
                "version": call.current_version.number if call.current_version else None,
            },
        )
    call.refresh_from_db()
    return ImportResult(call=call, created=created, changed=changed, new_version=new_version)


# --- versions ---------------------------------------------------------------


def _changed_numbers(old: Mapping[str, SectionText], new: Mapping[str, SectionText]) -> list[str]:
    numbers = set(old) | set(new)
    return sorted((n for n in numbers if old.get(n) != new.get(n)), key=number_key)


def _create_version(
    *,
    call: Call,
    texts: Mapping[str, SectionText],
    note: str,
    actor: Actor,
    changed: list[str],
) -> CallVersion:
    last = call.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = CallVersion.objects.create(
        call=call,
        number=last + 1,
        published_at=timezone.now(),
        note=note,
        published_by=actor.user,
        changed_numbers=changed,
    )
    by_number: dict[str, CallSection] = {}
    for position, number in enumerate(sorted(texts, key=number_key)):
        parent_number = number.rpartition(".")[0]
        section = CallSection.objects.create(
            version=version,
            parent=by_number.get(parent_number),
            number=number,
            title=texts[number].title,
            text=texts[number].text,
            anchor=anchor_for(number),
            position=position,
        )
        by_number[number] = section
    call.current_version = version
    call.save(update_fields=["current_version", "updated_at"])
    return version


def _amend(
    *,
    call: Call,
    texts: Mapping[str, SectionText],
    note: str,
    actor: Actor,
    changed_numbers: list[str],
) -> CallVersion:
    old_version = call.current_version
    new_version = _create_version(
        call=call, texts=texts, note=note, actor=actor, changed=changed_numbers
    )
    audit.record(
        actor,
        "calls.version.published",
        target=call,
        data={"version": new_version.number, "changed": changed_numbers},
    )
    call_amended.send(
        sender=Call,
        call=call,
        old_version=old_version,
        new_version=new_version,
        changed_numbers=changed_numbers,
    )
    return new_version


def _apply_changes(
    texts: dict[str, SectionText], changes: Mapping[str, SectionText | None]
) -> dict[str, SectionText]:
    for number, value in changes.items():
        if value is None:
            for existing in list(texts):
                if existing == number or existing.startswith(f"{number}."):
                    del texts[existing]
            continue
        parent = number.rpartition(".")[0]
        if parent and parent not in texts:
            raise DomainError(
                _("Abschnitt %(number)s braucht einen übergeordneten Abschnitt %(parent)s.")
                % {"number": number, "parent": parent}
            )
        title = value.title.strip()
        if not title:
            raise DomainError(
                _("Abschnitt %(number)s braucht eine Überschrift.") % {"number": number}
            )
        texts[number] = SectionText(title=title, text=sanitize(value.text))
    return texts


@transaction.atomic
def publish_amendment(
    *,
    call: Call,
    changes: Mapping[str, SectionText | None],
    note: str,
    actor: Actor,
    based_on: int | None = None,
    check_permission: bool = True,
) -> CallVersion:
    """Publish the next version of the call's text.

    `changes` maps section numbers to their new title and text (sanitised
    here); a number not in the current version adds a section, `None`
    removes the section and its subsections. `based_on` is the version
    number the coordinator started from; if another version was published
    since, `AmendmentConflictError` is raised instead of overwriting. Locks the
    call row. Sends `call_amended` inside the transaction.
    `check_permission=False` is for the demo seeder and commands (system actor).
    """
    if check_permission and not permissions.can_manage_calls(actor.user):
        raise PermissionDenied
    if not note.strip():
        raise DomainError(_("Bitte beschreiben Sie die Änderung."))
    call = (
        Call.objects.select_for_update(of=("self",))
        .select_related("current_version")
        .get(pk=call.pk)
    )
    current = call.current_version
    if based_on is not None and (current is None or current.number != based_on):
        raise AmendmentConflictError(
            _(
                "Inzwischen wurde eine neuere Fassung veröffentlicht. Bitte öffnen Sie "
                "die aktuelle Fassung und übernehmen Sie Ihre Änderungen dort."
            )
        )
    texts = _apply_changes(dict(_current_texts(call)), changes)
    changed_numbers = _changed_numbers(_current_texts(call), texts)
    if not changed_numbers:
        raise NothingChangedError(
            _("Die neue Fassung unterscheidet sich nicht von der aktuellen.")
        )
    version = _amend(
        call=call, texts=texts, note=note.strip(), actor=actor, changed_numbers=changed_numbers
    )
    Call.objects.filter(pk=call.pk).update(revision=F("revision") + 1)
    return version
