"""Many learners and their progress events, cheaply: one ``INSERT … SELECT generate_series``
per table on PostgreSQL (a few seconds for 50,000 learners), and small extra courses, used by the
query-count tests and ``make bench``."""

from django.contrib.auth import get_user_model
from django.db import connection

PHONE_PREFIX = "+2129"


def add_learners(count: int) -> None:
    """``count`` learners with phone numbers +2129xxxxxxxx that no test uses."""
    table = get_user_model()._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (password, phone_number, first_name, last_name, email,
                preferred_language, region, gender, motivation, is_staff, is_active,
                is_superuser, date_joined, reads)
            SELECT '!', %s || lpad(number::text, 8, '0'), 'Learner', '', '', 'ar', '', '', '',
                false, true, false, now(), '[]'::jsonb
            FROM generate_series(1, %s) AS number
            ON CONFLICT (phone_number) DO NOTHING
            """,  # noqa: S608 (the table name comes from the model)
            [PHONE_PREFIX, count],
        )


def add_events(lesson_keys: list, per_learner: int) -> None:
    """``per_learner`` progress events (and one progress row per lesson) for each crowd learner."""
    users = get_user_model()._meta.db_table
    keys = [str(key) for key in lesson_keys]
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO courses_progressevent (id, learner_id, lesson_key, kind, position_seconds,
                duration_seconds, occurred_at, received_at)
            SELECT gen_random_uuid(), u.id, (%s::uuid[])[1 + (n %% array_length(%s::uuid[], 1))],
                'position', n * 10, 600, now() - interval '1 day' + n * interval '1 second', now()
            FROM {users} u CROSS JOIN generate_series(1, %s) AS n
            WHERE u.phone_number LIKE %s
            """,  # noqa: S608 (the table name comes from the model)
            [keys, keys, per_learner, PHONE_PREFIX + "%"],
        )


def remove_learners() -> None:
    """Remove the crowd (they own no rows elsewhere unless ``add_events`` gave them some)."""
    users = get_user_model()._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM courses_progressevent WHERE learner_id IN "  # noqa: S608
            f"(SELECT id FROM {users} WHERE phone_number LIKE %s)",
            [PHONE_PREFIX + "%"],
        )
        cursor.execute(
            f"DELETE FROM {users} WHERE phone_number LIKE %s",  # noqa: S608
            [PHONE_PREFIX + "%"],
        )


def add_course(catalogue, number: int, *, slug_prefix: str = "grown"):
    """A course of one module and two lessons under ``catalogue`` (Arabic, saved, not
    published as a revision: enough for the outline, the dashboard and the query counts)."""
    from wagtail.rich_text import RichText

    from courses.models import CoursePage, LessonPage, ModulePage

    course = CoursePage(
        title=f"دورة {number}",
        slug=f"{slug_prefix}-{number}",
        summary="…",
        original_language="ar",
    )
    catalogue.add_child(instance=course)
    module = ModulePage(title="وحدة", slug="module")
    course.add_child(instance=module)
    for lesson_number in (1, 2):
        lesson = LessonPage(
            title=f"درس {lesson_number}",
            slug=f"lesson-{lesson_number}",
            body=[("text", RichText("<p>نص.</p>"))],
        )
        module.add_child(instance=lesson)
    return course
