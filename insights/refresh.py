"""The SQL that rebuilds the learning and coverage summaries (decision 0038).

One ``INSERT … SELECT`` each: PostgreSQL aggregates the learners, enrolments, attempts and
certificates where they lie, so a refresh over 790,000 learners moves no row into Python. Table
and column names come from the models other apps export in their ``api.py``.
"""

from django.contrib.auth import get_user_model
from django.db import connection

from assessments.api import Attempt, Certificate, Quiz
from courses.api import Cohort, Enrolment, LessonProgress
from registry_link.api import Cooperative, Kind, LinkStatus, Membership

from .models import CoverageSummary, LearningRollup, LearningSummary


def _tables() -> dict[str, str]:
    from wagtail.models import Page

    models = {
        "user": get_user_model(),
        "membership": Membership,
        "cooperative": Cooperative,
        "enrolment": Enrolment,
        "cohort": Cohort,
        "progress": LessonProgress,
        "certificate": Certificate,
        "attempt": Attempt,
        "quiz": Quiz,
        "page": Page,
        "learning": LearningSummary,
        "rollup": LearningRollup,
        "coverage": CoverageSummary,
    }
    return {name: connection.ops.quote_name(model._meta.db_table) for name, model in models.items()}


# Each learner's place, sector, gender, age band, language and role. Her place is her profile's;
# without one, her cooperative's seat. Her sector is her (first confirmed) cooperative's.
LEARNERS = """
coop AS (
  SELECT DISTINCT ON (m.user_id) m.user_id, c.region_id, c.province_id, c.sector
  FROM {membership} m JOIN {cooperative} c ON c.id = m.cooperative_id
  WHERE m.status = %(confirmed)s ORDER BY m.user_id, m.id
),
dim AS (
  SELECT u.id,
    CASE WHEN u.region <> '' THEN u.region ELSE COALESCE(coop.region_id, '') END AS region,
    CASE WHEN u.region <> '' THEN COALESCE(u.province_id, '')
         ELSE COALESCE(coop.province_id, '') END AS province,
    COALESCE(coop.sector, '') AS sector,
    u.gender,
    CASE WHEN u.birth_year IS NULL THEN ''
         WHEN %(year)s - u.birth_year <= %(youth_max_age)s THEN 'young' ELSE 'older' END AS youth,
    u.preferred_language AS language,
    u.motivation AS role
  FROM {user} u LEFT JOIN coop ON coop.user_id = u.id
)"""

# learner, time, cohort, then the measures in LearningSummary's order.
EVENTS = """
  SELECT learner_id, MIN(enrolled_at), '', 1, 0, 0, 0, 0, 0, 0, 0.0, 0.0
  FROM {enrolment} GROUP BY learner_id
UNION ALL
  SELECT e.learner_id, e.enrolled_at, COALESCE(c.name, ''), 0, 1, 0, 0, 0, 0, 0, 0.0, 0.0
  FROM {enrolment} e LEFT JOIN {cohort} c ON c.id = e.cohort_id
UNION ALL
  SELECT e.learner_id, e.completed_at, COALESCE(c.name, ''), 0, 0, 1, 0, 0, 0, 0, 0.0, 0.0
  FROM {enrolment} e LEFT JOIN {cohort} c ON c.id = e.cohort_id WHERE e.completed_at IS NOT NULL
UNION ALL
  SELECT learner_id, MIN(completed_at), '', 0, 0, 0, 1, 0, 0, 0, 0.0, 0.0
  FROM {enrolment} WHERE completed_at IS NOT NULL GROUP BY learner_id
UNION ALL
  SELECT learner_id, issued_at, '', 0, 0, 0, 0, 1, 0, 0, 0.0, 0.0
  FROM {certificate} WHERE revoked_at IS NULL
UNION ALL
  SELECT learner_id, event_at, '', 0, 0, 0, 0, 0,
    ROUND(LEAST(position_seconds, COALESCE(duration_seconds, position_seconds)))::bigint,
    0, 0.0, 0.0
  FROM {progress} WHERE position_seconds > 0
UNION ALL
  SELECT post.learner_id, post.at, '', 0, 0, 0, 0, 0, 0, 1, pre.score, post.score
  FROM best pre JOIN best post ON pre.learner_id = post.learner_id AND pre.course = post.course
  WHERE pre.kind = %(pre)s AND post.kind = %(post)s"""

