"""Issue 14: a regional staff member opens the statistics, filters by gender, downloads the XLSX
and sees the SVG charts, on a 360-pixel phone and on a desktop screen."""

import io

import pytest
from openpyxl import load_workbook

from .conftest import ARTIFACTS, PHONE, sign_in, watch_policy

DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_regional_staff_filter_download_and_charts(live_demo_academy, browser, shoot, viewport):
    from insights.tests.factories import small_world, staff_make

    small_world()
    from wagtail.users.models import UserProfile

    staff = staff_make(region="09")
    # Her admin in Arabic on the phone (right to left), in French on the desktop.
    language = "ar" if viewport == PHONE else "fr"
    UserProfile.objects.update_or_create(user=staff, defaults={"preferred_language": language})
    context = browser.new_context(viewport=viewport, is_mobile=viewport == PHONE, has_touch=True)
    violations = watch_policy(context)
    sign_in(context, live_demo_academy, staff)
    page = context.new_page()
    page.goto(f"{live_demo_academy.url}/admin/statistics/")
    assert page.locator("[data-scope]").get_attribute("data-scope") == "09"
    assert page.locator('[data-total="learners"]').inner_text() == "4"
    # The charts: a map of her region's provinces, bars and lines, all SVG drawn on the server.
    assert page.locator(".territory-map svg path").count() >= 6
    assert page.locator('[data-chart="bar"] svg rect').count() == 2
    assert page.locator('[data-chart="line"] svg polyline').count() == 3
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    name = "phone" if viewport == PHONE else "desktop"
    shoot(page, f"statistics-1-{name}")
    for part in ("insights-totals", "insights-charts", "insights-table"):
        section = page.locator(f".{part}").first
        section.scroll_into_view_if_needed()
        section.screenshot(path=ARTIFACTS / f"statistics-1-{name}-{part}.png")

    # Women only.
    page.select_option("#id_gender", "woman")
    with page.expect_navigation():
        page.locator("[data-filters] button[type=submit]").click()
    assert "gender=woman" in page.url
    assert page.locator('[data-total="learners"]').inner_text() == "3"  # amina, itto, fadma
    shoot(page, f"statistics-2-women-{name}")

    # The XLSX of the learning table, with the same filters: numbers as numbers.
    with page.expect_download() as download_info:
        page.locator('[data-export="learning-xlsx"]').click()
    download = download_info.value
    assert download.suggested_filename == "statistics-learning-province-09.xlsx"
    with open(download.path(), "rb") as file:
        rows = list(load_workbook(io.BytesIO(file.read())).active.iter_rows(values_only=True))
    _header, *provinces, total = rows  # her region's provinces, then the total
    assert len(provinces) == 2
    assert all(line[1] == "<5" for line in provinces)  # too few women to leave the admin
    assert total[1] == "<5"
    context.close()
    assert not violations, violations
