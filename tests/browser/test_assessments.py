"""A Tarifit learner on a 360 × 740 phone: a picture quiz with sound, a test, her certificate.

She answers the lesson's picture question wrong, hears why, answers it right; passes the final test;
the course is complete; she downloads her certificate, whose first page is rendered to
test-artifacts/certificate.png (pdftoppm) for a look by eye.
"""

import re
import subprocess

import pytest

from .conftest import ARTIFACTS, sign_in

pytestmark = pytest.mark.browser

LESSON = "/rif/founding-a-cooperative/before-you-start/the-six-steps/"


@pytest.fixture
def tarifit_learner(live_demo_academy, django_user_model):
    from django.utils import timezone

    from assessments.demo.loader import demo_assessments_load

    report = demo_assessments_load()
    user = django_user_model.objects.create_user(
        phone_number="+212662000001",
        password="2468",
        first_name="Mimount",
        last_name="Amezian",
        preferred_language="rif",
        phone_verified_at=timezone.now(),  # she confirmed her number
    )
    return user, report


def _signed_in(phone, live_server, user):
    sign_in(phone, live_server, user)
    return phone.new_page()


def _submit_and_land(page, form) -> None:
    with page.expect_navigation():
        form.locator('button[type="submit"]').tap()


def _answer(page, key: str, answer) -> None:
    box = page.locator(f'fieldset[id="q-{key}"]')
    if answer.kind in {"single", "picture"}:
        box.locator(f'input[name^="q-"][value="{next(iter(answer.right))}"]').check()
    elif answer.kind == "multiple":
        for choice in answer.right:
            box.locator(f'input[name^="q-"][value="{choice}"]').check()
    elif answer.kind == "true_false":
        box.locator(f'input[name^="q-"][value="{"true" if answer.is_true else "false"}"]').check()
    elif answer.kind == "ordering":
        for place, choice in enumerate(answer.choices, start=1):
            box.locator(f'select[name="q-{key}-{choice}"]').select_option(str(place))
    else:
        box.locator("input[type=text]").fill(str(answer.number))


def test_picture_quiz_final_test_and_certificate_in_tarifit(
    phone, live_server, tarifit_learner, shoot
):
    from assessments.models import Certificate, Quiz
    from assessments.selectors import answer_keys, pool_keys
    from assessments.tests.helpers import pass_test
    from courses.api import Enrolment, LessonPage, lesson_mark_done

    user, report = tarifit_learner
    page = _signed_in(phone, live_server, user)
    page.goto(live_server.url + LESSON)
    assert page.locator("html").get_attribute("lang") in {"rif", "zgh", "ary", "ar"}

    # 1. The picture question, with its spoken text: wrong first, then right.
    practice = Quiz.objects.get(pk=report["practice"])
    picture_key, true_false_key = pool_keys(practice)
    key = answer_keys([picture_key])[picture_key]
    form = page.locator("form.quiz-form", has=page.locator(f'fieldset[id="q-{picture_key}"]'))
    audio = form.locator("fieldset > p.question-audio audio")
    assert page.request.get(live_server.url + audio.get_attribute("src")).ok
    assert form.locator("label.choice.picture img").count() == 3
    wrong = next(c for c in key.choices if c not in key.right)
    form.locator(f'input[name^="q-"][value="{wrong}"]').check()
    _submit_and_land(page, form)
    form = page.locator("form.quiz-form", has=page.locator(f'fieldset[id="q-{picture_key}"]'))
    assert form.locator(".feedback.wrong").is_visible()
    shoot(page, "assessments-01-wrong")
    form.locator(f'input[name^="q-"][value="{next(iter(key.right))}"]').check()
    _submit_and_land(page, form)
    form = page.locator("form.quiz-form", has=page.locator(f'fieldset[id="q-{picture_key}"]'))
    assert form.locator(".feedback.right").is_visible()
    form = page.locator("form.quiz-form", has=page.locator(f'fieldset[id="q-{true_false_key}"]'))
    form.locator('input[name^="q-"][value="true"]').check()
    _submit_and_land(page, form)
    shoot(page, "assessments-02-right")

    # The other lessons are done on the server: this test is about the assessments.
    course = Quiz.objects.get(pk=report["final"]).course
    for lesson in LessonPage.objects.descendant_of(course).filter(locale=course.locale):
        lesson_mark_done(learner=user, lesson_key=lesson.translation_key)
    pass_test(user, Quiz.objects.get(pk=report["module"]))  # the module test, on the server too
    enrolment = Enrolment.objects.get(learner=user, course_key=course.translation_key)
    assert enrolment.completed_at is None  # the final test is still to pass

    # 2. The final test, passed.
    page.goto(f"{live_server.url}/rif/tests/{report['final']}/")
    _submit_and_land(page, page.locator("main form"))
    assert re.search(r"/rif/tests/attempt/\d+/$", page.url)
    keys = answer_keys(
        re.findall(r'fieldset class="question" id="q-([0-9a-f-]{36})"', page.content())
    )
    for question_key, answer in keys.items():
        _answer(page, question_key, answer)
    shoot(page, "assessments-03-test")
    _submit_and_land(page, page.locator("main form.quiz-form"))
    assert page.locator("[data-score]").get_attribute("data-score") == "100"
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    shoot(page, "assessments-04-passed")

    # 3. The certificate, downloaded and looked at.
    with page.expect_download() as download:
        page.locator("a[data-certificate]").tap()
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "certificate.pdf"
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            "/usr/bin/pdftoppm",
            "-png",
            "-r",
            "80",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            str(pdf),
            str(ARTIFACTS / "certificate"),
        ],
        check=True,
    )
    certificate = Certificate.objects.get(learner=user, kind=Certificate.Kind.COURSE)
    page.goto(f"{live_server.url}/verify/{certificate.code}/")
    assert page.locator('[data-status="valid"]').is_visible()
    assert "Mimount" not in page.content()


def test_a_timed_test_counts_down_warns_and_sends_itself_at_zero(
    phone, live_server, tarifit_learner
):
    """The module test has a time limit: the phone shows the time left, says "1 minute left"
    and, at zero, sends what was answered."""
    from datetime import timedelta

    from django.utils import timezone

    from assessments.models import Attempt, Quiz
    from assessments.services.attempts import attempt_start

    user, report = tarifit_learner
    attempt = attempt_start(learner=user, quiz=Quiz.objects.get(pk=report["module"]))
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + timedelta(seconds=4))
    page = _signed_in(phone, live_server, user)
    page.goto(f"{live_server.url}/rif/tests/attempt/{attempt.pk}/")
    left = page.locator("[data-countdown-left]")
    assert left.is_visible()
    assert re.search(r"0:0[0-4]", left.text_content())
    assert page.locator("[data-countdown-announce]").text_content()  # under a minute: said
    page.wait_for_url(re.compile(r"/result/$"), timeout=10_000)
    attempt.refresh_from_db()
    assert attempt.finished_at is not None
