"""Cohort invitations, courses of a cohort, tries of cohort codes, a code per cohort
(docs/decisions/0020)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('courses', '0004_lesson_quiz_block'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='cohort',
            name='join_code',
            field=models.CharField(max_length=8, null=True, verbose_name='code to join'),
        ),
        migrations.CreateModel(
            name='CohortCodeTry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('tried_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('succeeded', models.BooleanField(default=False)),
                ('learner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'try of a cohort code',
                'verbose_name_plural': 'tries of cohort codes',
                'indexes': [models.Index(fields=['learner', 'tried_at'], name='courses_coh_learner_caf517_idx')],
            },
        ),
        migrations.CreateModel(
            name='CohortCourse',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('course_key', models.UUIDField(verbose_name='course')),
                ('added_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='added at')),
                ('cohort', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='courses', to='courses.cohort', verbose_name='cohort')),
            ],
            options={
                'verbose_name': 'course of a cohort',
                'verbose_name_plural': 'courses of cohorts',
                'constraints': [models.UniqueConstraint(fields=('cohort', 'course_key'), name='one_course_per_cohort')],
            },
        ),
        migrations.CreateModel(
            name='CohortInvitation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('phone_number', models.CharField(db_index=True, max_length=20, verbose_name='phone number')),
                ('status', models.CharField(choices=[('pending', 'Waiting for an answer'), ('accepted', 'Accepted'), ('declined', 'Declined'), ('left', 'Left the cohort')], default='pending', max_length=10, verbose_name='status')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='sent at')),
                ('answered_at', models.DateTimeField(blank=True, null=True, verbose_name='answered at')),
                ('cohort', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invitations', to='courses.cohort', verbose_name='cohort')),
                ('invited_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='invited by')),
                ('learner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='cohort_invitations', to=settings.AUTH_USER_MODEL, verbose_name='learner who answered')),
            ],
            options={
                'verbose_name': 'cohort invitation',
                'verbose_name_plural': 'cohort invitations',
                'constraints': [models.UniqueConstraint(fields=('cohort', 'phone_number'), name='one_invitation_per_cohort_and_number')],
            },
        ),
    ]
