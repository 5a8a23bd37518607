"""Cohort membership needs the learner's consent (docs/decisions/0020): the data.

Every cohort gets a code to join, and keeps the courses it was enrolled in. Members added before
this change never said yes: each becomes a pending invitation to her number, and her enrolments
are unlinked from the cohort until she accepts.
"""

from django.db import migrations

from courses.models.learning import cohort_join_code


def codes_give(apps, schema_editor):
    cohort_model = apps.get_model("courses", "Cohort")
    given = set()
    for cohort in cohort_model.objects.all():
        code = cohort_join_code()
        while code in given:
            code = cohort_join_code()
        given.add(code)
        cohort.join_code = code
        cohort.save(update_fields=["join_code"])


def courses_keep(apps, schema_editor):
    enrolment_model = apps.get_model("courses", "Enrolment")
    course_model = apps.get_model("courses", "CohortCourse")
    pairs = enrolment_model.objects.filter(cohort__isnull=False).values_list(
        "cohort_id", "course_key"
    )
    for cohort_id, course_key in set(pairs):
        course_model.objects.get_or_create(cohort_id=cohort_id, course_key=course_key)


def members_invite(apps, schema_editor):
    cohort_model = apps.get_model("courses", "Cohort")
    invitation_model = apps.get_model("courses", "CohortInvitation")
    enrolment_model = apps.get_model("courses", "Enrolment")
    for cohort in cohort_model.objects.prefetch_related("members"):
        members = list(cohort.members.all())
        for member in members:
            invitation_model.objects.get_or_create(
                cohort=cohort,
                phone_number=member.phone_number,
                defaults={"invited_by_id": cohort.owner_id},
            )
        enrolment_model.objects.filter(cohort=cohort, learner__in=members).update(cohort=None)
        cohort.members.clear()


class Migration(migrations.Migration):
    dependencies = [("courses", "0005_cohort_consent_invitations")]

    operations = [
        migrations.RunPython(codes_give, migrations.RunPython.noop),
        migrations.RunPython(courses_keep, migrations.RunPython.noop),
        migrations.RunPython(members_invite, migrations.RunPython.noop),
    ]
