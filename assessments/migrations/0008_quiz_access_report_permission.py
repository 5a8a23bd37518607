"""The permission of report readers (docs/decisions/0020)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('assessments', '0007_practice_answer_event'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='quiz',
            options={'permissions': [('view_reports', "Can read every learner's results, evaluations, voice notes and certificates")], 'verbose_name': 'quiz or test', 'verbose_name_plural': 'quizzes and tests'},
        ),
    ]
