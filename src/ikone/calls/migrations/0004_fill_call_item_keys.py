"""Give every existing required document and criterion a key: the slug of
its title, numbered within the call where two titles give the same slug,
in the call's order."""

from django.db import migrations
from django.utils.text import slugify


def fill_keys(apps, schema_editor):
    for name in ("RequiredDocument", "EvaluationCriterion"):
        model = apps.get_model("calls", name)
        taken: dict[int, set[str]] = {}
        for item in model.objects.order_by("call_id", "position", "pk"):
            keys = taken.setdefault(item.call_id, set())
            if item.key and item.key not in keys:
                keys.add(item.key)
                continue
            base = slugify(item.title)[:50] or "eintrag"
            key, number = base, 1
            while key in keys:
                number += 1
                key = f"{base}-{number}"
            keys.add(key)
            model.objects.filter(pk=item.pk).update(key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0003_call_item_keys"),
    ]

    operations = [migrations.RunPython(fill_keys, migrations.RunPython.noop)]
