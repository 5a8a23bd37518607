"""Journey 1 in a real browser: two learners share one phone (360 × 740), in Tachelhit.

Itto signs up with her phone number, enrols, marks the first lesson done, hands the phone over,
comes back with her PIN and taps Continue to land on the next lesson; Fadma then signs up on the
same phone and sees none of Itto's learning. One browser context is the one shared phone.
Full-page screenshots of the main steps go into test-artifacts/journey-*.png.
"""

import json
import re
from urllib.parse import urlsplit

import pytest

from .conftest import PHONE

pytestmark = pytest.mark.browser

COURSE = "/shi/founding-a-cooperative/"
FIRST_LESSON = f"{COURSE}before-you-start/what-is-a-cooperative/"
SECOND_LESSON = f"{COURSE}before-you-start/the-six-steps/"
ITTO = {"name": "Itto", "number": "06 61 23 45 67", "pin": "2468", "gender": "woman"}
FADMA = {"name": "Fadma", "number": "06 61 23 45 68", "pin": "1357", "gender": "woman"}


def path_of(url: str) -> str:
    return urlsplit(url).path


def assert_no_horizontal_scroll(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a {PHONE['width']}px phone"


def tap_and_land(page, locator, path: str) -> None:
    """Tap a link or a submit button and wait for the page at ``path`` (query string allowed)."""
    with page.expect_navigation(url=re.compile(rf"^[^?#]*{re.escape(path)}(\?.*)?$")):
        locator.tap()
    assert page.locator("html").get_attribute("lang") in {"shi", "ary"}, page.url


def switch_learner(page) -> None:
    """The header's "Switch learner" button: signs out, lists this phone's learners."""
    tap_and_land(page, page.locator('header form[action="/shi/signout/"] button'), "/shi/signin/")


def recent_names(page) -> list[str]:
    """The first names on the sign-in list, without their initials."""
    return page.locator("a.learner-button").evaluate_all(
        "els => els.map(a => a.lastChild.textContent.trim())"
    )


def sign_up(page, learner: dict, sms_code, shoot=None) -> None:
    """From the sign-in page or the home page: create the account, verify the number by SMS."""
    tap_and_land(page, page.locator('main a[href="/shi/signup/"]').first, "/shi/signup/")
    form = page.locator("main form.form")
    form.locator('input[name="phone_number"]').fill(learner["number"])
    form.locator('input[name="pin"]').fill(learner["pin"])
    form.locator('input[name="pin_again"]').fill(learner["pin"])
    form.locator('input[name="first_name"]').fill(learner["name"])
    assert form.locator('select[name="preferred_language"]').input_value() == "shi"
    form.locator(f'label.choice:has(input[name="gender"][value="{learner["gender"]}"])').tap()
    assert form.locator(f'input[name="gender"][value="{learner["gender"]}"]').is_checked()
    form.locator('input[name="consent"]').check()
    assert_no_horizontal_scroll(page)
    if shoot:
        shoot(page, "journey-01-signup")
    tap_and_land(page, form.locator('button[type="submit"]'), "/shi/signup/verify/")
    code_form = page.locator("main form.form")
    code_form.locator('input[name="code"]').fill(sms_code(learner["number"]))
    if shoot:
        shoot(page, "journey-02-verify")
    tap_and_land(page, code_form.locator('button[type="submit"]'), "/shi/me/")
    assert learner["name"] in page.locator("main h1").inner_text()


def sign_in_as(page, name: str, pin: str, landing: str) -> None:
    """On the sign-in list: tap her name, type the PIN, open."""
    tap_and_land(page, page.locator("a.learner-button", has_text=name), "/shi/signin/")
    assert name in page.locator(".learner-chip").inner_text()
    form = page.locator('main form.form:has(input[name="learner"])')
    form.locator('input[name="pin"]').fill(pin)
    tap_and_land(page, form.locator('button[type="submit"]'), landing)


@pytest.fixture
def sms_code(settings, tmp_path):
    """The latest 6-digit code texted to a number, read from the file sender's outbox."""
    settings.SMS_SENDER = "academy.sms.FileSender"
    settings.SMS_FILE_PATH = tmp_path / "sms-outbox.jsonl"

    def latest(number: str) -> str:
        e164 = "+212" + re.sub(r"\D", "", number)[1:]
        lines = settings.SMS_FILE_PATH.read_text(encoding="utf-8").splitlines()
        texts = [json.loads(line)["text"] for line in lines if json.loads(line)["to"] == e164]
        assert texts, f"no SMS sent to {e164}"
        return re.search(r"\b\d{6}\b", texts[-1]).group()

    return latest


def test_two_learners_share_a_phone_and_each_finds_only_her_own_progress(
    live_demo_academy, phone, shoot, sms_code
):
    from wagtail.models import Page

    from academy.models import User
    from courses.models import LessonProgress

    page = phone.new_page()
    page.goto(f"{live_demo_academy.url}/shi/")
    assert path_of(page.url) == "/shi/"

    # 1. Itto signs up with her phone number and lands in her space.
    sign_up(page, ITTO, sms_code, shoot)
    assert page.locator("[data-continue]").count() == 0  # nothing started yet
    assert_no_horizontal_scroll(page)
    shoot(page, "journey-03-dashboard")

    # 2. She enrols, reads the first lesson and marks it done: the next lesson opens.
    page.goto(f"{live_demo_academy.url}{COURSE}")
    enrol = page.locator('main form[action*="/enrol/"] button[type="submit"]').first
    tap_and_land(page, enrol, FIRST_LESSON)
    tap_and_land(page, page.locator('main form[action*="/done/"] button'), SECOND_LESSON)
    assert_no_horizontal_scroll(page)
    shoot(page, "journey-04-lesson")

    # 3. She hands the phone over ("Switch learner"), comes back with her PIN and continues.
    switch_learner(page)
    assert recent_names(page) == ["Itto"]
    assert_no_horizontal_scroll(page)
    shoot(page, "journey-05-signin-list")
    sign_in_as(page, "Itto", ITTO["pin"], "/shi/me/")
    tap_and_land(page, page.locator("main [data-continue]"), SECOND_LESSON)
    assert page.locator('main form[action*="/done/"]').count() == 1  # not done yet
    assert_no_horizontal_scroll(page)
    shoot(page, "journey-06-continue")

    # 4. Fadma creates her own account on the same phone: none of Itto's learning shows.
    switch_learner(page)
    sign_up(page, FADMA, sms_code)
    dashboard = page.locator("main")
    assert dashboard.locator("[data-continue]").count() == 0
    assert dashboard.locator(".cards .card").count() == 0
    assert dashboard.locator('a[href^="/shi/founding-a-cooperative/"]').count() == 0
    assert "Itto" not in dashboard.inner_text()
    assert_no_horizontal_scroll(page)
    shoot(page, "journey-07-second-learner")
    page.goto(f"{live_demo_academy.url}/shi/me/")
    assert "Fadma" in page.locator("main h1").inner_text()
    assert "Itto" not in page.locator("main").inner_text()
    page.goto(f"{live_demo_academy.url}{COURSE}")
    assert page.locator("main [data-continue]").count() == 0
    assert page.locator('main form[action*="/enrol/"]').count() >= 1  # she is not enrolled

    # The phone now lists both learners; Fadma's PIN does not open Itto's space.
    switch_learner(page)
    assert recent_names(page) == ["Fadma", "Itto"]
    sign_in_as(page, "Itto", FADMA["pin"], "/shi/signin/")
    assert page.locator("main .error[role=alert]").count() == 1
    assert page.locator('header form[action="/shi/signout/"]').count() == 0  # still signed out

    # 5. On the server: Itto has exactly the first lesson done; Fadma has no progress at all.
    itto = User.objects.get(phone_number="+212661234567")
    fadma = User.objects.get(phone_number="+212661234568")
    first = Page.objects.get(
        url_path__endswith=FIRST_LESSON[len("/shi") :], locale__language_code="shi"
    )
    done = LessonProgress.objects.filter(learner=itto, status=LessonProgress.Status.DONE)
    assert list(done.values_list("lesson_key", flat=True)) == [first.translation_key]
    assert not LessonProgress.objects.filter(learner=fadma).exists()
