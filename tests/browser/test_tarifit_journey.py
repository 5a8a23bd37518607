"""A Tarifit learner on a 360 × 740 phone, from the language chooser to her certificate.

She picks Tarifit (named in Latin letters first), signs up and ticks the Latin letters (the
picture of each script is a word written in it), confirms her number, enrols and opens the
first lesson: everything in the page's main part is in Latin letters — no Tifinagh, no Arabic
letters — the lesson, its quiz and the interface around them (decision 0043). The second
lesson's "Listen" plays its narration (recorded in Darija, the nearest language of her spoken
chain, named in Latin letters); her answers tick the lesson in the course outline; "next" after
the last lesson of a module opens the module test, its result continues the course, "Continue"
with every lesson done opens the final test, and its result hands her the certificate.
Screenshots: test-artifacts/tarifit-*.png.
"""

import re
import shutil

import pytest

from . import media_site
from .conftest import PHONE
from .test_assessments import _answer
from .test_learner_journey import sms_code  # noqa: F401 - the fixture

pytestmark = pytest.mark.browser

COURSE = "/rif/founding-a-cooperative/"
NUMBER = "06 61 23 45 90"
TIFINAGH = re.compile("[\u2d30-\u2d7f]")
ARABIC = re.compile("[\u0600-\u06ff]")
SIX_STEPS = "before-you-start/the-six-steps/"
NAME_CERTIFICATE = "before-you-start/the-name-certificate/"
SECOND_MODULE = (
    "money-and-registration/capital-and-shares/",
    "money-and-registration/bank-and-registration/",
)


def tap_and_land(page, locator, path: str) -> None:
    with page.expect_navigation(url=re.compile(rf"^[^?#]*{re.escape(path)}(\?.*)?$")):
        locator.tap()


def assert_one_latin_script(page) -> None:
    text = page.locator("main").inner_text()
    assert not TIFINAGH.search(text), TIFINAGH.findall(text)[:10]
    assert not ARABIC.search(text), text


