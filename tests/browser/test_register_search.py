"""The public register search on a 360 × 740 phone, in Arabic and French: search, filter by
region, open a cooperative's page; no member's personal data on the way.
Screenshots: test-artifacts/register-*.png.
"""

import pytest

from .conftest import PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_she_finds_a_cooperative_in_the_register(live_demo_academy, phone, shoot, language):
    from registry_link.demo import demo_register_load
    from registry_link.models import Cooperative

    demo_register_load(count=60)
    wanted = Cooperative.objects.active().exclude(name_tfng="").first()
    page = phone.new_page()
    page.goto(f"{live_demo_academy.url}/{language}/register/")
    assert page.locator("[data-results] .card").count() == 20
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, f"register-{language}-list")

    page.fill("#id_q", wanted.local_number)
    with page.expect_navigation():
        page.locator(".search-form button").tap()
    assert page.locator("[data-results] .card").count() == 1
    assert wanted.name_tfng in page.content()
    shoot(page, f"register-{language}-found")

    with page.expect_navigation():
        page.locator("[data-results] .card a").tap()
    assert str(wanted.public_id) in page.url
    for manager in wanted.managers:
        assert manager["name"] not in page.content()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
