"""One generated row for every model that has none, so that a test over
"every model" (the backup round-trip) sees every table with data. Values
are the simplest the field accepts; foreign keys point at an existing row.
Models whose constraints the simple values cannot meet are returned."""

from __future__ import annotations

import datetime as dt
import decimal
import io
import itertools
import uuid

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

_counter = itertools.count(1)
# Values the simple rule cannot guess: Wagtail checks a log entry's action
# against its registry.
OVERRIDES = {"wagtailcore.ModelLogEntry": {"action": "wagtail.edit"}}


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(buffer, "PNG")
    return buffer.getvalue()


def _value(field: models.Field, number: int):  # noqa: C901 - one branch per field type
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.ImageField):
        return ContentFile(_png(), name=f"fill-{number}.png")
    if isinstance(field, models.FileField):
        return ContentFile(b"%PDF-1.4 filler", name=f"fill-{number}.pdf")
    if isinstance(field, models.EmailField):
        return f"fill{number}@example.org"
    if isinstance(field, models.URLField):
        return "https://example.org/"
    if isinstance(field, models.GenericIPAddressField):
        return "127.0.0.1"
    if isinstance(field, models.UUIDField):
        return uuid.uuid4()
    if isinstance(field, models.CharField | models.TextField):
        text = f"fill{number}"
        return text[: field.max_length] if field.max_length else text
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.DecimalField):
        return decimal.Decimal("1")
    if isinstance(field, models.FloatField):
        return 1.0
    if isinstance(field, models.IntegerField):
        return 1
    if isinstance(field, models.DateTimeField):
        return timezone.now()
    if isinstance(field, models.DateField):
        return dt.date.today()
    if isinstance(field, models.TimeField):
        return dt.time(12, 0)
    if isinstance(field, models.DurationField):
        return dt.timedelta(days=1)
    if isinstance(field, models.JSONField):
        return {}
    if isinstance(field, models.BinaryField):
        return b"\x00"
    raise LookupError(field)


def _build(model: type[models.Model]) -> models.Model | None:
    number = next(_counter)
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key and isinstance(field, models.AutoField | models.BigAutoField):
            continue
        if field.generated:  # the database computes it
            continue
        if field.is_relation:
            target = field.related_model._base_manager.order_by("pk").first()
            if target is None and not field.null:
                return None
            values[field.name] = target
            continue
        if (
            field.has_default()
            or getattr(field, "auto_now", False)
            or getattr(field, "auto_now_add", False)
        ):
            continue
        if field.null:
            continue
        values[field.name] = _value(field, number)
    values.update(OVERRIDES.get(model._meta.label, {}))
    return model(**values)


def _concrete_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]


def fill_empty_models(passes: int = 4) -> list[str]:
    """Give every empty model one row; returns the labels still empty."""
    for _ in range(passes):
        empty = [model for model in _concrete_models() if not model._base_manager.exists()]
        if not empty:
            return []
        for model in empty:
            instance = _build(model)
            if instance is None:
                continue
            try:
                with transaction.atomic():
                    instance.save()
            except Exception:  # noqa: BLE001,S112 - a model whose constraints need more; listed below
                continue
    return sorted(
        model._meta.label for model in _concrete_models() if not model._base_manager.exists()
    )
