"""The founding file in a real browser, in Darija on a 360 × 740 phone.

Aicha's project (adapted from a demo idea) has five co-founders. She prepares the founding file:
three names (each checked in the register), the object and seat, the value of a share, every
founder's identity card and shares; the capital is computed; she sends it to the Souss-Massa
delegation. A delegate approves the second name in the Wagtail admin; Itto, on her own phone,
sees the name approved, the certificate and the next step, and has had an SMS.
Screenshots: test-artifacts/founding-*.png.
"""

import pytest

from .conftest import PHONE, sign_in, watch_policy

pytestmark = pytest.mark.browser

FOUNDERS = [
    ("Aicha", "عائشة بنعلي", "JB410001", 4),
    ("Itto", "إطو أيت سعيد", "JB410002", 3),
    ("Fatima", "فاطمة أمراني", "JB410003", 2),
    ("Khadija", "خديجة بناني", "JB410004", 2),
    ("Malika", "مليكة وهادي", "JB410005", 1),
]


def assert_no_horizontal_scroll(page) -> None:
    width = page.evaluate("() => document.documentElement.scrollWidth")
    wide = page.evaluate(
        "() => [...document.querySelectorAll('body *')].filter(e => e.scrollWidth > 360"
        " || e.getBoundingClientRect().width > 360).slice(-5).map(e => e.tagName + '.'"
        " + e.className + ' ' + (e.name || '') + ' ' + Math.round(e.getBoundingClientRect().width))"
    )
    assert width <= PHONE["width"], f"{page.url} is {width}px wide: {wide}"


def tap_and_wait(page, locator) -> None:
    with page.expect_navigation():
        locator.tap()


