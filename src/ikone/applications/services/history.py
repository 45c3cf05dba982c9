"""Section history that stays small: autosaves thin out with age.

Autosave writes a version every few seconds of typing, so a section edited
for weeks collects thousands. `compact_section_history` (run periodically by
`ikone compact_section_history`) keeps

- every version of the last 24 hours,
- for the week before, the last version of each hour,
- before that, the last version of each day (Europe/Berlin),
- always: the current version, versions created by a restore and the
  versions they restored, and the versions that were submitted.

"The last version of an hour" is the text as it stood at the end of that
hour, so every kept version is a state the section really had.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from ikone.applications.models import Draft, SectionRevision
from ikone.core.datetimes import berlin_date

KEEP_ALL = timedelta(hours=24)
KEEP_HOURLY = timedelta(days=7)
DELETE_BATCH = 1000


@dataclass(frozen=True)
class VersionRow:
    pk: int
    version: int
    created_at: datetime
    restored_from: int | None
    submitted: bool


@dataclass(frozen=True)
class CompactionResult:
    sections: int
    deleted: int


def versions_to_drop(rows: Iterable[VersionRow], *, now: datetime) -> list[int]:
    """The primary keys of the versions of one section that compaction
    removes (see the module docstring for the rule)."""
    ordered = sorted(rows, key=lambda row: row.version, reverse=True)
    if not ordered:
        return []
    restored = {row.restored_from for row in ordered if row.restored_from is not None}
    drop: list[int] = []
    seen_buckets: set[tuple[str, object]] = set()
    for index, row in enumerate(ordered):
        age = now - row.created_at
        pinned = (
            index == 0
            or row.submitted
            or row.restored_from is not None
            or row.version in restored
            or age < KEEP_ALL
        )
        if age < KEEP_HOURLY:
            hour = row.created_at.replace(minute=0, second=0, microsecond=0)
            bucket: tuple[str, object] = ("hour", hour)
        else:
            bucket = ("day", berlin_date(row.created_at))
        # Newest first: the first version met in a bucket is its last state.
        first_in_bucket = bucket not in seen_buckets
        seen_buckets.add(bucket)
        if not pinned and not first_in_bucket:
            drop.append(row.pk)
    return drop


def compact_section_history(
    *, now: datetime | None = None, section_ids: Iterable[int] | None = None
) -> CompactionResult:
    """Thin out the versions of every section that has more than one version
    older than 24 hours (or of `section_ids`). Safe to run at any time and
    repeatedly; one transaction per section, so autosaves meanwhile only
    wait for that section."""
    now = now or timezone.now()
    candidates = (
        SectionRevision.objects.filter(created_at__lt=now - KEEP_ALL)
        .values("section_id")
        .annotate(old=Count("pk"))
        .filter(old__gt=1)
        .values_list("section_id", flat=True)
    )
    if section_ids is not None:
        candidates = candidates.filter(section_id__in=list(section_ids))
    sections = deleted = 0
    for section_id in list(candidates):
        sections += 1
        deleted += _compact_one(section_id, now)
    return CompactionResult(sections=sections, deleted=deleted)


@transaction.atomic
def _compact_one(section_id: int, now: datetime) -> int:
    rows = [
        VersionRow(*values)
        for values in SectionRevision.objects.filter(section_id=section_id).values_list(
            "pk", "version", "created_at", "restored_from", "submitted"
        )
    ]
    drop = versions_to_drop(rows, now=now)
    for start in range(0, len(drop), DELETE_BATCH):
        SectionRevision.objects.filter(pk__in=drop[start : start + DELETE_BATCH]).delete()
    return len(drop)


def mark_submitted_versions(draft: Draft) -> int:
    """Pin the current version of each of the draft's sections as the one
    submitted (called when the draft is marked submitted)."""
    return SectionRevision.objects.filter(
        Q(section__draft=draft) & Q(version=F("section__version"))
    ).update(submitted=True)
