"""The shared mentor columns of the criteria matrix are gone: every
mentor's assessment is a MentorAssessment row since 0007."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0007_copy_mentor_assessments"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='criterionassessment',
            name='criterion_mentor_score_range',
        ),
        migrations.RemoveField(
            model_name='criterionassessment',
            name='mentor',
        ),
        migrations.RemoveField(
            model_name='criterionassessment',
            name='mentor_note',
        ),
        migrations.RemoveField(
            model_name='criterionassessment',
            name='mentor_score',
        ),
    ]
