"""Every cohort has its own code to join (docs/decisions/0020)."""

from django.db import migrations, models

import courses.models.learning


class Migration(migrations.Migration):
    dependencies = [("courses", "0006_cohort_consent_data")]

    operations = [
        migrations.AlterField(
            model_name="cohort",
            name="join_code",
            field=models.CharField(
                default=courses.models.learning.cohort_join_code,
                help_text="The trainer gives it to learners, who type it in their space to join.",
                max_length=8,
                unique=True,
                verbose_name="code to join",
            ),
        ),
    ]
