"""Membership on a 360 × 740 phone, in Arabic (right to left): Itto asks to join her cooperative
from her dashboard; Fadma, its leader, sees the claim with big answers, confirms it, and sees her
members' training. Screenshots: test-artifacts/members-*.png.
"""

import pytest
from django.utils import timezone

from .conftest import PHONE, sign_in

pytestmark = pytest.mark.browser


def assert_no_horizontal_scroll(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a {PHONE['width']}px phone"


def tap_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.tap()


def _trained_member(cooperative, course_key):
    from assessments.services.certificates import certificate_issue
    from courses.api import Enrolment
    from registry_link.tests.factories import membership_make, user_make

    member = user_make(first_name="Zahra")
    membership_make(cooperative=cooperative, user=member)
    Enrolment.objects.create(learner=member, course_key=course_key, completed_at=timezone.now())
    certificate_issue(learner=member, course_key=course_key)


def test_a_learner_claims_and_her_leader_confirms_on_a_phone(live_demo_academy, phone, shoot):
    from wagtail.models import Page

    from registry_link.choices import LinkStatus, Role
    from registry_link.models import Membership
    from registry_link.tests.factories import cooperative_make, membership_make, user_make

    base = live_demo_academy.url
    tifawin = cooperative_make(
        name_ar="تعاونية تيفاوين",
        name_latin="Coopérative Tifawin",
        court="Agadir",
        local_number="77",
    )
    fadma = user_make(first_name="Fadma", preferred_language="ar")
    membership_make(cooperative=tifawin, user=fadma, role=Role.LEADER)
    course = Page.objects.filter(slug="founding-a-cooperative").first()
    _trained_member(tifawin, course.translation_key)
    itto = user_make(first_name="Itto", preferred_language="ar")

    # 1. Itto, from her dashboard, opens "My cooperative" and the claim form.
    sign_in(phone, live_demo_academy, itto)
    page = phone.new_page()
    page.goto(f"{base}/ar/me/")
    tap_and_wait(page, page.locator('main a[href="/ar/me/cooperative/"]'))
    tap_and_wait(page, page.locator('main a[href="/ar/me/cooperative/join/"]'))
    assert page.locator("[data-consent]").is_visible()
    page.select_option('select[name="court"]', "Agadir")
    page.fill('input[name="local_number"]', "77")
    page.fill('input[name="name"]', "تعاونية تيفاوين")
    assert_no_horizontal_scroll(page)
    shoot(page, "members-1-claim")
    tap_and_wait(page, page.locator("[data-claim] button[type=submit]"))
    assert page.locator('[data-link="claimed"]').count() == 1
    assert_no_horizontal_scroll(page)
    shoot(page, "members-2-waiting")

    # 2. Fadma, on her phone, sees the claim with big buttons and confirms it.
    phone.clear_cookies()
    sign_in(phone, live_demo_academy, fadma)
    page.goto(f"{base}/ar/me/cooperative/")
    tap_and_wait(page, page.locator("[data-lead]"))
    claim = Membership.objects.get(user=itto)
    card = page.locator(f'[data-claim="{claim.pk}"]')
    assert card.is_visible()
    assert page.locator("[data-certificate]").count() == 1  # Zahra's, with her training
    assert_no_horizontal_scroll(page)
    shoot(page, "members-3-leader")
    tap_and_wait(page, card.locator("button").first)
    claim.refresh_from_db()
    assert claim.status == LinkStatus.CONFIRMED
    assert page.locator(f'[data-member="{claim.pk}"]').is_visible()
    assert_no_horizontal_scroll(page)
    shoot(page, "members-4-confirmed")
