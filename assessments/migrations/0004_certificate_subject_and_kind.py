"""A certificate is for a course or a learning path: course_key becomes subject_key, with a kind."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0003_quiz_module_test"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="certificate", name="one_certificate_per_course"),
        migrations.RenameField(
            model_name="certificate", old_name="course_key", new_name="subject_key"
        ),
        migrations.RenameField(model_name="certificate", old_name="course_title", new_name="title"),
        migrations.RenameField(
            model_name="certificate", old_name="course_title_ar", new_name="title_ar"
        ),
        migrations.AlterField(
            model_name="certificate",
            name="subject_key",
            field=models.UUIDField(
                help_text="The translation key of the course or learning path.",
                verbose_name="course or path",
            ),
        ),
        migrations.AlterField(
            model_name="certificate",
            name="title",
            field=models.CharField(max_length=255, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="certificate",
            name="title_ar",
            field=models.CharField(max_length=255, verbose_name="title in Arabic"),
        ),
        migrations.AddField(
            model_name="certificate",
            name="kind",
            field=models.CharField(
                choices=[("course", "Course"), ("path", "Learning path")],
                default="course",
                max_length=8,
                verbose_name="kind",
            ),
        ),
        migrations.AddField(
            model_name="certificate",
            name="courses",
            field=models.JSONField(blank=True, default=list, verbose_name="courses of the path"),
        ),
        migrations.AddConstraint(
            model_name="certificate",
            constraint=models.UniqueConstraint(
                fields=("learner", "kind", "subject_key"), name="one_certificate_per_subject"
            ),
        ),
    ]
