"""Copy the one mentor assessment a criterion row could hold into the
mentor's own MentorAssessment row, so nothing a mentor wrote is lost."""

from django.db import migrations


def copy_forward(apps, schema_editor):
    CriterionAssessment = apps.get_model("applications", "CriterionAssessment")
    MentorAssessment = apps.get_model("applications", "MentorAssessment")
    rows = CriterionAssessment.objects.exclude(mentor_score__isnull=True, mentor_note="")
    MentorAssessment.objects.bulk_create(
        MentorAssessment(
            draft_id=row.draft_id,
            criterion_id=row.criterion_id,
            mentor_id=row.mentor_id,
            score=row.mentor_score,
            note=row.mentor_note,
        )
        for row in rows.iterator()
    )


def copy_back(apps, schema_editor):
    CriterionAssessment = apps.get_model("applications", "CriterionAssessment")
    MentorAssessment = apps.get_model("applications", "MentorAssessment")
    for row in MentorAssessment.objects.order_by("updated_at").iterator():
        CriterionAssessment.objects.update_or_create(
            draft_id=row.draft_id,
            criterion_id=row.criterion_id,
            defaults={"mentor_id": row.mentor_id, "mentor_score": row.score, "mentor_note": row.note},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0006_draft_trash_mentor_assessments"),
    ]

    operations = [migrations.RunPython(copy_forward, copy_back)]
