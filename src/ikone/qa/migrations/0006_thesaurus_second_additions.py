"""The thesaurus groups added to qa/data/thesaurus.yaml on 2026-12-06
(issue 16): an existing installation gets those of them it lacks; a new
one already loaded them in 0004. Unlike 0005 it adds only its own lines,
so no group a coordinator deleted since comes back."""

from django.db import migrations

NEW_GROUPS = (
    "Veranstaltung, Veranstaltungen, Workshop, Event, Events",
    "Öffentlichkeitsarbeit, Marketing, Werbung, PR",
    "Beratung, Berater, Beratungsleistungen, Consultant, Consultants, Consulting",
    "Bürgerbeteiligung, Beteiligung, Beteiligungsverfahren, Partizipation",
    "Antrag stellen, beantragen, Antragsteller, antragsberechtigt",
    "entscheidet, Entscheidung, Auswahl, Jury",
)


def add_new_groups(apps, schema_editor):
    group_model = apps.get_model("qa", "SynonymGroup")
    present = set(group_model.objects.values_list("expressions", flat=True))
    group_model.objects.bulk_create(
        group_model(expressions=line) for line in NEW_GROUPS if line not in present
    )


class Migration(migrations.Migration):
    dependencies = [("qa", "0005_thesaurus_additions")]

    operations = [migrations.RunPython(add_new_groups, migrations.RunPython.noop)]
