"""What the learners did, written as the academy and the assessments would have written it:
enrolments (by course ``translation_key``), lesson progress and its events, pre-tests, course
tests and post-tests (the learning gain), and a certificate for each completed course.

A course is complete when its four required lessons are done and its course test is passed
(``courses/completion.py`` and the assessments' requirement); its certificate is issued then.
"""

import json

from .catalogue import Course
from .sql import execute, literal, rnd, scalar, table

LAST_ENROLMENT = "2026-11-01"
SHARE_ENROLLED = (0.33, 0.73, 0.91)  # thresholds for 0, 1, 2, 3 courses
COMPLETION = 0.40  # base share of enrolments completed; women +5 points, regions vary


def _courses_table(courses: list[Course]) -> None:
    execute("DROP TABLE IF EXISTS national_course, national_lesson, national_title")
    execute(
        "CREATE TEMP TABLE national_course (position int, key uuid, minutes int, pre int, "
        "final int, post int, plan jsonb)"
    )
    execute("CREATE TEMP TABLE national_lesson (position int, number int, key uuid, minutes int)")
    execute("CREATE TEMP TABLE national_title (position int, language text, title text)")
    lesson_model = table("courses.LessonPage")
    for index, course in enumerate(courses):
        plan = {"v": 1, "questions": [{"key": key, "choices": []} for key in course.question_keys]}
        execute(
            "INSERT INTO national_course VALUES (%s, %s, %s, %s, %s, %s, %s)",
            [index, course.key, course.duration_minutes, course.quizzes["pre"],
             course.quizzes["final"], course.quizzes["post"], json.dumps(plan)],
        )  # fmt: skip
        for number, key in enumerate(course.lesson_keys):
            execute(
                f"INSERT INTO national_lesson SELECT %s, %s, %s, duration_minutes "  # noqa: S608
                f"FROM {lesson_model} WHERE page_ptr_id = (SELECT id FROM wagtailcore_page "
                "WHERE translation_key = %s ORDER BY id LIMIT 1)",
                [index, number, key, key],
            )
        for language, title in course.titles.items():
            execute("INSERT INTO national_title VALUES (%s, %s, %s)", [index, language, title])


def _enrolments_table(seed: int, courses: int) -> int:
    r = lambda expression, salt: rnd(expression, salt, seed)  # noqa: E731
    one, two, three = SHARE_ENROLLED
    execute("DROP TABLE IF EXISTS national_enrolment")
    execute(
        f"""CREATE TEMP TABLE national_enrolment AS
        WITH learner AS (
            SELECT m.k, m.user_id, m.region, u.date_joined, u.preferred_language AS language,
                   u.gender, u.first_name || ' ' || u.last_name AS name,
                   CASE WHEN {r("m.k", 10)} < {one} THEN 0 WHEN {r("m.k", 10)} < {two} THEN 1
                        WHEN {r("m.k", 10)} < {three} THEN 2 ELSE 3 END AS courses,
                   floor(power({r("m.k", 11)}, 1.7) * {courses})::int AS first_course
            FROM national_member m JOIN {table("academy.User")} u ON u.id = m.user_id
        ), chosen AS (
            SELECT l.*, j, (l.first_course + j) %% {courses} AS position,
                   greatest(l.date_joined, least(l.date_joined
                       + {r("l.k * 4 + j", 12)} * interval '60 days' + j * interval '20 days',
                       timestamptz '{LAST_ENROLMENT}')) AS enrolled_at
            FROM learner l CROSS JOIN generate_series(0, 2) AS j
            WHERE j < least(l.courses, {courses})
        )
        SELECT row_number() OVER (ORDER BY k, j) AS e, c.* FROM chosen c"""  # noqa: S608
    )
    execute(
        """ALTER TABLE national_enrolment ADD COLUMN lessons_done int,
            ADD COLUMN in_progress boolean, ADD COLUMN gap interval, ADD COLUMN pre int"""
    )
    chance = (
        f"{COMPLETION} + CASE WHEN gender = 'woman' THEN 0.05 ELSE 0 END"
        " + (region::int %% 5) * 0.03"
    )
    execute(
        f"""UPDATE national_enrolment SET
            lessons_done = CASE WHEN {r("e", 13)} < {chance} THEN 4
                                ELSE floor({r("e", 14)} * 4)::int END,
            in_progress = {r("e", 15)} < 0.6,
            gap = interval '2 hours' + {r("e", 16)} * interval '6 days',
            pre = CASE WHEN {r("e", 17)} < 0.85 THEN floor(power({r("e", 18)}, 1.3) * 4)::int
                       END"""  # noqa: S608
    )
    execute("UPDATE national_enrolment SET in_progress = false WHERE lessons_done = 4")
    execute("ANALYZE national_enrolment")
    return scalar("SELECT count(*) FROM national_enrolment")


def _enrolments_insert() -> None:
    execute(
        f"""INSERT INTO {table("courses.Enrolment")} (learner_id, course_key, enrolled_at,
            completed_at)
        SELECT n.user_id, c.key, n.enrolled_at,
               CASE WHEN n.lessons_done = 4 THEN n.enrolled_at + 4 * n.gap + interval '1 hour'
               END
        FROM national_enrolment n JOIN national_course c USING (position) ORDER BY n.e"""  # noqa: S608
    )


def _progress_table() -> None:
    """national_progress: one row per lesson done or started."""
    execute("DROP TABLE IF EXISTS national_progress")
    execute(
        """CREATE TEMP TABLE national_progress AS
        SELECT n.e, n.user_id, c.key AS course_key, l.key AS lesson_key, l.number,
               l.minutes * 60.0 AS duration, l.number < n.lessons_done AS done,
               n.enrolled_at + (l.number + 1) * n.gap AS at
        FROM national_enrolment n JOIN national_course c USING (position)
        JOIN national_lesson l ON l.position = n.position
            AND (l.number < n.lessons_done OR (n.in_progress AND l.number = n.lessons_done))
        ORDER BY n.e, l.number"""
    )


