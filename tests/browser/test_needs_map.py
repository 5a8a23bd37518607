"""Issue 17's journey in Tachelhit on a 360 × 740 phone: Itto taps her province on the map of
needs and potential, reads what it needs, opens an idea that fits, makes it her project, adapts
it, and sees where to ask for money. Screenshots: test-artifacts/needs-*.png.
"""

import re

import pytest

from .conftest import PHONE, sign_in

pytestmark = pytest.mark.browser

TIZNIT = "09.581"


def assert_fits_the_phone(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a {PHONE['width']}px phone"


def tap_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.tap()


def test_she_taps_her_province_reads_its_needs_opens_an_idea_and_finds_money(
    live_demo_academy, phone, shoot
):
    from academy.models import User
    from project_bank.demo import demo_funding_load, demo_ideas_load, demo_territory_notes_load
    from project_bank.models import Project

    demo_ideas_load()
    demo_funding_load()
    demo_territory_notes_load()
    itto = User.objects.create_user(
        "+212661110017",
        "2468",
        region="09",
        province_id=TIZNIT,
        gender="woman",
        birth_year=2000,
        preferred_language="shi",
        first_name="Itto",
    )
    base = live_demo_academy.url
    sign_in(phone, live_demo_academy, itto)
    page = phone.new_page()

    # The map opens on her region's provinces; she taps Tiznit.
    page.goto(f"{base}/shi/territories/")
    assert page.locator("html").get_attribute("lang") == "shi"
    shape = page.locator(f'.territory-map svg a[data-code="{TIZNIT}"]')
    assert shape.count() == 1
    box = shape.bounding_box()
    assert min(box["width"], box["height"]) >= 44  # big enough for a thumb
    assert_fits_the_phone(page)
    shoot(page, "needs-01-map-shi")
    tap_and_wait(page, shape.locator("path"))
    assert page.url.endswith(f"/shi/territories/{TIZNIT}/"), page.url

    # What the province needs: the staff notes (shown in Arabic, the nearest text there is),
    # and the census figures, credited.
    needs = page.locator("#needs .note-need")
    assert needs.count() == 2
    assert needs.first.is_visible()
    assert "10.2%" in page.locator("#needs").inner_text()
    assert page.locator('[data-figure="language-tachelhit"]').get_attribute("data-value") == "90.8"
    assert "CC BY 4.0" in page.locator("#census").inner_text()
    assert_fits_the_phone(page)
    page.screenshot(path=_artifact("needs-02-province-shi-top"))
    shoot(page, "needs-02-province-shi")

    # An idea that fits: the argan cooperative answers a potential recorded here.
    ideas = page.locator("#ideas .idea-card a")
    assert ideas.count() >= 3
    first = ideas.first
    assert "argan-oil-women" in first.get_attribute("href")
    first.scroll_into_view_if_needed()
    tap_and_wait(page, first)
    assert "/shi/ideas/argan-oil-women/" in page.url
    shoot(page, "needs-03-idea-shi")
    tap_and_wait(page, page.locator("[data-adopt]"))
    assert re.search(r"/shi/projects/[0-9a-f-]+/$", page.url), page.url

    # She adapts it to her place and saves; the funding sources that fit are listed.
    form = page.locator("form[data-plan-form]")
    form.locator('input[name="place"]').fill("Tiznit, Aglou")
    tap_and_wait(page, form.locator("[data-save]"))
    project = Project.objects.get(created_by=itto)
    assert (project.place, project.region) == ("Tiznit, Aglou", "09")
    sources = page.locator("[data-funding] [data-funding-source]")
    assert sources.count() >= 1
    keys = {sources.nth(i).get_attribute("data-funding-source") for i in range(sources.count())}
    assert "demo-indh-youth" in keys  # she is 18 to 34: the INDH youth programme fits
    assert page.locator("[data-funding] [data-funding-reason]").first.inner_text().strip()
    assert_fits_the_phone(page)
    page.locator("[data-funding]").scroll_into_view_if_needed()
    page.screenshot(path=_artifact("needs-04-funding-shi-view"))
    shoot(page, "needs-04-funding-shi")


def _artifact(name: str):
    from .conftest import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / f"{name}.png"


def test_at_sign_up_her_province_puts_its_languages_first(live_demo_academy, phone, shoot):
    """With JavaScript, each choice shows the next list at once; nothing is hidden."""
    page = phone.new_page()
    page.goto(f"{live_demo_academy.url}/ar/signup/")
    chooser = page.locator("form[data-place-chooser]")
    with page.expect_navigation():
        chooser.locator('select[name="region"]').select_option("09")
    with page.expect_navigation():
        page.locator('form[data-place-chooser] select[name="province"]').select_option(TIZNIT)
    languages = page.locator('main form.form select[name="preferred_language"] option')
    values = [languages.nth(i).get_attribute("value") for i in range(languages.count())]
    assert values[:2] == ["shi", "ary"]
    assert len(values) == 8
    assert page.locator('main form.form input[name="province"]').input_value() == TIZNIT
    assert page.locator('main form.form select[name="preferred_language"]').input_value() == "ar"
    assert_fits_the_phone(page)
    shoot(page, "needs-05-signup-ar")
