import random
import re
from datetime import timedelta
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessments.models import Answer, Attempt, Certificate
from assessments.services.attempts import attempt_start, attempt_submit
from courses.api import lesson_mark_done

from .helpers import pass_test, right_responses


def _refused(code, **kwargs):
    with pytest.raises(ValidationError) as error:
        attempt_submit(**kwargs)
    assert error.value.code == code


def test_a_full_right_attempt_passes_and_stores_every_answer(demo_quizzes, learner):
    _practice, final = demo_quizzes
    attempt = attempt_start(learner=learner, quiz=final)
    attempt = attempt_submit(
        learner=learner, attempt_id=attempt.pk, responses=right_responses(attempt)
    )
    assert attempt.passed
    assert attempt.percent == 100
    assert Answer.objects.filter(attempt=attempt).count() == final.draw_count == 7


def test_refused_answers(demo_quizzes, learner, other_learner):
    _practice, final = demo_quizzes
    attempt = attempt_start(learner=learner, quiz=final)
    responses = right_responses(attempt)
    _refused("not_your_attempt", learner=other_learner, attempt_id=attempt.pk, responses=responses)
    stranger = {"00000000-0000-0000-0000-000000000000": {"choice": "x"}}
    _refused("question_not_in_attempt", learner=learner, attempt_id=attempt.pk, responses=stranger)
    attempt_submit(learner=learner, attempt_id=attempt.pk, responses=responses)
    # a double submission is refused and changes nothing
    _refused("attempt_finished", learner=learner, attempt_id=attempt.pk, responses={})
    assert Attempt.objects.get(pk=attempt.pk).percent == 100


def test_an_expired_attempt_is_refused(demo_quizzes, learner):
    _practice, final = demo_quizzes
    final.time_limit_minutes = 10
    final.save()
    attempt = attempt_start(learner=learner, quiz=final)
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(minutes=5))
    _refused("attempt_expired", learner=learner, attempt_id=attempt.pk, responses={})


def test_attempts_limit_and_wait(demo_quizzes, learner):
    _practice, final = demo_quizzes
    final.max_attempts, final.wait_minutes = 2, 30
    final.save()
    first = attempt_start(learner=learner, quiz=final)
    attempt_submit(learner=learner, attempt_id=first.pk, responses={})
    with pytest.raises(ValidationError) as error:
        attempt_start(learner=learner, quiz=final)
    assert error.value.code == "wait_before_retry"
    Attempt.objects.filter(pk=first.pk).update(finished_at=timezone.now() - timedelta(hours=1))
    second = attempt_start(learner=learner, quiz=final)
    attempt_submit(learner=learner, attempt_id=second.pk, responses={})
    Attempt.objects.update(finished_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        attempt_start(learner=learner, quiz=final)
    assert error.value.code == "no_attempts_left"


def test_draw_and_shuffle_are_fixed_at_start(demo_quizzes, learner, client):
    _practice, final = demo_quizzes
    final.draw_count = 4
    final.save()
    attempt = attempt_start(learner=learner, quiz=final, rng=random.Random(7))
    assert len(attempt.question_keys) == 4
    assert attempt_start(learner=learner, quiz=final).pk == attempt.pk  # resumed, not redrawn
    client.force_login(learner)
    url = f"/fr/tests/attempt/{attempt.pk}/"
    shown = [
        re.findall(r'name="(q-[^"]+)" value="([^"]+)"', client.get(url).content.decode())
        for _ in "ab"
    ]
    assert shown[0] == shown[1]
    assert shown[0]


def test_answer_keys_are_not_in_the_page_before_submission(demo_quizzes, learner, client):
    from assessments.selectors import answer_keys

    _practice, final = demo_quizzes
    attempt = attempt_start(learner=learner, quiz=final)
    client.force_login(learner)
    html = unescape(client.get(f"/fr/tests/attempt/{attempt.pk}/").content.decode())
    assert "1400" not in html
    assert "is_correct" not in html
    explanations = ["7 × 200", "Le compte s'ouvre dans une banque"]
    assert not any(text in html for text in explanations)
    keys = answer_keys(attempt.question_keys)
    assert all(key in html for key in keys)  # every question is shown


def test_passing_the_final_test_completes_the_course_and_issues_one_certificate(
    demo_quizzes, module_test, learner, django_capture_on_commit_callbacks
):
    from courses.api import learner_courses  # noqa: F401 - the course is complete through its api

    _practice, final = demo_quizzes
    course = final.course
    lessons = course.get_descendants().type(
        __import__("courses.api", fromlist=["LessonPage"]).LessonPage
    )
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons.filter(locale=course.locale):
            lesson_mark_done(learner=learner, lesson_key=lesson.translation_key)
        pass_test(learner, module_test)
        assert not Certificate.objects.filter(learner=learner).exists()  # the test is required
        attempt = attempt_start(learner=learner, quiz=final)
        attempt_submit(learner=learner, attempt_id=attempt.pk, responses=right_responses(attempt))
    with django_capture_on_commit_callbacks(execute=True):
        again = attempt_start(learner=learner, quiz=final)
        attempt_submit(learner=learner, attempt_id=again.pk, responses=right_responses(again))
    assert Certificate.objects.filter(learner=learner, kind=Certificate.Kind.COURSE).count() == 1


def test_a_timed_attempt_shows_its_deadline_and_a_countdown(module_test, learner, client):
    attempt = attempt_start(learner=learner, quiz=module_test)
    client.force_login(learner)
    page = client.get(f"/fr/tests/attempt/{attempt.pk}/").content.decode()
    deadline = timezone.localtime(attempt.deadline)
    assert f'data-end="{int(attempt.deadline.timestamp())}"' in page
    assert f'data-deadline="{deadline.isoformat()}"' in page
    assert deadline.strftime("%H:%M") in page  # the deadline as text, for a phone without JS
    assert 'aria-live="assertive" data-countdown-announce' in page
    assert "assessments/countdown" in page
    assert "data-attempt-form" in page


def test_an_untimed_attempt_has_no_countdown(demo_quizzes, learner, client):
    _practice, final = demo_quizzes
    attempt = attempt_start(learner=learner, quiz=final)
    client.force_login(learner)
    page = client.get(f"/fr/tests/attempt/{attempt.pk}/").content.decode()
    assert "data-countdown" not in page
    assert "countdown.js" not in page
