"""Print the seeded demo content in a stable form, to prove a refactoring
left `ikone seed_demo` unchanged.

Usage (from the repository root, one fresh data directory per run):

    export PYTHONPATH=$PWD/src IKONE_DATA_DIR=/tmp/demo-before
    ikone migrate && ikone import_municipalities && ikone seed_demo
    python scripts/demo_snapshot.py > /tmp/demo-before.txt
    # … change the code, repeat with IKONE_DATA_DIR=/tmp/demo-after …
    diff /tmp/demo-before.txt /tmp/demo-after.txt

Every row of every model is printed with its primary key (so the creation
order is compared too), except the imported municipality directory and
framework tables. What differs between two runs by nature is masked: password
hashes, uuids of StreamField blocks, the random suffix of a stored file
whose name was taken, and moments derived from the clock,
which are printed relative to the first demo account's creation, rounded to
ten minutes. A developer tool, not shipped.
"""

import datetime as dt
import json
import os
import re
import sys
from decimal import Decimal
from typing import Any

SKIPPED_MODELS = {
    "municipalities.municipality",
    "auth.permission",
    "contenttypes.contenttype",
    "sessions.session",
    "django_tasks_database.dbtaskresult",
}
UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
# Django's storage appends seven random characters to a name already taken.
STORED_SUFFIX = re.compile(r"(/[^/]*)_[A-Za-z0-9]{7}(\.[a-z0-9]+)$")
ISO_NOW = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+(?:Z|[+-]\d\d:\d\d)?")
MASKED_FIELDS = {"password", "embedding", "embedding_digest", "last_login"}


def _relative(value: dt.datetime, reference: dt.datetime) -> str:
    minutes = round((value - reference).total_seconds() / 600) * 10
    return f"<now{minutes:+d}min>"


def _plain(value: Any, reference: dt.datetime) -> Any:
    if isinstance(value, dt.datetime):
        # Moments computed from fixed dates have no microseconds; the
        # clock's have.
        if value.microsecond:
            return _relative(value, reference)
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return f"<{len(bytes(value))} bytes>"
    if isinstance(value, str):
        value = STORED_SUFFIX.sub(r"\1_<random>\2", value)
        return ISO_NOW.sub("<now>", UUID.sub("<uuid>", value))
    if isinstance(value, dict):
        return {key: _plain(item, reference) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item, reference) for item in value]
    return value


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ikone.settings")
    django.setup()
    from django.apps import apps
    from django.core import serializers

    from ikone.accounts.models import User

    reference = User.objects.order_by("date_joined").values_list("date_joined", flat=True)[0]
    out = sys.stdout
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label_lower):
        label = model._meta.label_lower
        if label in SKIPPED_MODELS:
            continue
        queryset = model._default_manager.order_by("pk")
        if label == "core.searchdocument":
            queryset = queryset.exclude(kind="municipality")
        for row in serializers.serialize("python", queryset):
            fields = {
                name: "<masked>" if name in MASKED_FIELDS else _plain(value, reference)
                for name, value in sorted(row["fields"].items())
            }
            pk = _plain(row["pk"], reference)
            out.write(f"{label} {pk} {json.dumps(fields, ensure_ascii=False, sort_keys=True)}\n")


if __name__ == "__main__":
    main()