BEST = """
best AS (
  SELECT a.learner_id, p.translation_key AS course, q.kind,
    MAX(COALESCE(a.score, 0)) AS score, MAX(a.finished_at) AS at
  FROM {attempt} a JOIN {quiz} q ON q.id = a.quiz_id JOIN {page} p ON p.id = q.course_id
  WHERE a.finished_at IS NOT NULL AND q.kind IN (%(pre)s, %(post)s)
  GROUP BY a.learner_id, p.translation_key, q.kind
)"""

# Table names come from the models, every value is a parameter.
LEARNING = (
    "INSERT INTO {learning} (month, region, province, sector, gender, youth, language, role,"  # noqa: S608
    " cohort, learners, enrolments, completions, completers, certificates, seconds, gain_pairs,"
    " pre_total, post_total)"
    " WITH " + LEARNERS + "," + BEST + ","
    " events (learner_id, at, cohort, learners, enrolments, completions, completers,"
    " certificates, seconds, gain_pairs, pre_total, post_total) AS (" + EVENTS + ")"
    " SELECT date_trunc('month', ev.at AT TIME ZONE %(zone)s)::date, d.region, d.province,"
    " d.sector, d.gender, d.youth, d.language, d.role, ev.cohort, SUM(ev.learners),"
    " SUM(ev.enrolments), SUM(ev.completions), SUM(ev.completers), SUM(ev.certificates),"
    " SUM(ev.seconds), SUM(ev.gain_pairs), SUM(ev.pre_total), SUM(ev.post_total)"
    " FROM events ev JOIN dim d ON d.id = ev.learner_id"
    " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
)

MEASURES = (
    "learners, enrolments, completions, completers, certificates, seconds, gain_pairs,"
    " pre_total, post_total"
)
SUMS = ", ".join(f"SUM({name.strip()})" for name in MEASURES.split(","))
DIMENSIONS = ", ".join(LearningRollup.DIMENSIONS)
ROLLUP = (
    "INSERT INTO {rollup} (" + DIMENSIONS + ", " + MEASURES + ")"  # noqa: S608
    " SELECT " + DIMENSIONS + ", " + SUMS + " FROM {learning} GROUP BY " + DIMENSIONS
)

COVERAGE = """
INSERT INTO {coverage} (cooperative_id, name, region, province, sector, members, women, linked,
  trained, trained_women, trained_this_year, trained_women_this_year)
WITH done AS (
  SELECT learner_id, MAX(completed_at) AS last FROM {enrolment}
  WHERE completed_at IS NOT NULL GROUP BY learner_id
)
SELECT c.id, COALESCE(NULLIF(c.name_ar, ''), c.name_latin), c.region_id,
  COALESCE(c.province_id, ''), c.sector, c.members_count, c.women_count,
  COUNT(m.user_id),
  COUNT(done.learner_id),
  COUNT(done.learner_id) FILTER (WHERE u.gender = %(woman)s),
  COUNT(done.learner_id) FILTER (WHERE done.last >= %(year_start)s),
  COUNT(done.learner_id) FILTER (WHERE done.last >= %(year_start)s AND u.gender = %(woman)s)
FROM {cooperative} c
LEFT JOIN {membership} m ON m.cooperative_id = c.id AND m.status = %(confirmed)s
LEFT JOIN {user} u ON u.id = m.user_id
LEFT JOIN done ON done.learner_id = m.user_id
WHERE c.kind = %(cooperative)s
GROUP BY c.id"""


def learning_rebuild(*, params: dict) -> None:
    params = {
        **params,
        "confirmed": LinkStatus.CONFIRMED,
        "pre": Quiz.Kind.PRE,
        "post": Quiz.Kind.POST,
    }
    with connection.cursor() as cursor:
        cursor.execute(LEARNING.format(**_tables()), params)


def rollup_rebuild() -> None:
    """``LearningRollup`` from the ``LearningSummary`` just rebuilt: the same sums without
    province, role and cohort."""
    with connection.cursor() as cursor:
        cursor.execute(ROLLUP.format(**_tables()))


def coverage_rebuild(*, params: dict) -> None:
    params = {
        **params,
        "confirmed": LinkStatus.CONFIRMED,
        "woman": "woman",
        "cooperative": Kind.COOPERATIVE,
    }
    with connection.cursor() as cursor:
        cursor.execute(COVERAGE.format(**_tables()), params)
