"""Mark existing comments written by a mentor the draft was shared with, so
they keep saying so once the mentor's account is gone."""

from django.db import migrations
from django.db.models import Exists, OuterRef


def mark_mentor_comments(apps, schema_editor):
    comment_model = apps.get_model("applications", "SectionComment")
    share_model = apps.get_model("applications", "DraftMentor")
    shared = share_model.objects.filter(
        draft_id=OuterRef("section__draft_id"), mentor_id=OuterRef("author_id")
    )
    comment_model.objects.filter(Exists(shared)).update(by_mentor=True)


class Migration(migrations.Migration):
    dependencies = [("applications", "0004_former_mentors")]

    operations = [migrations.RunPython(mark_mentor_comments, migrations.RunPython.noop)]
