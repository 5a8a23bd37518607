"""The learner's pages in a real browser, at phone size (360 × 740).

A full-page screenshot of each page checked is saved into test-artifacts/ for a human look. The
``phone`` fixture fails a test whose pages report a Content-Security-Policy violation; the last
tests here check that the policy is enforced, on the learner's pages and in the admin.
"""

from urllib.parse import urlsplit

import pytest

from .conftest import PHONE, sign_in, watch_policy

pytestmark = pytest.mark.browser

COURSE = "founding-a-cooperative"
SIX_STEPS = f"{COURSE}/before-you-start/the-six-steps/"
BANK = f"{COURSE}/money-and-registration/bank-and-registration/"
# Each language named in every script its speakers read, the most read first (decision 0043).
NATIVE_NAMES = [
    "العربية",
    "الدارجة · Darija",
    "ⵜⴰⵛⵍⵃⵉⵜ · Tacelḥit · تاشلحيت",
    "ⵜⴰⵎⴰⵣⵉⵖⵜ · Tamaziɣt",
    "Tarifit · ⵜⴰⵔⵉⴼⵉⵜ · تاريفيت",
    "ⵜⴰⵎⴰⵣⵉⵖⵜ",
    "Français",
    "English",
]
TIFINAGH_FONT = "Noto Sans Tifinagh"


def open_page(context, server, path: str):
    page = context.new_page()
    response = page.goto(f"{server.url}/{path}")
    assert response is not None
    assert response.status == 200, f"/{path} answered {response.status}"
    return page


def html_lang_dir(page) -> list[str]:
    return page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")


def path_of(url: str) -> str:
    return urlsplit(url).path