def _progress_insert(seed: int) -> None:
    position = f"CASE WHEN done THEN duration ELSE round(({rnd('e * 8 + number', 19, seed)} * duration)::numeric, 1) END"  # noqa: E501
    execute(
        f"""INSERT INTO {table("courses.LessonProgress")} (learner_id, lesson_key, course_key,
            status, position_seconds, duration_seconds, event_at, done_at)
        SELECT user_id, lesson_key, course_key,
               CASE WHEN done THEN 'done' ELSE 'in_progress' END, {position}, duration, at,
               CASE WHEN done THEN at END
        FROM national_progress ORDER BY e, number"""  # noqa: S608
    )
    # Ids in insertion order (the seed, then a counter): the primary key's index grows at its
    # end instead of taking millions of random insertions.
    counter = "((e * 8 + number) * 2 + CASE WHEN kind = 'open' THEN 0 ELSE 1 END)"
    event_id = (
        f"(lpad(to_hex({int(seed)}), 8, '0') || '-0000-4000-8000-' || "
        f"lpad(to_hex({counter}), 12, '0'))::uuid"
    )
    execute(
        f"""INSERT INTO {table("courses.ProgressEvent")} (id, learner_id, lesson_key, kind,
            position_seconds, duration_seconds, occurred_at, received_at)
        SELECT {event_id}, user_id, lesson_key, kind,
               CASE WHEN kind = 'open' THEN NULL
                    WHEN done THEN duration ELSE {position} END,
               CASE WHEN kind = 'open' THEN NULL ELSE duration END,
               CASE WHEN kind = 'open' THEN at - duration * interval '1 second' ELSE at END,
               CASE WHEN kind = 'open' THEN at - duration * interval '1 second' ELSE at END
        FROM national_progress CROSS JOIN LATERAL (VALUES ('open'),
             (CASE WHEN done THEN 'done' ELSE 'position' END)) AS k(kind)"""  # noqa: S608
    )


def _attempts_insert(seed: int) -> None:
    attempt = table("assessments.Attempt")
    columns = "(learner_id, quiz_id, plan, started_at, finished_at, score, passed)"
    done_at = "n.enrolled_at + 4 * n.gap + interval '1 hour'"
    execute(
        f"""INSERT INTO {attempt} {columns}
        SELECT n.user_id, c.pre, c.plan, n.enrolled_at + interval '5 minutes',
               n.enrolled_at + interval '15 minutes', n.pre / 5.0, true
        FROM national_enrolment n JOIN national_course c USING (position)
        WHERE n.pre IS NOT NULL"""  # noqa: S608
    )
    execute(
        f"""INSERT INTO {attempt} {columns}
        SELECT n.user_id, c.final, c.plan, {done_at} - interval '1 day 15 minutes',
               {done_at} - interval '1 day', (1 + floor({rnd("n.e", 20, seed)} * 2)) / 5.0, false
        FROM national_enrolment n JOIN national_course c USING (position)
        WHERE n.lessons_done = 4 AND {rnd("n.e", 21, seed)} < 0.2"""  # noqa: S608
    )
    execute(
        f"""INSERT INTO {attempt} {columns}
        SELECT n.user_id, c.final, c.plan, {done_at} - interval '15 minutes', {done_at},
               (3 + floor({rnd("n.e", 22, seed)} * 3)) / 5.0, true
        FROM national_enrolment n JOIN national_course c USING (position)
        WHERE n.lessons_done = 4"""  # noqa: S608
    )
    gain = f"1 + floor(power({rnd('n.e', 23, seed)}, 1.5) * 3)"
    execute(
        f"""INSERT INTO {attempt} {columns}
        SELECT n.user_id, c.post, c.plan, {done_at} + interval '10 minutes',
               {done_at} + interval '20 minutes', least(5, n.pre + {gain}) / 5.0, true
        FROM national_enrolment n JOIN national_course c USING (position)
        WHERE n.lessons_done = 4 AND n.pre IS NOT NULL AND {rnd("n.e", 24, seed)} < 0.8"""  # noqa: S608
    )


def _certificates_insert(seed: int) -> None:
    code = f"upper(md5('{int(seed)}:certificate:' || n.e))"
    grouped = " || '-' || ".join(f"substr({code}, {start}, 5)" for start in (1, 6, 11, 16, 21))
    execute(
        f"""INSERT INTO {table("assessments.Certificate")} (learner_id, kind, subject_key, code,
            learner_name, language, title, title_ar, courses, duration_minutes, issued_at,
            revoked_reason)
        SELECT n.user_id, 'course', c.key, {grouped}, n.name, n.language,
               coalesce(t.title, a.title), a.title, '[]'::jsonb, c.minutes,
               n.enrolled_at + 4 * n.gap + interval '1 hour', ''
        FROM national_enrolment n JOIN national_course c USING (position)
        JOIN national_title a ON a.position = n.position AND a.language = {literal("ar")}
        LEFT JOIN national_title t ON t.position = n.position AND t.language = n.language
        WHERE n.lessons_done = 4 ORDER BY n.e"""  # noqa: S608
    )


def learning_generate(*, seed: int, courses: list[Course]) -> int:
    """Write every learner's enrolments, progress, attempts and certificates; returns how many
    enrolments."""
    _courses_table(courses)
    count = _enrolments_table(seed, len(courses))
    _enrolments_insert()
    _progress_table()
    _progress_insert(seed)
    _attempts_insert(seed)
    _certificates_insert(seed)
    return count
