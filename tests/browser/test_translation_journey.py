"""Journey 2 of DESIGN.md in the admin at 1280×800, as a trainer, a reviewer and a learner
(issue 19, "Done when"): translate a course with its subtree into Darija and Tachelhit, submit,
review, publish — every page reachable in each language, nothing visible before publishing;
edit the source and see "out of date"; correct an interface string as a native reviewer and see
it on the learner's page. Screenshots go to test-artifacts/journey2-*.png.

The course is built with the page models (the admin's page forms have their own tests in
courses/tests/test_page_creation.py), with its copies in every language as the admin makes
them; the translator's strings are written as the translation editor stores them.
"""

import shutil
from pathlib import Path

import pytest
from django.urls import reverse

from .conftest import sign_in, watch_policy

pytestmark = pytest.mark.browser
DESKTOP = {"width": 1280, "height": 800}
OFFLINE_MSGID = "Offline and saving data"
REVIEWED_TEXT = "قرا بلا أنترنيت ووفّر الميڭا"


@pytest.fixture
def desktop(browser):
    """A 1280×800 browser context: the admin, and a learner on a computer."""
    contexts = []

    def open_context():
        context = browser.new_context(viewport=DESKTOP)
        contexts.append((context, watch_policy(context)))
        return context

    yield open_context
    for context, _violations in contexts:
        context.close()


