from html import unescape

import pytest

from assessments.demo.loader import demo_assessments_load
from assessments.models import PracticeAnswer, Quiz
from assessments.selectors import answer_keys, pool_keys
from courses.api import LessonPage, LessonProgress

LESSON = "/fr/founding-a-cooperative/before-you-start/the-six-steps/"


@pytest.fixture
def practice(demo_academy):
    return Quiz.objects.get(pk=demo_assessments_load()["practice"])


def _post(client, quiz, lesson, key, **answer):
    data = {"question": key, "lesson": lesson.pk, "next": LESSON, **answer}
    return client.post(f"/fr/quiz/{quiz.pk}/answer/", data)


def test_the_lesson_shows_the_questions_but_no_answer_key(practice, client, learner):
    client.force_login(learner)
    html = unescape(client.get(LESSON).content.decode())
    picture, _true_false = pool_keys(practice)
    assert f'id="q-{picture}"' in html
    assert "Oui : la banque." not in html  # feedback of the right choice
    assert "Le compte s'ouvre dans une banque" not in html  # explanation


def test_wrong_then_right_with_feedback_and_the_lesson_is_done_once_all_answered(
    practice, client, learner
):
    client.force_login(learner)
    lesson = LessonPage.objects.get(
        url_path__endswith="/the-six-steps/", locale__language_code="fr"
    )
    picture, true_false = pool_keys(practice)
    key = answer_keys([picture])[picture]
    wrong = next(c for c in key.choices if c not in key.right)
    response = _post(client, practice, lesson, picture, kind="picture", **{f"q-{picture}": wrong})
    assert response.status_code == 302
    html = unescape(client.get(LESSON).content.decode())
    assert "feedback wrong" in html
    assert "le compte s'ouvre à la banque" in html  # feedback of the chosen (wrong) choice
    right = next(iter(key.right))
    _post(client, practice, lesson, picture, kind="picture", **{f"q-{picture}": right})
    assert "feedback right" in unescape(client.get(LESSON).content.decode())
    assert not LessonProgress.objects.filter(learner=learner, status="done").exists()
    _post(client, practice, lesson, true_false, kind="true_false", **{f"q-{true_false}": "true"})
    done = LessonProgress.objects.get(learner=learner, lesson_key=lesson.translation_key)
    assert done.status == "done"
    assert PracticeAnswer.objects.filter(learner=learner).count() == 3


def test_a_quiz_posted_for_a_lesson_that_does_not_hold_it_is_refused(practice, client, learner):
    client.force_login(learner)
    other = LessonPage.objects.filter(locale__language_code="fr").exclude(
        url_path__endswith="/the-six-steps/"
    )[0]
    picture, _true_false = pool_keys(practice)
    assert _post(client, practice, other, picture, kind="picture").status_code == 404
    stranger = "00000000-0000-0000-0000-000000000000"
    lesson = LessonPage.objects.get(
        url_path__endswith="/the-six-steps/", locale__language_code="fr"
    )
    assert _post(client, practice, lesson, stranger, kind="single").status_code == 400


def test_an_answer_kept_offline_is_taken_once_and_only_from_its_learner(practice, client, learner):
    from uuid import uuid4

    from courses.api import learner_tag

    client.force_login(learner)
    lesson = LessonPage.objects.get(
        url_path__endswith="/the-six-steps/", locale__language_code="fr"
    )
    picture, _true_false = pool_keys(practice)
    right = next(iter(answer_keys([picture])[picture].right))
    replay = {"HTTP_X_OFFLINE_REPLAY": "1"}
    answer = {"kind": "picture", f"q-{picture}": right, "event": str(uuid4())}
    data = {"question": picture, "lesson": lesson.pk, **answer}
    url = f"/fr/quiz/{practice.pk}/answer/"
    refused = client.post(url, {**data, "learner": "someone-else"}, **replay)
    assert refused.status_code == 409
    assert not PracticeAnswer.objects.filter(learner=learner).exists()
    for _replay in range(2):  # sent again: the connection dropped before the answer came
        response = client.post(url, {**data, "learner": learner_tag(learner)}, **replay)
        assert response.status_code == 204
    assert PracticeAnswer.objects.filter(learner=learner).count() == 1
