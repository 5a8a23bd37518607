"""Learning gain where trainers look: the course report and the cohort page (issue 19, item 10)."""

import pytest

from assessments.models import Quiz
from assessments.services.attempts import attempt_start, attempt_submit
from courses import cohorts
from courses.tests.test_cohorts import joined, learner, trainer

from .helpers import right_responses

pytestmark = pytest.mark.django_db


def take(person, quiz, *, right: bool) -> None:
    attempt = attempt_start(learner=person, quiz=quiz)
    responses = right_responses(attempt) if right else {}
    attempt_submit(learner=person, attempt_id=attempt.pk, responses=responses)


def test_the_demo_course_has_a_pre_test_and_a_post_test_on_its_page(demo_quizzes, client):
    _practice, final = demo_quizzes
    pre = Quiz.objects.get(kind=Quiz.Kind.PRE, course=final.course)
    post = Quiz.objects.get(kind=Quiz.Kind.POST, course=final.course)
    assert pre.items.count() == post.items.count() == final.items.count()
    page = client.get(final.course.url).content.decode()
    assert f'href="/ar/tests/{pre.pk}/" data-test="pre"' in page
    assert f'href="/ar/tests/{post.pk}/" data-test="post"' in page


def test_the_trainer_sees_her_cohorts_learning_gain(demo_quizzes, client):
    _practice, final = demo_quizzes
    pre = Quiz.objects.get(kind=Quiz.Kind.PRE, course=final.course)
    post = Quiz.objects.get(kind=Quiz.Kind.POST, course=final.course)
    owner = trainer()
    cohort = cohorts.cohort_create(owner=owner, name="Tifawin")
    itto, fadma = learner("+212611223344", "Itto"), learner("+212611223345", "Fadma")
    stranger = learner("+212611223346", "Zahra")
    for member in (itto, fadma):
        joined(cohort, member)
    cohorts.cohort_enrol(cohort=cohort, course_key=final.course.translation_key, enrolled_by=owner)
    client.force_login(owner)
    page = client.get(f"/en/cohorts/{cohort.pk}/").content.decode()
    assert 'data-learning-gain="0"' in page  # the tests exist, nobody took both yet
    take(itto, pre, right=False)
    take(itto, post, right=True)
    take(fadma, pre, right=True)  # the post-test not yet: not counted
    take(stranger, pre, right=True)  # not a member: never counted here
    take(stranger, post, right=False)
    page = client.get(f"/en/cohorts/{cohort.pk}/").content.decode()
    assert 'data-learning-gain="100"' in page
    assert "Learning gain" in page
