"""A Tarifit learner on a 360 × 740 phone, from the language chooser to a lesson she can read.

She picks Tarifit (named in Latin letters first), signs up and ticks the Latin letters (the
picture of each script is a word written in it), confirms her number, enrols and opens the
first lesson: everything in the page's main part is in Latin letters — no Tifinagh, no Arabic
letters — the lesson, its quiz and the interface around them (decision 0043).
Screenshots: test-artifacts/tarifit-*.png.
"""

import re

import pytest

from .conftest import PHONE
from .test_learner_journey import sms_code  # noqa: F401 - the fixture

pytestmark = pytest.mark.browser

COURSE = "/rif/founding-a-cooperative/"
NUMBER = "06 61 23 45 90"
TIFINAGH = re.compile("[\u2d30-\u2d7f]")
ARABIC = re.compile("[\u0600-\u06ff]")


def tap_and_land(page, locator, path: str) -> None:
    with page.expect_navigation(url=re.compile(rf"^[^?#]*{re.escape(path)}(\?.*)?$")):
        locator.tap()


def assert_one_latin_script(page) -> None:
    text = page.locator("main").inner_text()
    assert not TIFINAGH.search(text), TIFINAGH.findall(text)[:10]
    assert not ARABIC.search(text), ARABIC.findall(text)[:10]


def test_from_the_chooser_to_a_lesson_in_one_script_she_reads(
    live_demo_academy,
    phone,
    shoot,
    sms_code,  # noqa: F811
):
    from academy.models import User
    from assessments.demo.loader import demo_assessments_load

    demo_assessments_load()  # the lesson's practice quiz
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

    # 3. The lesson with the quiz: questions in Tarifit's Latin letters too.
    page.goto(f"{live_demo_academy.url}{COURSE}before-you-start/the-six-steps/")
    assert_one_latin_script(page)
    assert page.locator("fieldset.question").count() >= 1
    assert {q.get_attribute("lang") for q in page.locator("fieldset.question").all()} <= {"rif"}
    shoot(page, "tarifit-03-quiz")
