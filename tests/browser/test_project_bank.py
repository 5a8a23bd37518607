"""Journey 3 in a real browser, in Darija on a 360 × 740 phone: from a finished course to a
cooperative project of her own.

Aicha (Souss-Massa) finishes the demo course, finds a recommended idea on her dashboard, makes it
her project, raises a price and watches the break-even month move as she types, saves (the server
recomputes the same), then invites Itto, who signs in on her own phone and accepts.
Screenshots: test-artifacts/bank-*.png.
"""

import re

import pytest

from .conftest import PHONE

pytestmark = pytest.mark.browser

COURSE = "/ary/founding-a-cooperative/"
AICHA = {"number": "+212661110001", "local": "0661110001", "pin": "2468"}
ITTO = {"number": "+212661110002", "local": "06 61 11 00 02", "pin": "1357"}


def assert_no_horizontal_scroll(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a {PHONE['width']}px phone"


def tap_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.tap()


def sign_in(page, base: str, person: dict) -> None:
    page.goto(f"{base}/ary/signin/")
    form = page.locator("main form.form").last
    form.locator('input[name="phone_number"]').fill(person["local"])
    form.locator('input[name="pin"]').fill(person["pin"])
    tap_and_wait(page, form.locator('button[type="submit"]'))
    assert re.search(r"/ary/me/$", page.url), page.url


def finish_course(page, base: str, learner) -> None:
    """Enrol and mark every lesson done; if the course also asks for more (a final test),
    complete the enrolment through the path the courses app uses."""
    from courses.api import Enrolment, course_completed

    page.goto(f"{base}{COURSE}")
    tap_and_wait(page, page.locator('main form[action*="/enrol/"] button[type="submit"]').first)
    for _lesson in range(12):
        done = page.locator('main form[action*="/done/"] button')
        if done.count() == 0:
            break
        tap_and_wait(page, done.first)
    enrolment = Enrolment.objects.get(learner=learner)
    if enrolment.completed_at is None:
        from django.utils import timezone

        now = timezone.now()
        Enrolment.objects.filter(pk=enrolment.pk).update(completed_at=now)
        course_completed.send(
            sender=Enrolment, learner=learner, course_key=enrolment.course_key, completed_at=now
        )


def break_even(page) -> str:
    return page.locator("[data-break-even]").get_attribute("data-break-even")


def test_from_a_finished_course_to_a_project_with_co_founders(live_demo_academy, browser, shoot):
    from django.utils import timezone

    from academy.models import User
    from project_bank.demo import demo_ideas_load
    from project_bank.models import IdeaEvent, Project

    demo_ideas_load()
    base = live_demo_academy.url
    aicha = User.objects.create_user(
        AICHA["number"],
        AICHA["pin"],
        first_name="Aicha",
        region="09",
        gender="woman",
        preferred_language="ary",
        birth_year=1999,
        phone_verified_at=timezone.now(),  # she confirmed her number
    )
    User.objects.create_user(
        ITTO["number"],
        ITTO["pin"],
        first_name="Itto",
        region="09",
        gender="woman",
        preferred_language="ary",
        phone_verified_at=timezone.now(),  # she confirmed her number
    )
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = phone.new_page()

    # 1. She finishes the demo course; her dashboard recommends ideas that fit Souss-Massa.
    sign_in(page, base, AICHA)
    finish_course(page, base, aicha)
    page.goto(f"{base}/ary/me/")
    recommended = page.locator("[data-recommendations] .idea-card")
    assert recommended.count() >= 1
    assert "Souss" in recommended.first.inner_text() or "سوس" in recommended.first.inner_text()
    assert IdeaEvent.objects.filter(user=aicha, kind="recommend").exists()
    assert_no_horizontal_scroll(page)
    shoot(page, "bank-1-dashboard")

    # The whole bank: her region by default; tapping Drâa-Tafilalet on the map filters by it.
    page.goto(f"{base}/ary/ideas/")
    assert page.locator('svg a[data-code="09"][aria-current="true"]').count() == 1
    tap_and_wait(page, page.locator('svg a[data-code="08"] path'))
    assert "region=08" in page.url
    assert page.locator(".idea-card").count() >= 1
    assert_no_horizontal_scroll(page)
    shoot(page, "bank-1b-map")
    page.goto(f"{base}/ary/me/")

    # 2. The idea: what it needs, learn first (her course, finished), the plan.
    tap_and_wait(page, recommended.first.locator("a"))
    assert page.locator("html").get_attribute("lang") == "ary"
    assert page.locator("main .done-badge").count() == 1
    assert_no_horizontal_scroll(page)
    shoot(page, "bank-2-idea")

    # 3. She makes it her project, raises a price: the break-even month moves as she types.
    tap_and_wait(page, page.locator("[data-adopt]"))
    assert "/ary/projects/" in page.url
    before = break_even(page)
    price = page.locator('input[name="products-0-price"]')
    price.fill(str(float(price.input_value()) * 3))
    page.wait_for_function(
        "old => document.querySelector('[data-break-even]').dataset.breakEven !== old", arg=before
    )
    typed = break_even(page)
    assert typed, "a higher price still breaks even"
    assert not before or int(typed) < int(before)
    assert_no_horizontal_scroll(page)
    shoot(page, "bank-3-plan")
    tap_and_wait(page, page.locator("[data-save]"))
    assert break_even(page) == typed  # the server computes the same month
    project = Project.objects.get(created_by=aicha)

    # 4. She invites Itto by her phone number.
    page.locator('input[name="phone_number"]').fill(ITTO["local"])
    tap_and_wait(page, page.locator("[data-invite]"))
    assert page.locator("[data-founders-needed]").get_attribute("data-founders-needed") == "4"
    shoot(page, "bank-4-invited")

    # 5. Itto, on her own phone, signs in and accepts; she is a founder, one fewer is needed.
    other = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    itto_page = other.new_page()
    sign_in(itto_page, base, ITTO)
    itto_page.goto(f"{base}/ary/projects/")
    assert itto_page.locator("[data-invitation]").count() == 1
    shoot(itto_page, "bank-5-invitation")
    tap_and_wait(itto_page, itto_page.locator("[data-accept]"))
    assert str(project.public_id) in itto_page.url
    assert itto_page.locator("[data-founders-needed]").get_attribute("data-founders-needed") == "3"
    assert_no_horizontal_scroll(itto_page)
    shoot(itto_page, "bank-6-accepted")
    other.close()

    # The printable summary.
    page.goto(f"{base}/ary/projects/{project.public_id}/print/")
    page.emulate_media(media="print")
    shoot(page, "bank-7-print")
    phone.close()
