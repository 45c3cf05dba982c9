from django.db import migrations


def load_fields_of_action(apps, schema_editor):
    from ikone.core.taxonomy import sync_fields_of_action

    sync_fields_of_action(apps)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_field_of_action")]

    operations = [migrations.RunPython(load_fields_of_action, migrations.RunPython.noop)]