def test_from_a_project_to_an_approved_name(live_demo_academy, browser, shoot, outbox):
    from django.contrib.auth.models import Group, Permission
    from django.utils import timezone

    from academy.models import User
    from project_bank.demo import demo_ideas_load
    from project_bank.models import Idea, ProjectMember
    from project_bank.services import project_adopt
    from registry_link.models import FoundingFile

    demo_ideas_load()
    base = live_demo_academy.url
    users = [
        User.objects.create_user(
            f"+21266120000{i}",
            "2468",
            first_name=first,
            region="09",
            gender="woman",
            preferred_language="ary",
            birth_year=1990 + i,
            phone_verified_at=timezone.now(),
        )
        for i, (first, _name, _cin, _shares) in enumerate(FOUNDERS)
    ]
    aicha, itto = users[0], users[1]
    idea = Idea.objects.filter(regions__region="09").first() or Idea.objects.first()
    project = project_adopt(idea=idea, user=aicha, language_code="ary")
    project.region = "09"
    project.save()
    for user in users[1:]:
        ProjectMember.objects.create(project=project, user=user)
    delegate = User.objects.create_user(
        "+212661200099", "x", region="09", is_staff=True, first_name="Delegate"
    )
    group = Group.objects.create(name="Délégation Souss-Massa")
    group.permissions.add(
        Permission.objects.get(codename="review_foundingfile"),
        Permission.objects.get(codename="access_admin"),
    )
    delegate.groups.add(group)

    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    violations = watch_policy(phone)
    sign_in(phone, live_demo_academy, aicha)
    page = phone.new_page()

    # 1. Her project has enough founders: the button to prepare the founding file.
    page.goto(f"{base}/ary/projects/{project.public_id}/")
    assert page.locator("[data-founders-needed]").get_attribute("data-founders-needed") == "0"
    shoot(page, "founding-1-project")
    tap_and_wait(page, page.locator("[data-founding]"))
    assert "/ary/founding/" in page.url
    assert page.locator("html").get_attribute("lang") == "ary"
    assert page.locator("[data-step]").count() == 6
    assert page.locator('[data-step="name"][data-step-status="todo"]').count() == 1
    assert_no_horizontal_scroll(page)
    shoot(page, "founding-2-file")

    # 2. Names, object, seat and the value of one share.
    form = page.locator("[data-file-form]")
    form.locator('input[name="file-name_1"]').fill("تعاونية تيفاوين")
    form.locator('input[name="file-name_2"]').fill("تعاونية أمل تزنيت")
    form.locator('input[name="file-name_3"]').fill("Coopérative Tifawin")
    form.locator('textarea[name="file-object"]').fill("إنتاج وبيع زيت أركان")
    form.locator('select[name="file-sector"]').select_option("argan")
    form.locator('input[name="file-address"]').fill("دوار أيت باها، تزنيت")
    form.locator('select[name="file-region"]').select_option("09")
    form.locator('input[name="file-share_value"]').fill("100")
    tap_and_wait(page, form.locator("[data-save-file]"))
    assert page.locator('.name-checks [data-verdict="available"]').count() == 3

    # 3. Every founder's identity card and shares; Aicha is the first president.
    for i, (_first, name, cin, shares) in enumerate(FOUNDERS):
        item = page.locator("[data-founder]").nth(i)
        details = item.locator("details")
        if details.get_attribute("open") is None:
            item.locator("summary").tap()
        founder_form = item.locator("[data-founder-form]")
        founder_form.locator('input[name$="-full_name"]').fill(name)
        founder_form.locator('input[name$="-id_number"]').fill(cin)
        founder_form.locator('input[name$="-shares"]').fill(str(shares))
        if i == 0:
            founder_form.locator('input[name$="-is_leader"]').check()
        tap_and_wait(page, founder_form.locator('button[type="submit"]'))
    assert page.locator("[data-capital]").get_attribute("data-capital") == "1200"
    assert page.locator("[data-problems]").count() == 0
    assert_no_horizontal_scroll(page)
    shoot(page, "founding-3-ready")

    # The draft statutes and minutes, made from the file.
    for document in ("statutes", "minutes"):
        href = page.locator(f'[data-pdf="{document}"]').get_attribute("href")
        answer = page.request.get(f"{base}{href}")
        assert answer.ok
        assert answer.body().startswith(b"%PDF")

    # 4. She sends it to the delegation.
    tap_and_wait(page, page.locator("[data-submit]"))
    assert page.locator("[data-file-status]").get_attribute("data-file-status") == "submitted"
    assert_no_horizontal_scroll(page)
    shoot(page, "founding-4-sent")
    file = FoundingFile.objects.get(project=project)

    # 5. The delegate of Souss-Massa approves the second name in the admin.
    desk = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    sign_in(desk, live_demo_academy, delegate)
    admin = desk.new_page()
    admin.goto(f"{base}/admin/founding-files/")
    assert admin.locator(f'[data-file="{file.public_id}"]').count() == 1
    shoot(admin, "founding-5-queue")
    tap_and_wait(admin, admin.locator(f'[data-file="{file.public_id}"] a'))
    admin.locator('[data-approve] select[name="name"]').select_option("تعاونية أمل تزنيت")
    shoot(admin, "founding-6-review")
    tap_and_wait(admin, admin.locator('[data-approve] button[type="submit"]'))
    assert admin.locator("[data-file-status]").get_attribute("data-file-status") == "approved"
    shoot(admin, "founding-7-approved-admin")
    desk.close()

    # 6. Itto, on her own phone, sees the approved name and the next step; she had an SMS.
    other = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    other_violations = watch_policy(other)
    sign_in(other, live_demo_academy, itto)
    itto_page = other.new_page()
    itto_page.goto(f"{base}/ary/founding/{file.public_id}/")
    assert itto_page.locator("[data-file-status]").get_attribute("data-file-status") == "approved"
    assert "تعاونية أمل تزنيت" in itto_page.locator("[data-approved-name]").inner_text()
    assert itto_page.locator('[data-step="name"][data-step-status="done"]').count() == 1
    assert itto_page.locator('[data-step="statutes"][data-step-status="todo"]').count() == 1
    assert itto_page.locator("[data-certificate]").count() == 1
    assert_no_horizontal_scroll(itto_page)
    shoot(itto_page, "founding-8-founder-sees-it")
    # Anyone can check the certificate's code on the public page (its QR code leads there).
    file.refresh_from_db()
    itto_page.goto(f"{base}/ary/founding/verify/{file.certificate_code}/")
    assert itto_page.locator('[data-status="valid"]').count() == 1
    assert_no_horizontal_scroll(itto_page)
    shoot(itto_page, "founding-9-verify")
    sms = outbox(to=itto.phone_number)
    assert any("تعاونية أمل تزنيت" in message["text"] for message in sms)
    other.close()
    phone.close()
    assert not violations, violations
    assert not other_violations, other_violations