def editorial_roles_ensure() -> None:
    """Trainers (Editors), reviewers (Moderators) and the "Moderators approval" workflow, as
    Wagtail's and the apps' migrations made them: an earlier transactional test emptied them."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import (
        GroupApprovalTask,
        GroupPagePermission,
        Page,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ("Editors", "Moderators")}
    admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    root = Page.get_first_root_node()
    page_rights = {
        "Editors": ("add_page", "change_page"),
        "Moderators": ("add_page", "change_page", "publish_page"),
    }
    for name, group in groups.items():
        group.permissions.add(admin)
        for codename in page_rights[name]:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
    for module, function in (
        (
            "wagtail_localize.migrations.0006_create_submit_translation_permission",
            "create_submit_translation_permission",
        ),
        ("media_pipeline.migrations.0002_editor_permissions", "grant"),
        ("courses.migrations.0009_interface_strings", "grant_reviewers"),
    ):
        getattr(importlib.import_module(module), function)(apps, None)
    if not WorkflowTask.objects.filter(workflow__workflow_pages__page=root).exists():
        WorkflowPage.objects.filter(page=root).delete()
        task = GroupApprovalTask.objects.create(name="Moderators approval")
        task.groups.set([groups["Moderators"]])
        workflow = Workflow.objects.create(name="Moderators approval")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=root)


def english_admin(user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def learner_sees(page, url: str, *, text: str, notice: bool) -> None:
    response = page.goto(url)
    assert response.status == 200, url
    assert text in page.locator("main").inner_text(), (url, text)
    assert (page.locator('main .notice[role="note"]').count() > 0) is notice, url


def test_a_course_is_translated_reviewed_and_published(
    live_demo_academy, desktop, shoot, settings, tmp_path
):
    from wagtail.models import Locale

    from courses.models import LessonPage
    from courses.tests.translation_helpers import (
        DARIJA,
        arabic_course,
        in_language,
        translate_strings,
        user_in,
    )

    server = live_demo_academy
    copy = tmp_path / "locale"  # the native reviewer's corrections never touch the repository
    shutil.copytree(Path(settings.BASE_DIR) / "locale", copy)
    settings.LOCALE_PATHS = [copy]
    editorial_roles_ensure()
    pages = arabic_course()
    trainer_user = english_admin(user_in("Editors", "+212600001951"))
    reviewer_user = english_admin(user_in("Moderators", "+212600001952"))
    trainer, reviewer, learner = desktop(), desktop(), desktop()
    sign_in(trainer, server, trainer_user)
    sign_in(reviewer, server, reviewer_user)
    t, r, learner_page = trainer.new_page(), reviewer.new_page(), learner.new_page()

    # the trainer translates the course with its subtree into Darija and Tachelhit
    t.goto(server.url + reverse("wagtail_localize:submit_page_translation", args=[pages[0].pk]))
    for code in ("ary", "shi"):
        t.check(f'input[name="locales"][value="{Locale.objects.get(language_code=code).pk}"]')
    t.check('input[name="include_subtree"]')
    shoot(t, "journey2-translate")
    with t.expect_navigation():
        t.get_by_role("button", name="Submit").click()

    # nothing is visible before a reviewer publishes: every page answers, in Arabic, with notice
    for code in ("ary", "shi"):
        for source in pages:
            url = server.url + in_language(source, code).get_url()
            learner_sees(learner_page, url, text=source.title, notice=True)
    shoot(learner_page, "journey2-learner-before-review")

    # the translator's work, then "Submit for review" in the translation editor
    translate_strings(pages, "ary", DARIJA)
    for source in pages:
        darija = in_language(source, "ary")
        t.goto(server.url + reverse("wagtailadmin_pages:edit", args=[darija.pk]))
        assert t.locator('[data-review-state="draft"]').count() == 1
        assert t.locator('text="Publish in"').count() == 0  # publishing is a reviewer's
        with t.expect_navigation():
            t.click('[data-action="submit-for-review"]')
        assert "submitted for review" in t.locator(".messages").inner_text()
        darija.refresh_from_db()
        assert darija.workflow_in_progress
    shoot(t, "journey2-submitted")
    learner_sees(
        learner_page,
        server.url + in_language(pages[2], "ary").get_url(),
        text=pages[2].title,
        notice=True,
    )

    # the reviewer reads each translation and publishes it
    for source in pages:
        darija = in_language(source, "ary")
        r.goto(server.url + reverse("wagtailadmin_pages:edit", args=[darija.pk]))
        assert r.locator('[data-review-state="in_review"]').count() == 1
        r.get_by_role("button", name="Publish in").first.click()
        r.wait_for_load_state("networkidle")
        darija.refresh_from_db()
        assert darija.live, source.title
    shoot(r, "journey2-reviewer-published")
    for source in pages:
        url = server.url + in_language(source, "ary").get_url()
        learner_sees(learner_page, url, text=DARIJA[source.title], notice=False)
    shoot(learner_page, "journey2-learner-darija")
    for source in pages:  # Tachelhit, not translated yet: its chain's nearest, Darija, with notice
        url = server.url + in_language(source, "shi").get_url()
        learner_sees(learner_page, url, text=DARIJA[source.title], notice=True)

    # the source changes: the trainer sees "out of date" and what changed
    lesson = LessonPage.objects.get(pk=pages[2].pk)
    lesson.summary = "كيف نسجل كل درهم يدخل أو يخرج"
    lesson.save_revision().publish()
    t.goto(server.url + reverse("translation_status"))
    table = t.locator("h2", has_text=pages[0].title).locator("xpath=following-sibling::table[1]")
    assert table.locator('[data-language="ary"][data-state="out_of_date"]').count() == 1
    shoot(t, "journey2-status-out-of-date")
    t.goto(server.url + reverse("wagtailadmin_pages:edit", args=[in_language(lesson, "ary").pk]))
    assert t.locator('[data-change-field="summary"]').count() == 1
    shoot(t, "journey2-what-changed")

    # a native reviewer corrects an interface string; the learner's page shows it
    r.goto(server.url + reverse("interface_strings", args=["ary"]) + "?q=saving+data")
    row = r.locator("form.interface-string-form").first
    row.locator("textarea").fill(REVIEWED_TEXT)
    row.locator('input[name="reviewed"]').check()
    with r.expect_navigation():
        row.locator('button[type="submit"]').click()
    shoot(r, "journey2-interface-string")
    learner_page.goto(server.url + "/ary/offline/")
    assert REVIEWED_TEXT in learner_page.content()
    shoot(learner_page, "journey2-learner-reviewed-string")

    # the media upload button shows its label beside an icon the size of the text
    t.goto(server.url + reverse("media_pipeline_admin:upload"))
    button = t.locator("main button.button--icon").first
    icon, box = button.locator("svg").bounding_box(), button.bounding_box()
    assert icon["width"] <= 24
    assert icon["height"] <= 24
    assert box["width"] > icon["width"] + 30  # room for "Upload"
    shoot(t, "journey2-upload-button")
