"""A voice note recorded with the phone's microphone in the course evaluation (Chromium's fake
microphone: a beeping tone), sent with the answers, and kept as a real recording."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from .conftest import CHROMIUM_ARGS, PHONE, sign_in

pytestmark = pytest.mark.browser
FAKE_MICROPHONE = ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]


@pytest.fixture
def finished_course(live_demo_academy, django_user_model):
    from assessments.services.certificates import certificate_issue
    from courses.api import LessonPage

    learner = django_user_model.objects.create_user(
        phone_number="+212662300001", password="2468", first_name="Yamna", preferred_language="rif"
    )
    lesson = LessonPage.objects.filter(locale__language_code="ar").first()
    course = lesson.get_parent().get_parent()
    certificate = certificate_issue(learner=learner, course_key=course.translation_key)
    return live_demo_academy, learner, certificate


def test_a_voice_note_recorded_on_the_phone_reaches_the_trainers(finished_course):
    from assessments.models import Evaluation
    from media_pipeline.api import probe

    server, learner, certificate = finished_course
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=[*CHROMIUM_ARGS, *FAKE_MICROPHONE]
        )
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        context.grant_permissions(["microphone"])
        sign_in(context, server, learner)
        page = context.new_page()
        page.goto(f"{server.url}/rif/me/certificates/{certificate.code}/evaluation/")
        page.locator('label.choice:has(input[name="satisfaction"][value="5"])').tap()
        page.locator('label.choice:has(input[name="useful"][value="yes"])').tap()
        box = page.locator("[data-voice-note]")
        box.locator("[data-voice-record]").tap()
        box.locator("[data-voice-stop]").wait_for(state="visible")
        page.wait_for_timeout(2000)
        box.locator("[data-voice-stop]").tap()
        box.locator("[data-voice-play]").wait_for(state="visible")
        assert page.evaluate("() => document.querySelector('#voice-note-file').files.length") == 1
        with page.expect_navigation():
            page.locator('main form button[type="submit"]').tap()
        assert page.locator("[data-saved]").is_visible()
        browser.close()
    evaluation = Evaluation.objects.get(learner=learner)
    assert evaluation.satisfaction == 5
    recording = probe(Path(evaluation.voice_note.path))
    assert recording.audio is not None
    assert recording.video is None
    assert recording.duration > 1