def assert_no_horizontal_scroll(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide on a {PHONE['width']}px phone"


def test_chooser_names_each_language_in_its_script_and_remembers_the_choice(
    live_demo_academy, phone, shoot
):
    page = open_page(phone, live_demo_academy, "")
    links = page.locator("a.chooser-button")
    assert links.all_inner_texts() == [name.replace(" · ", "\n") for name in NATIVE_NAMES]
    for link in links.all():
        box = link.bounding_box()
        assert box is not None
        assert box["height"] >= 44, f"{link.inner_text()!r} is only {box['height']}px tall"
    assert_no_horizontal_scroll(page)
    shoot(page, "chooser")

    page.get_by_role("link", name="ⵜⴰⵛⵍⵃⵉⵜ Tacelḥit تاشلحيت", exact=True).tap()
    page.wait_for_url("**/shi/")
    assert path_of(page.url) == "/shi/"
    assert html_lang_dir(page) == ["shi", "ltr"]
    assert page.locator(f'.cards a[href="/shi/{COURSE}/"]').count() == 1
    shoot(page, "home-shi")

    page.goto(f"{live_demo_academy.url}/")
    assert path_of(page.url) == "/shi/", "the chosen language was not remembered"


def test_every_header_target_is_at_least_44_px_on_a_phone(live_demo_academy, phone):
    for language in ("ar", "rif"):
        page = open_page(phone, live_demo_academy, f"{language}/")
        targets = page.locator("header a, header button, header summary")
        assert targets.count() >= 3
        for target in targets.all():
            if not target.is_visible():  # the language list, until it is opened
                continue
            box = target.bounding_box()
            assert box is not None
            name = target.get_attribute("href") or target.inner_text()
            assert box["width"] >= 44, f"{language}: {name!r} is {box['width']}px wide"
            assert box["height"] >= 44, f"{language}: {name!r} is {box['height']}px tall"


def test_arabic_lesson_reads_right_to_left_without_sideways_scrolling(
    live_demo_academy, phone, shoot
):
    page = open_page(phone, live_demo_academy, f"ar/{SIX_STEPS}")
    assert html_lang_dir(page) == ["ar", "rtl"]
    direction = page.locator("article.lesson").evaluate("el => getComputedStyle(el).direction")
    assert direction == "rtl"
    assert_no_horizontal_scroll(page)
    switcher_links = page.locator("details.switcher .switcher-list a")
    assert switcher_links.all_text_contents() == NATIVE_NAMES
    shoot(page, "lesson-ar")


def test_tachelhit_lesson_uses_the_tifinagh_web_font(live_demo_academy, phone, shoot):
    page = open_page(phone, live_demo_academy, f"shi/{SIX_STEPS}")
    assert html_lang_dir(page) == ["shi", "ltr"]
    faces = page.evaluate(
        """async () => {
            await document.fonts.ready;
            return [...document.fonts].map(f => [f.family.replace(/["']/g, ""), f.status]);
        }"""
    )
    assert [TIFINAGH_FONT, "loaded"] in faces, f"font faces: {faces}"
    assert page.evaluate(f"() => document.fonts.check('16px \"{TIFINAGH_FONT}\"', 'ⵜⴰⵛⵍⵃⵉⵜ')")
    assert_no_horizontal_scroll(page)
    shoot(page, "lesson-shi")


def test_untranslated_lesson_falls_back_to_darija_but_stays_under_shi(
    live_demo_academy, phone, shoot
):
    page = open_page(phone, live_demo_academy, f"shi/{BANK}")
    notice = page.locator(".notice")
    assert notice.is_visible()
    assert notice.inner_text().strip()
    assert notice.get_attribute("lang") == "shi"  # told in the reader's interface language
    assert html_lang_dir(page) == ["ary", "rtl"]
    hrefs = page.locator(".breadcrumbs a, .pager a").evaluate_all("els => els.map(a => a.href)")
    assert len(hrefs) >= 3, hrefs  # course, module, previous lesson, back to the course
    for href in hrefs:
        assert path_of(href).startswith("/shi/"), f"{href} leaves the Tachelhit tree"
    assert_no_horizontal_scroll(page)
    shoot(page, "fallback-shi")


def test_switcher_on_a_lesson_goes_to_the_same_lesson_in_arabic(live_demo_academy, phone, shoot):
    page = open_page(phone, live_demo_academy, f"shi/{SIX_STEPS}")
    switcher = page.locator("details.switcher")
    switcher.locator("summary").tap()
    arabic = switcher.locator('.switcher-list a[lang="ar"]')
    arabic.wait_for(state="visible")
    assert arabic.inner_text() == "العربية"
    shoot(page, "switcher-open-shi")
    arabic.tap()
    page.wait_for_url(f"**/ar/{SIX_STEPS}")
    assert path_of(page.url) == f"/ar/{SIX_STEPS}"
    assert html_lang_dir(page) == ["ar", "rtl"]


def test_lesson_can_be_read_without_javascript(live_demo_academy, browser, shoot):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = open_page(context, live_demo_academy, f"fr/{SIX_STEPS}")
        title = page.locator("article.lesson h1")
        assert title.is_visible()
        assert title.inner_text().strip()
        body = page.locator("article.lesson").inner_text()
        assert len(body) > len(title.inner_text()) + 100, body
        assert page.title().startswith(title.inner_text().strip())
        shoot(page, "lesson-fr-nojs")
    finally:
        context.close()


def enforced_policy(response) -> str:
    headers = response.all_headers()
    assert "content-security-policy-report-only" not in headers
    return headers["content-security-policy"]


def test_a_script_slipped_into_a_lesson_does_not_run(live_demo_academy, browser):
    context = browser.new_context(viewport=PHONE)
    violations = watch_policy(context)
    try:
        page = context.new_page()
        response = page.goto(f"{live_demo_academy.url}/ar/{SIX_STEPS}")
        assert "script-src 'self';" in enforced_policy(response) + ";"
        page.wait_for_load_state("load")
        # What an injected <script> or onerror= attribute would do: refused, and reported.
        page.evaluate(
            """() => {
                const script = document.createElement("script");
                script.textContent = "window.stolen = document.cookie";
                document.body.append(script);
                document.body.insertAdjacentHTML(
                    "beforeend", '<img src="/x.png" onerror="window.stolen = 1">');
            }"""
        )
        page.wait_for_timeout(500)
        assert page.evaluate("() => window.stolen") is None
        assert any("script-src" in violation for violation in violations), violations
    finally:
        context.close()


def test_the_admin_page_editor_works_under_its_policy(live_demo_academy, browser):
    from django.contrib.auth import get_user_model

    from courses.models import LessonPage

    editor = get_user_model().objects.create_superuser("+212600000391", "editor-pass-2026")
    lesson = LessonPage.objects.get(slug="the-six-steps", locale__language_code="ar")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    violations = watch_policy(context)
    try:
        sign_in(context, live_demo_academy, editor)
        page = context.new_page()
        response = page.goto(f"{live_demo_academy.url}/admin/pages/{lesson.pk}/edit/")
        assert response is not None
        assert response.status == 200
        policy = enforced_policy(response)
        assert "frame-ancestors 'self'" in policy
        assert "object-src 'none'" in policy
        page.wait_for_load_state("networkidle")
        # The editor's scripts ran: the body's blocks were drawn.
        assert page.locator("[data-streamfield-stream-container] > *").count() > 0
        assert page.locator("#id_title").input_value()
        page.goto(f"{live_demo_academy.url}/admin/")
        page.wait_for_load_state("networkidle")
        assert not violations, "\n".join(violations)
    finally:
        context.close()
