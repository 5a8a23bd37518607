"""Editing the source: the translation turns out of date on publish, the translator sees what
changed (issue 19, item 5)."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from courses.tests.translation_helpers import (
    LESSON_TITLE,
    arabic_course,
    in_language,
    translate_subtree,
    user_in,
)
from courses.translation import IN_PROGRESS, OUT_OF_DATE, course_translation_status

pytestmark = pytest.mark.django_db
OLD_SUMMARY = "ملخص الدرس"
NEW_SUMMARY = "كيف نسجل كل درهم يدخل أو يخرج"


def translate_everything(page, language: str) -> None:
    locale = Locale.objects.get(language_code=language)
    source = TranslationSource.objects.get(object_id=page.translation_key)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"بالدارجة: {segment.string.data}"},
        )


def darija_status(course):
    return next(s for s in course_translation_status(course).languages if s.language.code == "ary")


def edit_lesson_summary(client, lesson, action: str):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
        {
            "title": LESSON_TITLE,
            "slug": lesson.slug,
            "summary": NEW_SUMMARY,
            "duration_minutes": "5",
            "required": "on",
            "body-count": "0",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            action: action,
        },
    )


def test_the_translator_is_warned_when_the_source_is_published(client):
    trainer = user_in("Editors", "+212600001921")
    client.force_login(trainer)
    reviewer = Client()
    reviewer.force_login(user_in("Moderators", "+212600001922"))
    course, module, lesson = arabic_course()
    translate_subtree(client, course, "ary")
    for page in (course, module, lesson):
        translate_everything(page, "ary")
        in_language(page, "ary").specific.save_revision().publish()
    status = darija_status(course)
    assert status.state not in {OUT_OF_DATE}
    assert status.pages_stale == 0
    # a draft of the source changes nothing yet
    edit_lesson_summary(reviewer, lesson, "action-save")
    assert darija_status(course).pages_stale == 0
    # publishing it does
    edit_lesson_summary(reviewer, lesson, "action-publish")
    status = darija_status(course)
    assert status.state == OUT_OF_DATE
    assert status.pages_stale == 1
    editor = client.get(
        reverse("wagtailadmin_pages:edit", args=[in_language(lesson, "ary").pk]), follow=True
    )
    html = editor.content.decode()
    assert 'data-change-field="summary"' in html
    assert f'<del dir="auto">{OLD_SUMMARY}</del>' in html
    assert f'<ins dir="auto">{NEW_SUMMARY}</ins>' in html
    assert f"بالدارجة: {OLD_SUMMARY}" in html
    # the status page says it to every trainer
    page = client.get(reverse("translation_status")).content.decode()
    assert 'data-language="ary" data-state="out_of_date"' in page
    # translating the new text and publishing brings it back
    translate_everything(lesson, "ary")
    darija = in_language(lesson, "ary")
    client.post(reverse("translation_submit_for_review", args=[darija.pk]))
    assert darija_status(course).state == IN_PROGRESS
    darija.refresh_from_db()
    task_state = darija.current_workflow_task_state
    reviewer.post(
        reverse("wagtailadmin_pages:workflow_action", args=[darija.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert darija_status(course).pages_stale == 0
    assert darija_status(course).pages_unpublished == 0
