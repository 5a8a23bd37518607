"""The map component on a 360 × 740 phone, in Tachelhit and Arabic: tap a region on the project
bank's map, every shape is big enough to tap or listed under the map.
Screenshots: test-artifacts/map-*.png.
"""

import pytest

from .conftest import PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["shi", "ar"])
def test_she_taps_her_region_on_the_map_and_small_ones_are_in_a_list(
    live_demo_academy, phone, shoot, language
):
    page = phone.new_page()
    page.goto(f"{live_demo_academy.url}/{language}/ideas/?region=")
    shapes = page.locator(".territory-map svg a")
    assert shapes.count() == 12
    listed = page.locator(".territory-list a")
    listed_urls = {listed.nth(i).get_attribute("href") for i in range(listed.count())}
    for i in range(shapes.count()):
        shape = shapes.nth(i)
        box = shape.bounding_box()
        if shape.get_attribute("href") not in listed_urls:
            assert min(box["width"], box["height"]) >= 44, shape.get_attribute("data-code")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, f"map-{language}-regions")

    with page.expect_navigation():
        page.locator('.territory-map svg a[data-code="09"] path').tap()
    assert "region=09" in page.url
    assert page.locator('.territory-map svg a[data-code="09"][aria-current="true"]').count() == 1
    shoot(page, f"map-{language}-souss-massa")
