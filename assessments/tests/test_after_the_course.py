"""What she meets once her lessons are done, and once the certificate is hers."""

import re

from assessments.services.attempts import attempt_start, attempt_submit
from courses.api import LessonPage, lesson_mark_done

from .helpers import pass_test, right_responses


def test_the_dashboard_does_not_say_she_never_started(
    demo_quizzes, module_test, learner, client, django_capture_on_commit_callbacks
):
    _practice, final = demo_quizzes
    course = final.course
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in course.get_descendants().type(LessonPage).filter(locale=course.locale):
            lesson_mark_done(learner=learner, lesson_key=lesson.translation_key)
        pass_test(learner, module_test)
        attempt = attempt_start(learner=learner, quiz=final)
        attempt_submit(learner=learner, attempt_id=attempt.pk, responses=right_responses(attempt))
    client.force_login(learner)
    html = client.get("/en/me/").content.decode()
    assert "You have not started a course yet." not in html
    assert "You finished every course you started." in html
    assert "🏅" in html


def test_with_every_lesson_done_continue_opens_the_test_still_to_pass(
    demo_quizzes, module_test, learner, client
):
    _practice, final = demo_quizzes
    course = final.course
    for lesson in course.get_descendants().type(LessonPage).filter(locale=course.locale):
        lesson_mark_done(learner=learner, lesson_key=lesson.translation_key)
    client.force_login(learner)
    continue_link = re.compile(r'href="([^"]+)" data-continue')
    first = continue_link.search(client.get("/fr/me/").content.decode()).group(1)
    assert first == f"/fr/tests/{module_test.pk}/"  # the module test comes before the final one
    pass_test(learner, module_test)
    then = continue_link.search(client.get("/fr/me/").content.decode()).group(1)
    assert then == f"/fr/tests/{final.pk}/"


def test_a_passed_module_test_offers_to_continue_the_course(
    demo_quizzes, module_test, learner, client
):
    course = demo_quizzes[1].course
    first = course.get_descendants().type(LessonPage).filter(locale=course.locale).first()
    lesson_mark_done(learner=learner, lesson_key=first.translation_key)  # she is in the course
    pass_test(learner, module_test)
    attempt = module_test.attempt_set.get(learner=learner, passed=True)
    client.force_login(learner)
    html = client.get(f"/ar/tests/attempt/{attempt.pk}/result/").content.decode()
    assert re.search(r'href="/ar/[^"]+" data-continue', html)
