"""Her province and commune on a 360 × 740 phone in Tachelhit and Arabic, without JavaScript:
region, save, province, save, commune, save. Screenshots: test-artifacts/profile-territory-*.png.
"""

import pytest

from .conftest import PHONE, sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["shi", "ar"])
def test_she_picks_her_province_and_commune_from_lists(live_demo_academy, browser, shoot, language):
    from academy.models import User

    itto = User.objects.create_user(f"+21266123450{len(language)}", "2468", region="09")
    # No language saved yet: putting Tachelhit first must not switch her page to it.
    context = browser.new_context(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    sign_in(context, live_demo_academy, itto)
    page = context.new_page()
    page.goto(f"{live_demo_academy.url}/{language}/me/profile/")
    form = page.locator("form.form").first
    form.locator('select[name="province"]').select_option("09.581")
    with page.expect_navigation():
        form.locator('button[type="submit"]').click()
    form = page.locator("form.form").first
    assert form.locator('select[name="commune"] option').count() == 26  # 25 and "Skip"
    assert (
        form.locator('select[name="preferred_language"] option').first.get_attribute("value")
        == "shi"
    )  # Tiznit speaks Tachelhit first
    shoot(page, f"profile-territory-{language}")
    form.locator('select[name="commune"]').select_option("09.581.01.07")
    with page.expect_navigation():
        form.locator('button[type="submit"]').click()
    itto.refresh_from_db()
    assert (itto.province_id, itto.commune_id) == ("09.581", "09.581.01.07")
    assert itto.preferred_language == language
    assert page.locator("html").get_attribute("lang") == language
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
