"""A lesson done by answering its questions says so (tick and chime), the outline ticks every
done lesson, and the "next" of a module's last lesson leads to that module's test."""

from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from assessments.demo.loader import demo_assessments_load
from assessments.models import Quiz
from assessments.selectors import answer_keys, pool_keys
from courses.api import LessonPage, lesson_mark_done

from .helpers import pass_test

SIX_STEPS = "/en/founding-a-cooperative/before-you-start/the-six-steps/"
LAST_OF_MODULE = "/en/founding-a-cooperative/before-you-start/the-name-certificate/"


def _lesson(slug: str, code: str = "en") -> LessonPage:
    return LessonPage.objects.get(slug=slug, locale__language_code=code, alias_of__isnull=True)


def _answer(client, quiz, lesson, key, **answer):
    data = {"question": key, "lesson": lesson.pk, "next": SIX_STEPS, **answer}
    return client.post(f"/en/quiz/{quiz.pk}/answer/", data)


@pytest.fixture
def practice(demo_academy):
    return Quiz.objects.get(pk=demo_assessments_load()["practice"])


def test_the_answer_that_completes_the_quiz_is_told_with_a_tick_and_a_chime(
    practice, client, learner
):
    client.force_login(learner)
    lesson = _lesson("the-six-steps")
    picture, true_false = pool_keys(practice)
    wrong = next(c for c in answer_keys([picture])[picture].choices)
    first = _answer(client, practice, lesson, picture, kind="picture", **{f"q-{picture}": wrong})
    assert "done=1" not in first.url  # one question left: nothing done yet
    last = _answer(
        client, practice, lesson, true_false, kind="true_false", **{f"q-{true_false}": "false"}
    )
    assert last.url == f"{SIX_STEPS}?done=1#lesson-done"  # done even with wrong answers: say so
    with translation.override("en"):
        html = unescape(client.get(last.url).content.decode())
    assert "data-lesson-done" in html
    assert "lesson-done.svg" in html
    assert "lesson-done.wav" in html
    assert "data-chime" in html
    assert "this lesson is done" in html
    # A later try is not news: no second chime, the plain badge stays.
    again = _answer(
        client, practice, lesson, true_false, kind="true_false", **{f"q-{true_false}": "true"}
    )
    assert "done=1" not in again.url
    assert "data-lesson-done" not in client.get(again.url).content.decode()


def test_done_is_not_claimed_by_a_crafted_address(practice, client, learner):
    client.force_login(learner)
    assert "data-lesson-done" not in client.get(f"{SIX_STEPS}?done=1").content.decode()


def test_the_chime_is_tiny(settings):
    from pathlib import Path

    chime = Path(settings.BASE_DIR) / "courses/static/courses/lesson-done.wav"
    assert chime.read_bytes()[:4] == b"RIFF"
    assert chime.stat().st_size < 8_000


def test_the_outline_and_the_module_list_tick_every_done_lesson(demo_academy, client, learner):
    client.force_login(learner)
    for slug in ("what-is-a-cooperative", "the-six-steps"):
        lesson_mark_done(learner=learner, lesson_key=_lesson(slug).translation_key)
    course = client.get("/en/founding-a-cooperative/").content.decode()
    module = client.get("/en/founding-a-cooperative/before-you-start/").content.decode()
    assert course.count("data-done") == 2
    assert course.count("done-tick") == 2
    assert module.count("data-done") == 2
    assert 'class="done" data-done' in course
    other = client.get("/en/founding-a-cooperative/")  # after a sign-out: no tick
    client.logout()
    assert "data-done" not in client.get("/en/founding-a-cooperative/").content.decode()
    assert other.status_code == 200


def test_the_ticks_cost_one_query_whatever_the_number_of_lessons(demo_academy, client, learner):
    client.force_login(learner)
    client.get("/en/founding-a-cooperative/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/founding-a-cooperative/")
    progress = [q for q in queries.captured_queries if "courses_lessonprogress" in q["sql"]]
    assert len(progress) <= 3  # her progress (figures, ticks), never one per lesson


def test_the_next_of_a_modules_last_lesson_is_its_test_until_passed(module_test, client, learner):
    client.force_login(learner)
    with translation.override("en"):
        html = client.get(LAST_OF_MODULE).content.decode()
    link = f'href="/en/tests/{module_test.pk}/"'
    assert "data-module-test" in html
    assert link in html
    assert "Take the module test" in html
    pass_test(learner, module_test)
    after = client.get(LAST_OF_MODULE).content.decode()
    assert "data-module-test" not in after
    assert "Back to the course" in unescape(after)


def test_a_lesson_in_the_middle_still_leads_to_the_next_lesson(module_test, client, learner):
    client.force_login(learner)
    html = client.get(SIX_STEPS).content.decode()
    assert "data-module-test" not in html
    assert 'rel="next"' in html


def test_a_module_without_a_test_keeps_back_to_the_course(module_test, client, learner):
    client.force_login(learner)
    html = client.get("/en/founding-a-cooperative/money-and-registration/bank-and-registration/")
    assert "data-module-test" not in html.content.decode()
