"""Entries written before the audit log kept content out: remove the titles
of the workshop's private objects and the texts of cost items and
milestones, keeping ids."""

from django.db import migrations

PRIVATE_TYPES = [
    "applications.draft",
    "applications.draftsection",
    "applications.sectionrevision",
    "applications.sectioncomment",
    "applications.draftdocument",
    "applications.criterionassessment",
    "applications.draftmentor",
    "applications.costitem",
    "applications.milestone",
    "applications.financingplan",
]
KEPT_KEYS = {"item", "milestone", "fields"}


def forward(apps, schema_editor):
    entry_model = apps.get_model("core", "AuditEntry")
    entry_model.objects.filter(target_type__in=PRIVATE_TYPES).update(target_label="")
    for entry in entry_model.objects.filter(
        action__startswith="applications.", action__regex=r"\.(cost_item|milestone)\."
    ).only("pk", "data"):
        kept = {key: value for key, value in (entry.data or {}).items() if key in KEPT_KEYS}
        if kept != entry.data:
            entry_model.objects.filter(pk=entry.pk).update(data=kept)


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0002_financing_schedule"),
        ("core", "0005_search_context"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
