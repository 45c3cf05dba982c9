"""Drafts get a trash (deleted_at/by) and mentors their own assessment rows."""

import django.core.validators
import django.db.models.deletion
import django.db.models.manager
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0005_comments_by_mentor'),
        ('calls', '0002_alter_requireddocument_stage'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='MentorAssessment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('score', models.PositiveSmallIntegerField(blank=True, choices=[(0, '0 – nicht erfüllt'), (1, '1 – ansatzweise'), (2, '2 – weitgehend'), (3, '3 – vollständig')], null=True, validators=[django.core.validators.MaxValueValidator(3)], verbose_name='Einschätzung der Mentor:in')),
                ('note', models.TextField(blank=True, verbose_name='Notiz der Mentor:in')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='geändert am')),
            ],
            options={
                'verbose_name': 'Einschätzung einer Mentor:in',
                'verbose_name_plural': 'Einschätzungen der Mentor:innen',
                'ordering': ['draft', 'criterion', 'pk'],
            },
        ),
        migrations.AlterModelOptions(
            name='draft',
            options={'base_manager_name': 'all_objects', 'default_manager_name': 'objects', 'ordering': ['-updated_at', '-pk'], 'verbose_name': 'Bewerbungsentwurf', 'verbose_name_plural': 'Bewerbungsentwürfe'},
        ),
        migrations.AlterModelManagers(
            name='draft',
            managers=[
                ('all_objects', django.db.models.manager.Manager()),
                ('objects', django.db.models.manager.Manager()),
            ],
        ),
        migrations.AddField(
            model_name='draft',
            name='deleted_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='gelöscht am'),
        ),
        migrations.AddField(
            model_name='draft',
            name='deleted_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='gelöscht von'),
        ),
        migrations.AddField(
            model_name='mentorassessment',
            name='criterion',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='calls.evaluationcriterion', verbose_name='Bewertungskriterium'),
        ),
        migrations.AddField(
            model_name='mentorassessment',
            name='draft',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='mentor_assessments', to='applications.draft', verbose_name='Entwurf'),
        ),
        migrations.AddField(
            model_name='mentorassessment',
            name='mentor',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='Mentor:in'),
        ),
        migrations.AddConstraint(
            model_name='mentorassessment',
            constraint=models.UniqueConstraint(fields=('draft', 'criterion', 'mentor'), name='mentor_assessment_unique'),
        ),
        migrations.AddConstraint(
            model_name='mentorassessment',
            constraint=models.CheckConstraint(condition=models.Q(('score__lte', 3)), name='mentor_assessment_score_range'),
        ),
    ]
