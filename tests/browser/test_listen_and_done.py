"""A Darija learner on a 360 × 740 phone: the lesson's "Listen" button plays real recorded speech
(espeak-ng's Arabic voice through the media pipeline), answering the lesson's questions says
"done" with a big tick (and a chime), and the course outline ticks the lesson.

Screenshots: test-artifacts/listen-01-playing.png, listen-02-done.png, listen-03-outline.png,
listen-04-no-recording.png.
"""

import shutil

import pytest

from . import media_site
from .conftest import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng is not installed"),
]
COURSE = "/ary/founding-a-cooperative/"
LESSON = COURSE + "before-you-start/the-six-steps/"


@pytest.fixture
def narrated_lesson(live_demo_academy, settings, tmp_path, monkeypatch, django_user_model):
    """The demo's Arabic and Darija narration of "the six steps", its practice quiz, a learner."""
    from django.utils import timezone

    from assessments.demo.loader import demo_assessments_load
    from courses.api import load_demo_narration

    settings.ROOT_URLCONF = media_site.__name__
    settings.MEDIA_ROOT = str(tmp_path / "media")
    monkeypatch.setattr("django.test.testcases.serve", media_site.serve_with_ranges)
    assert load_demo_narration(slugs=("the-six-steps",)).recordings == 2
    report = demo_assessments_load()
    user = django_user_model.objects.create_user(
        phone_number="+212662000031",
        password="2468",
        first_name="Itto",
        preferred_language="ary",
        phone_verified_at=timezone.now(),
    )
    return live_demo_academy, user, report


def _play(page) -> dict:
    page.locator("[data-listen-button]").tap()
    page.wait_for_function(
        "() => document.querySelector('[data-listen-audio]').currentTime > 1", timeout=20_000
    )
    return page.evaluate(
        """() => { const a = document.querySelector('[data-listen-audio]');
        return {duration: a.duration, time: a.currentTime, paused: a.paused,
                src: a.currentSrc}; }"""
    )


def test_listen_plays_real_speech_and_answering_ticks_the_lesson(phone, narrated_lesson, shoot):
    from assessments.models import Quiz
    from assessments.selectors import answer_keys, pool_keys

    server, user, report = narrated_lesson
    sign_in(phone, server, user)
    page = phone.new_page()
    page.goto(server.url + LESSON)

    # 1. "Listen" plays the Darija narration: real speech, seconds long, its time advancing.
    button = page.locator("[data-listen-button]")
    assert button.is_visible()
    assert button.bounding_box()["height"] >= 44
    played = _play(page)
    assert played["duration"] > 10
    assert played["time"] > 1
    assert not played["paused"]
    assert played["src"].endswith("/download/audio.m4a")
    assert button.get_attribute("aria-pressed") == "true"
    shoot(page, "listen-01-playing")
    button.tap()  # pause
    assert page.evaluate("() => document.querySelector('[data-listen-audio]').paused")

    # 2. Her answers (one wrong) complete the quiz: a big tick, and the chime.
    practice = Quiz.objects.get(pk=report["practice"])
    picture, true_false = pool_keys(practice)
    key = answer_keys([picture])[picture]
    for question, value in ((picture, next(iter(key.right))), (true_false, "false")):
        form = page.locator("form.quiz-form", has=page.locator(f'fieldset[id="q-{question}"]'))
        form.locator(f'input[name^="q-"][value="{value}"]').check()
        with page.expect_navigation():
            form.locator('button[type="submit"]').tap()
    done = page.locator("[data-lesson-done]")
    done.wait_for()
    assert "done=1" in page.url
    tick = done.locator("img")
    assert tick.bounding_box()["width"] >= 100
    assert tick.evaluate("i => i.naturalWidth > 0")
    chime = page.evaluate(
        """() => new Promise((resolve) => {
          const a = document.querySelector('[data-chime]');
          const report = () => resolve({duration: a.duration, played: a.played.length > 0});
          if (a.readyState >= 1) report(); else a.addEventListener('loadedmetadata', report);
        })"""
    )
    assert 0.3 < chime["duration"] < 1
    # Her tap on "check" lets the page play it (Chromium's autoplay rule): it played.
    page.wait_for_function(
        "() => document.querySelector('[data-chime]').played.length > 0", timeout=5_000
    )
    shoot(page, "listen-02-done")

    # 3. The course outline ticks the lesson, and only it.
    page.goto(server.url + COURSE)
    ticked = page.locator(".lessons li[data-done]")
    assert ticked.count() == 1
    assert ticked.locator("a").get_attribute("href").endswith("/the-six-steps/")
    assert ticked.locator(".done-tick").is_visible()
    shoot(page, "listen-03-outline")

    # 4. A lesson with no recording in any language she understands says so: no silent player.
    page.goto(server.url + COURSE + "before-you-start/the-name-certificate/")
    assert page.locator("[data-listen-none]").is_visible()
    assert page.locator("[data-listen] audio").count() == 0
    shoot(page, "listen-04-no-recording")
