"""Figures against the small world counted by hand (insights/tests/factories.py)."""

import pytest
from django.utils import timezone

from insights import selectors
from insights.filters import Filters
from insights.models import LearningSummary

from .factories import COURSE_A, at, enrol, learner, small_world

pytestmark = pytest.mark.django_db


def column(table, key: str) -> dict:
    return {code: row[key] for code, row in zip(table.codes, table.rows, strict=True)}


def test_national_totals():
    small_world()
    total = selectors.learning_table(Filters()).total
    assert total["learners"] == 6  # omar never enrolled
    assert total["enrolments"] == 7
    assert total["completions"] == 4
    assert total["completers"] == 4
    assert total["certificates"] == 3
    assert total["hours"] == 1.5


def test_by_gender():
    small_world()
    table = selectors.learning_table(Filters(by="gender"))
    assert column(table, "learners") == {"woman": 4, "man": 2}
    assert column(table, "completions") == {"woman": 2, "man": 2}
    assert column(table, "certificates") == {"woman": 2, "man": 1}


def test_by_youth_band(settings):
    settings.INSIGHTS = {"YOUTH_MAX_AGE": 34}
    small_world()
    year = timezone.localdate().year
    born = {"amina": 2000, "itto": 1960, "fadma": 1998, "brahim": 1995, "said": 1970, "nadia": 1990}
    young = sum(1 for year_of_birth in born.values() if year - year_of_birth <= 34)
    table = selectors.learning_table(Filters(by="youth"))
    assert column(table, "learners") == {"young": young, "older": 6 - young}


def test_the_age_band_is_a_setting(settings):
    settings.INSIGHTS = {"YOUTH_MAX_AGE": 200}
    small_world()
    assert column(selectors.learning_table(Filters(by="youth")), "learners") == {"young": 6}


def test_by_region_and_province():
    small_world()
    regions = selectors.learning_table(Filters(by="region"))
    assert column(regions, "learners") == {"09": 4, "02": 2}
    assert column(regions, "completions") == {"09": 3, "02": 1}
    provinces = selectors.learning_table(Filters(by="province", region="09"))
    assert column(provinces, "learners") == {"09.001": 2, "09.541": 2}
    assert column(provinces, "enrolments") == {"09.001": 3, "09.541": 2}


def test_by_language_sector_and_month():
    small_world()
    languages = selectors.learning_table(Filters(by="language"))
    assert column(languages, "learners") == {"ary": 1, "shi": 2, "ar": 2, "fr": 1}
    sectors = selectors.learning_table(Filters(by="sector"))
    assert column(sectors, "learners") == {"argan": 4, "agriculture": 1, "": 1}
    months = selectors.learning_table(Filters(by="month"))
    by_month = {row["label"].month: row["enrolments"] for row in months.rows}
    assert by_month == {1: 2, 2: 2, 3: 3}


def test_filters_combine():
    small_world()
    women_souss = Filters(region="09", gender="woman", sector="argan")
    assert selectors.learning_table(women_souss).total["completions"] == 2
    first_quarter = Filters(start=at(1).date().replace(day=1), end=at(2).date().replace(day=1))
    assert selectors.learning_table(first_quarter).total["enrolments"] == 4


def test_the_question_women_members_of_souss_massa_argan_cooperatives_who_finished_this_year():
    world = small_world()
    table = selectors.coverage_table(Filters(region="09", sector="argan"))
    # amina and itto (coop A) finished a course this year; fadma did not; brahim is a man.
    assert table.total["trained_women_this_year"] == 2
    assert table.total["trained_women"] == 2
    assert table.total["women"] == 18 + 5
    assert table.total["reached"] == 2  # coop A (amina, itto) and coop B (brahim)
    cooperatives = selectors.coverage_cooperatives_table(Filters(region="09", sector="argan"))
    shares = column(cooperatives, "trained_share")
    assert shares[str(world["coops"][0].pk)] == 10.0  # 2 of its 20 members


def test_learning_gain_from_pre_and_post_tests(demo_quizzes):
    from assessments.api import Attempt, Quiz

    _practice, final = demo_quizzes
    pre = Quiz.objects.get(kind=Quiz.Kind.PRE, course=final.course)
    post = Quiz.objects.get(kind=Quiz.Kind.POST, course=final.course)
    zahra = learner("Zahra", region="09", gender="woman")
    enrol(zahra, COURSE_A, month=1)
    for quiz, score in ((pre, 0.2), (pre, 0.4), (post, 0.9)):
        Attempt.objects.create(learner=zahra, quiz=quiz, plan=[], finished_at=at(2), score=score)
    from insights.services import refresh_summaries

    refresh_summaries()
    total = selectors.learning_table(Filters()).total
    assert total["gain_pairs"] == 1
    assert total["gain"] == 50.0  # best before 40 %, best after 90 %


def test_refresh_replaces_the_figures_and_is_idempotent():
    from insights.services import refresh_summaries

    small_world()
    first = LearningSummary.objects.count()
    refresh_summaries()
    assert LearningSummary.objects.count() == first
    assert selectors.learning_table(Filters()).total["learners"] == 6
