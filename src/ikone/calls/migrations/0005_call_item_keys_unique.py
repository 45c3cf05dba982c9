"""Every required document and criterion has a key unique within its call."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0004_fill_call_item_keys"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name='evaluationcriterion',
            constraint=models.UniqueConstraint(fields=('call', 'key'), name='calls_criterion_unique_key'),
        ),
        migrations.AddConstraint(
            model_name='requireddocument',
            constraint=models.UniqueConstraint(fields=('call', 'key'), name='calls_document_unique_key'),
        ),
    ]
