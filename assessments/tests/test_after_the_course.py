"""What she meets once the course is finished and the certificate is hers."""

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