def answer_the_test(page, server, quiz_id: int) -> None:
    """Open the test, start it, give every right answer (read from the server's keys), send."""
    from assessments.selectors import answer_keys

    with page.expect_navigation(url=re.compile(r"/rif/tests/attempt/\d+/$")):
        page.locator('main form button[type="submit"]').tap()
    assert_one_latin_script(page)
    keys = answer_keys(
        re.findall(r'fieldset class="question" id="q-([0-9a-f-]{36})"', page.content())
    )
    assert keys
    for question_key, answer in keys.items():
        _answer(page, question_key, answer)
    with page.expect_navigation():
        page.locator('main form.quiz-form button[type="submit"]').tap()
    assert page.locator("[data-score]").get_attribute("data-score") == "100"
    assert_one_latin_script(page)


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng is not installed")
def test_from_the_chooser_to_her_certificate_in_one_script_she_reads(
    live_demo_academy,
    phone,
    shoot,
    sms_code,  # noqa: F811
    settings,
    tmp_path,
    monkeypatch,
):
    from academy.models import User
    from assessments.demo.loader import demo_assessments_load
    from assessments.models import Certificate, Quiz
    from assessments.selectors import answer_keys, pool_keys
    from courses.api import LessonPage, lesson_mark_done, load_demo_narration

    settings.ROOT_URLCONF = media_site.__name__  # the live server serves the recordings
    settings.MEDIA_ROOT = str(tmp_path / "media")
    monkeypatch.setattr("django.test.testcases.serve", media_site.serve_with_ranges)
    # One lesson's narration (Arabic and Darija) is enough, and quick to record.
    assert load_demo_narration(slugs=("the-six-steps",)).recordings == 2
    report = demo_assessments_load()  # the practice quiz, the module test, the final test
    page = phone.new_page()
    page.goto(f"{live_demo_academy.url}/")
    tarifit = page.locator('a.chooser-button[data-language="rif"]')
    assert tarifit.locator("bdi").first.inner_text() == "Tarifit"
    tap_and_land(page, tarifit, "/rif/")

    # 1. Sign-up: the scripts as pictures, big enough to tap; she ticks the Latin letters.
    page.goto(f"{live_demo_academy.url}/rif/signup/")
    form = page.locator("main form.form")
    form.locator('input[name="phone_number"]').fill(NUMBER)
    form.locator('input[name="pin"]').fill("2468")
    form.locator('input[name="pin_again"]').fill("2468")
    form.locator('input[name="first_name"]').fill("Mimount")
    assert form.locator('select[name="preferred_language"]').input_value() == "rif"
    for card in form.locator("label.reads-choice").all():
        box = card.bounding_box()
        assert box["width"] >= 44
        assert box["height"] >= 44
    latin = form.locator('label.reads-choice[data-script="Latn"]')
    latin.scroll_into_view_if_needed()
    shoot(page, "tarifit-01-scripts")
    latin.tap()
    assert form.locator('input[name="reads"][value="Latn"]').is_checked()
    form.locator('input[name="consent"]').check()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    tap_and_land(page, form.locator('button[type="submit"]'), "/rif/signup/verify/")
    code_form = page.locator("main form.form")
    code_form.locator('input[name="code"]').fill(sms_code(NUMBER))
    tap_and_land(page, code_form.locator('button[type="submit"]'), "/rif/me/")
    assert User.objects.get(phone_number="+212661234590").reads == ["Latn"]

    # 2. She enrols and opens the first lesson: one script, Latin, all through.
    page.goto(f"{live_demo_academy.url}{COURSE}")
    enrol = page.locator('main form[action*="/enrol/"] button[type="submit"]').first
    tap_and_land(page, enrol, f"{COURSE}before-you-start/what-is-a-cooperative/")
    page.locator("article.lesson").wait_for()
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert_one_latin_script(page)
    shoot(page, "tarifit-02-lesson")

    # No recording of this lesson in any language: the page says so, no silent player.
    assert page.locator("[data-listen-none]").is_visible()
    assert page.locator("[data-listen] audio").count() == 0
    tap_and_land(page, page.locator('main form[action*="/done/"] button'), f"{COURSE}{SIX_STEPS}")

    # 3. The second lesson: "Listen" plays its narration, in Darija, named in Latin letters.
    assert_one_latin_script(page)
    listen = page.locator("[data-listen-button]")
    assert listen.bounding_box()["height"] >= 44
    listen.tap()
    page.wait_for_function(
        "() => document.querySelector('[data-listen-audio]').currentTime > 1", timeout=20_000
    )
    audio = page.locator("[data-listen-audio]")
    assert audio.get_attribute("lang") == "ary"
    assert audio.evaluate("a => !a.paused && a.duration > 10")
    assert "Darija" in page.locator(".listen-meta").inner_text()
    shoot(page, "tarifit-03-listen")
    listen.tap()  # pause

    # Her answers to the lesson's questions, in Latin letters: done, with a big tick.
    assert {q.get_attribute("lang") for q in page.locator("fieldset.question").all()} <= {"rif"}
    practice = Quiz.objects.get(pk=report["practice"])
    picture, true_false = pool_keys(practice)
    key = answer_keys([picture])[picture]
    for question, value in ((picture, next(iter(key.right))), (true_false, "true")):
        form = page.locator("form.quiz-form", has=page.locator(f'fieldset[id="q-{question}"]'))
        form.locator(f'input[name^="q-"][value="{value}"]').check()
        with page.expect_navigation():
            form.locator('button[type="submit"]').tap()
    page.locator("[data-lesson-done]").wait_for()
    shoot(page, "tarifit-04-done")
    assert_one_latin_script(page)

    # 4. "Next": the module's last lesson, done; "next" then opens the module test.
    tap_and_land(page, page.locator("main a[rel=next]"), f"{COURSE}{NAME_CERTIFICATE}")
    assert_one_latin_script(page)
    module_test = f"/rif/tests/{report['module']}/"
    tap_and_land(page, page.locator('main form[action*="/done/"] button'), module_test)
    assert_one_latin_script(page)
    shoot(page, "tarifit-05-module-test")
    answer_the_test(page, live_demo_academy, report["module"])
    shoot(page, "tarifit-06-module-passed")
    # Its result continues the course: the next module's first lesson.
    tap_and_land(page, page.locator("main a[data-continue]"), f"{COURSE}{SECOND_MODULE[0]}")
    assert_one_latin_script(page)

    # 5. The last two lessons, done on the server (the same service as her "done" button).
    mimount = User.objects.get(phone_number="+212661234590")
    for slug in SECOND_MODULE:
        lesson = LessonPage.objects.get(url_path__endswith=f"/{slug}", locale__language_code="rif")
        lesson_mark_done(learner=mimount, lesson_key=lesson.translation_key)

    # The outline ticks every lesson; "Continue" opens the final test, not lesson 1.
    page.goto(f"{live_demo_academy.url}{COURSE}")
    assert_one_latin_script(page)
    assert page.locator(".lessons li[data-done] .done-tick").count() == 5
    assert page.locator(".lessons li:not([data-done])").count() == 0
    shoot(page, "tarifit-07-outline")
    final_test = f"/rif/tests/{report['final']}/"
    tap_and_land(page, page.locator("main a[data-continue]").first, final_test)
    assert_one_latin_script(page)
    answer_the_test(page, live_demo_academy, report["final"])
    shoot(page, "tarifit-08-final-passed")

    # 6. The result hands her the certificate.
    certificate = Certificate.objects.get(learner=mimount, kind=Certificate.Kind.COURSE)
    link = page.locator("main a[data-certificate]")
    assert certificate.code in link.get_attribute("href")
    response = page.request.get(live_demo_academy.url + link.get_attribute("href"))
    assert response.ok
    assert response.body().startswith(b"%PDF")
