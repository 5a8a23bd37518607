"""The name check on a 360 × 740 phone: the verdict follows her typing (a small script asks the
JSON API), and the same page works as a plain form with JavaScript off.
Screenshots: test-artifacts/name-check-*.png.
"""

import pytest

from .conftest import PHONE, watch_policy

pytestmark = pytest.mark.browser


@pytest.fixture
def register(live_demo_academy):
    from django.core.cache import cache

    from registry_link.tests.factories import cooperative_make

    cache.clear()
    cooperative_make(name_ar="تعاونية نور الهدى", name_latin="")
    cooperative_make(name_ar="تعاونية الأمل", name_latin="Coopérative Al Amal")
    return live_demo_academy.url


def test_the_verdict_follows_her_typing(register, phone, shoot):
    page = phone.new_page()
    page.goto(f"{register}/fr/register/name-check/")
    field = page.locator("#id_name")
    field.click()
    field.press_sequentially("Coopérative Nour El Houda", delay=30)
    verdict = page.locator('[data-name-check-result] [data-verdict="similar"]')
    verdict.wait_for()
    reason = page.locator('[data-name-check-result] li[data-reason="sounds_like"]')
    assert "تعاونية نور الهدى" in reason.inner_text()
    assert "?name=" in page.url  # the address says what is shown: a reload shows the same
    shoot(page, "name-check-typing-similar")
    field.fill("")
    field.press_sequentially("Coopérative Tighanimine", delay=30)
    page.locator('[data-name-check-result] [data-verdict="available"]').wait_for()
    field.fill("")
    field.press_sequentially("Safran de Taliouine", delay=30)
    page.locator('[data-name-check-result] li[data-reason="protected_name"]').wait_for()
    shoot(page, "name-check-typing-refused")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"]


def test_without_javascript_it_is_a_plain_form_in_arabic(register, browser, shoot):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    violations = watch_policy(context)
    page = context.new_page()
    page.goto(f"{register}/ar/register/name-check/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.fill("#id_name", "الأمل")
    with page.expect_navigation():
        page.locator('main form button[type="submit"]').click()
    assert page.locator('[data-verdict="taken"]').count() == 1
    assert page.locator('li[data-reason="same_ignoring"]').count() == 1
    shoot(page, "name-check-no-js-ar")
    context.close()
    assert not violations
