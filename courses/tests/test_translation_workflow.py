"""A course translated with its subtree: reachable in every language, published only by review.

Issue 19, items 1 to 3: the admin's own views (wagtail-localize's "Translate", the translation
editor, Wagtail's workflow) are driven through the test client, as trainer and reviewer.
"""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page

from courses.page_tree import pages_numchild_repair_all
from courses.tests.translation_helpers import (
    COURSE_TITLE,
    DARIJA,
    LESSON_TITLE,
    arabic_course,
    in_language,
    translate_strings,
    translate_subtree,
    user_in,
)

pytestmark = pytest.mark.django_db
NOTICE = 'class="notice" role="note"'


@pytest.fixture
def trainer(client):
    client.force_login(user_in("Editors", "+212600001901"))
    return client


@pytest.fixture
def reviewer():
    client = Client()
    client.force_login(user_in("Moderators", "+212600001902"))
    return client


def learner_get(page: Page, language: str):
    return Client().get(in_language(page, language).get_url(), HTTP_ACCEPT_LANGUAGE="en")


def submit(client, page: Page, language: str):
    return client.post(
        reverse("translation_submit_for_review", args=[in_language(page, language).pk])
    )


def approve(client, page: Page, language: str):
    page = in_language(page, language)
    task_state = page.current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )


@pytest.mark.parametrize("aliases", [True, False], ids=["mirrored-tree", "no-alias-yet"])
def test_every_translated_page_is_reachable(
    trainer, reviewer, aliases, django_capture_on_commit_callbacks
):
    pages = arabic_course(aliases=aliases)
    with django_capture_on_commit_callbacks(execute=True):
        assert translate_subtree(trainer, pages[0], "ary", "shi").status_code == 302
    for language in ("ary", "shi"):
        for page in pages:
            assert learner_get(page, language).status_code == 200, (language, page.title)
    # the parents count their children (wagtail-localize #773 left them at 0)
    for language in ("ary", "shi"):
        assert [in_language(page, language).numchild for page in pages] == [1, 1, 0]
    translate_strings(pages, "ary", DARIJA)
    for page in pages:
        with django_capture_on_commit_callbacks(execute=True):
            assert submit(trainer, page, "ary").status_code == 302
            assert approve(reviewer, page, "ary").status_code in {200, 302}
    for page in pages:
        response = learner_get(page, "ary")
        assert response.status_code == 200
        assert DARIJA[page.title] in response.content.decode()
        assert NOTICE not in response.content.decode()


def test_existing_trees_are_repaired(trainer):
    pages = arabic_course()
    translate_subtree(trainer, pages[0], "ary")
    Page.objects.filter(pk=in_language(pages[0], "ary").pk).update(numchild=0)
    Page.objects.filter(pk=in_language(pages[1], "ary").pk).update(numchild=0)
    assert learner_get(pages[2], "ary").status_code == 404
    assert pages_numchild_repair_all() == 2
    assert learner_get(pages[2], "ary").status_code == 200
    assert pages_numchild_repair_all() == 0


def test_nothing_is_visible_before_a_reviewer_publishes(trainer):
    pages = arabic_course()
    translate_subtree(trainer, pages[0], "ary")
    translate_strings(pages, "ary", DARIJA)
    for page in pages:
        copy = in_language(page, "ary")
        assert not copy.live
        assert copy.alias_of_id is None
        html = learner_get(page, "ary").content.decode()
        assert NOTICE in html
        assert page.title in html
        assert DARIJA[page.title] not in html
    # the course outline lists the module and lesson, in Arabic, under /ary/ URLs
    html = learner_get(pages[0], "ary").content.decode()
    assert in_language(pages[1], "ary").get_url() in html
    # Tachelhit still mirrors Arabic (an alias) and is untouched
    assert in_language(pages[0], "shi").alias_of_id == pages[0].pk


def test_trainer_submits_and_reviewer_publishes(trainer, reviewer):
    pages = arabic_course()
    translate_subtree(trainer, pages[0], "ary")
    translate_strings(pages, "ary", DARIJA)
    lesson = in_language(pages[2], "ary")
    editor = trainer.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), follow=True)
    html = editor.content.decode()
    assert 'data-review-state="draft"' in html
    assert 'data-action="submit-for-review"' in html
    # the editor's own "publish" stays a reviewer's
    published = trainer.post(
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]), {"action": "publish"}
    )
    assert published.status_code in {302, 403}
    lesson.refresh_from_db()
    assert not lesson.live
    submitted = trainer.post(
        reverse("translation_submit_for_review", args=[lesson.pk]), follow=True
    )
    assert submitted.status_code == 200
    assert "code-submitted" in [m.extra_tags for m in submitted.context["messages"]]
    lesson.refresh_from_db()
    assert lesson.workflow_in_progress
    assert not lesson.live
    assert LESSON_TITLE in learner_get(pages[2], "ary").content.decode()
    # a second submission is refused with its code; the reviewer's editor says it waits
    refused = submit(trainer, pages[2], "ary")
    assert "code-already_in_review" in [m.extra_tags for m in refused.wsgi_request._messages]
    review = reviewer.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), follow=True)
    assert 'data-review-state="in_review"' in review.content.decode()
    approve(reviewer, pages[2], "ary")
    lesson.refresh_from_db()
    assert lesson.live
    assert not lesson.workflow_in_progress
    assert DARIJA[LESSON_TITLE] in learner_get(pages[2], "ary").content.decode()


def test_submission_refusals(trainer, client):
    pages = arabic_course()
    translate_subtree(trainer, pages[0], "ary")
    source = trainer.post(reverse("translation_submit_for_review", args=[pages[0].pk]))
    assert "code-not_a_translation" in [m.extra_tags for m in source.wsgi_request._messages]
    outsider = Client()
    outsider.force_login(user_in("Cooperative leaders", "+212600001903"))
    response = submit(outsider, pages[0], "ary")
    assert response.status_code in {302, 403}
    assert not in_language(pages[0], "ary").workflow_in_progress
    assert trainer.get(reverse("translation_submit_for_review", args=[1])).status_code == 405
    missing = trainer.post(reverse("translation_submit_for_review", args=[999999]))
    assert missing.status_code in {302, 404}


def test_a_converted_alias_is_a_draft_too(trainer):
    """Wagtail's own "convert alias" makes a page of its own: a draft, until reviewed."""
    pages = arabic_course()
    alias = in_language(pages[0], "fr")
    superuser = Client()
    from django.contrib.auth import get_user_model

    superuser.force_login(get_user_model().objects.create_superuser("+212600001904", "pw-long-1"))
    superuser.post(reverse("wagtailadmin_pages:convert_alias", args=[alias.pk]))
    alias.refresh_from_db()
    assert alias.alias_of_id is None
    assert not alias.live
    assert NOTICE in learner_get(pages[0], "fr").content.decode()
    assert COURSE_TITLE in learner_get(pages[0], "fr").content.decode()
