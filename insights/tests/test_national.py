"""The national dataset at a thousandth of its size: what it writes holds together as the apps
themselves would have written it."""

import pytest
from django.core.management import call_command
from django.db import connection

from insights.national.build import national_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset():
    from core.geography.loading import is_loaded, load_geography

    if not is_loaded():  # an earlier test that committed may have emptied the database
        load_geography()
    call_command("generate_national", scale=0.001, courses=2, stdout=_Sink())
    return national_counts()


class _Sink:
    def write(self, text: str) -> None:
        pass


def one(sql: str):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()


def _learners_are_the_register_members(dataset):
    members, women, youth = one(
        "SELECT sum(members_count), sum(women_count), sum(youth_count) "
        "FROM registry_link_cooperative WHERE kind = 'cooperative' AND local_number LIKE 'G%'"
    )
    learners, learner_women, learner_youth = one(
        "SELECT count(*), count(*) FILTER (WHERE gender = 'woman'), "
        "count(*) FILTER (WHERE birth_year >= 1992) FROM academy_user u "
        "WHERE u.password = '!national'"
    )
    assert dataset["cooperatives"] == 65
    assert (learners, learner_women, learner_youth) == (members, women, youth)
    assert dataset["memberships"] == learners
    leaders, cooperatives = one(
        "SELECT count(*) FILTER (WHERE role = 'leader'), count(DISTINCT cooperative_id) "
        "FROM registry_link_membership WHERE status = 'confirmed'"
    )
    assert leaders == cooperatives


def _every_learner_lives_in_a_commune_of_her_province_and_region(dataset):
    wrong = one(
        "SELECT count(*) FROM academy_user u JOIN core_commune c ON c.code = u.commune_id "
        "JOIN core_province p ON p.code = c.province_id "
        "WHERE u.password = '!national' "
        "AND (c.province_id <> u.province_id OR p.region_id <> u.region)"
    )[0]
    placed = one("SELECT count(commune_id) FROM academy_user u WHERE u.password = '!national'")[0]
    assert wrong == 0
    assert placed == dataset["memberships"]


def _certificates_only_for_completed_courses_and_each_one_has_its_own(dataset):
    stray = one(
        "SELECT count(*) FROM assessments_certificate c LEFT JOIN courses_enrolment e "
        "ON e.learner_id = c.learner_id AND e.course_key = c.subject_key "
        "WHERE e.completed_at IS NULL"
    )[0]
    completed = one("SELECT count(*) FROM courses_enrolment WHERE completed_at IS NOT NULL")[0]
    assert stray == 0
    assert 0 < completed == dataset["certificates"]


def _a_completed_course_has_every_lesson_done_and_its_test_passed(dataset):
    missing = one(
        "SELECT count(*) FROM courses_enrolment e WHERE e.completed_at IS NOT NULL AND ("
        " (SELECT count(*) FROM courses_lessonprogress p WHERE p.learner_id = e.learner_id"
        "  AND p.course_key = e.course_key AND p.status = 'done') <> 4"
        " OR NOT EXISTS (SELECT 1 FROM assessments_attempt a JOIN assessments_quiz q"
        "  ON q.id = a.quiz_id JOIN wagtailcore_page c ON c.id = q.course_id"
        "  WHERE a.learner_id = e.learner_id AND c.translation_key = e.course_key"
        "  AND q.kind = 'final' AND a.passed))"
    )[0]
    gain = one(
        "SELECT avg(post.score - pre.score) FROM assessments_attempt pre "
        "JOIN assessments_quiz qp ON qp.id = pre.quiz_id AND qp.kind = 'pre' "
        "JOIN assessments_quiz qa ON qa.course_id = qp.course_id AND qa.kind = 'post' "
        "JOIN assessments_attempt post ON post.quiz_id = qa.id AND post.learner_id = pre.learner_id"
    )[0]
    assert missing == 0
    assert gain > 0.1  # the post-test shows a learning gain


def _progress_events_match_lesson_progress(dataset):
    assert dataset["progress_events"] == 2 * dataset["lesson_progress"]
    late = one(
        "SELECT count(*) FROM courses_lessonprogress p JOIN courses_enrolment e "
        "ON e.learner_id = p.learner_id AND e.course_key = p.course_key "
        "WHERE p.event_at < e.enrolled_at OR p.event_at > now()"
    )[0]
    assert late == 0


def _courses_in_eight_languages(dataset):
    courses, languages = one(
        "SELECT count(DISTINCT p.translation_key), count(DISTINCT p.locale_id) "
        "FROM courses_coursepage c JOIN wagtailcore_page p ON p.id = c.page_ptr_id "
        "WHERE p.slug LIKE 'national-%' AND p.live"
    )
    assert (courses, languages) == (2, 8)


def _order_totals_are_the_sum_of_their_lines(dataset):
    wrong = one(
        "SELECT count(*) FROM marketplace_order o WHERE total <> "
        "(SELECT sum(unit_price * quantity) FROM marketplace_orderline WHERE order_id = o.id)"
    )[0]
    unplaced = one(
        "SELECT count(*) FROM marketplace_order o WHERE NOT EXISTS (SELECT 1 FROM "
        "marketplace_orderevent v WHERE v.order_id = o.id AND v.status = 'placed')"
    )[0]
    unsearchable = one("SELECT count(*) FROM marketplace_product WHERE search_text = ''")[0]
    assert (wrong, unplaced, unsearchable) == (0, 0, 0)
    assert dataset["orders"] == 30
    assert dataset["products"] == 12


def test_the_generated_dataset_holds_together(dataset):
    """One generation, every check (each generation takes seconds)."""
    _learners_are_the_register_members(dataset)
    _every_learner_lives_in_a_commune_of_her_province_and_region(dataset)
    _certificates_only_for_completed_courses_and_each_one_has_its_own(dataset)
    _a_completed_course_has_every_lesson_done_and_its_test_passed(dataset)
    _progress_events_match_lesson_progress(dataset)
    _courses_in_eight_languages(dataset)
    _order_totals_are_the_sum_of_their_lines(dataset)


def test_the_same_seed_gives_the_same_dataset_and_remove_takes_it_away(dataset):
    fingerprint = (
        "SELECT md5(string_agg(phone_number || gender || birth_year || commune_id "
        "|| preferred_language, ',' ORDER BY phone_number)) FROM academy_user u "
        "WHERE u.password = '!national'"
    )
    first = one(fingerprint)[0]
    call_command("generate_national", scale=0.001, courses=2, stdout=_Sink())
    assert one(fingerprint)[0] == first
    assert national_counts() == dataset
    call_command("generate_national", remove=True, stdout=_Sink())
    counts = national_counts()
    assert counts["learners"] == counts["enrolments"] == counts["orders"] == 0
    assert counts["cooperatives"] == 0
    assert counts["course_pages"] == dataset["course_pages"]  # the courses stay
