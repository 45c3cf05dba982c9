"""Groups added to qa/data/thesaurus.yaml after 0004 (issue 16): an existing
installation gets the ones it does not have yet; a new one already loaded
them in 0004. Groups coordinators changed or deleted are not restored,
unless their exact wording is one of the new lines."""

from pathlib import Path

import yaml
from django.db import migrations


def add_missing_groups(apps, schema_editor):
    group_model = apps.get_model("qa", "SynonymGroup")
    path = Path(__file__).resolve().parent.parent / "data" / "thesaurus.yaml"
    lines = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    present = set(group_model.objects.values_list("expressions", flat=True))
    group_model.objects.bulk_create(
        group_model(expressions=line) for line in lines if line not in present
    )


class Migration(migrations.Migration):
    dependencies = [("qa", "0004_thesaurus")]

    operations = [migrations.RunPython(add_missing_groups, migrations.RunPython.noop)]
