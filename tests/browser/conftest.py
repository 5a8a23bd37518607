"""Browser fixtures: one system Chromium per module, a fresh phone-sized context per test.

The tests use ``live_demo_academy`` (the root conftest.py): a live server over a database that
the demo loader fills again for each test, since transactional tests empty it when they end.
"""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from . import media_site

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 360, "height": 740}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def browser(django_db_setup, django_db_blocker):
    """The system Chromium, shared by a module's tests.

    Playwright's sync API leaves its asyncio loop marked as running in the test thread, so
    Django (through asgiref's Local) would hand the tests a second database connection (with
    SQLite, a second, empty in-memory database): keep the tests on the connections Django set up.
    """
    from django.db import connections

    with django_db_blocker.unblock():
        originals = {alias: connections[alias] for alias in connections}
    with sync_playwright() as p:
        for alias, connection in originals.items():
            connections[alias] = connection
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Every page reports what the Content-Security-Policy blocked (Chromium also logs it).
REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (e) => console.error(
  `Content Security Policy violation: ${e.effectiveDirective} blocked ${e.blockedURI}`
  + ` (${e.sourceFile}:${e.lineNumber})`
));"""


def watch_policy(context) -> list[str]:
    """The Content-Security-Policy violations reported in the context's pages, as they come."""
    violations = []

    def on_console(message) -> None:
        if "Content Security Policy" in message.text:
            violations.append(f"{message.page.url if message.page else '?'}: {message.text}")

    context.add_init_script(REPORT_VIOLATIONS)
    context.on("console", on_console)
    return violations


@pytest.fixture
def phone(browser):
    """A phone-sized, touch-screen browser context (JavaScript on).

    Whatever the test does with it, the Content-Security-Policy must block nothing the site
    itself uses: a violation reported by any of its pages fails the test."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    violations = watch_policy(context)
    yield context
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


def sign_in(context, server, user) -> None:
    """Her session cookie in the browser context (the sign-in form has its own tests)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": server.url}
    context.add_cookies([cookie])


@pytest.fixture
def shoot():
    """Save a full-page screenshot into test-artifacts/<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)

    def save(page, name: str) -> None:
        page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)

    return save


@pytest.fixture
def lesson_with_video(live_demo_academy, settings, tmp_path, monkeypatch):
    """The shi lesson with a ready video asset and its published Tachelhit subtitles."""
    from django.core.files.storage import default_storage
    from django.utils import translation

    from core.sizes import human_size
    from courses.models import LessonPage
    from media_pipeline.services.processing import asset_process
    from media_pipeline.services.subtitles import subtitle_track_publish, subtitle_track_upload
    from media_pipeline.services.transcription import asset_transcribe
    from media_pipeline.tests import media
    from media_pipeline.tests.factories import asset_from

    settings.ROOT_URLCONF = media_site.__name__
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, "WHISPER_MODEL_DIR": None}
    monkeypatch.setattr("media_pipeline.services.enqueue.send", lambda name, pk: None)
    monkeypatch.setattr(
        "django.test.testcases.serve", media_site.serve_with_ranges
    )  # the live server's media files
    clip = media.video(tmp_path, size="426x240", seconds=6)
    asset = asset_from(clip, language="en", title="Six steps")
    asset_process(asset_id=asset.pk)
    asset_transcribe(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset.status == "ready", (asset.status, asset.error_code)
    subtitle_track_publish(
        track=subtitle_track_upload(asset=asset, language="shi", text=media_site.SRT)
    )
    lesson = LessonPage.objects.get(slug="the-six-steps", locale__language_code="shi")
    video = {"type": "video", "value": {"asset": asset.pk, "title": "ⵜⵉⵙⵏⴰⵡⵉⵏ"}}
    lesson.body = [video, *lesson.body.raw_data]
    lesson.save_revision().publish()
    with translation.override("shi"):  # the sizes as the lesson shows them ("≈ 19.2 KB")
        sizes = [
            human_size(default_storage.size(n))
            for n in (asset.audio_download, asset.download, asset.audio_opus_download)
        ]  # the sound-only file (AAC), the low MP4, the lighter sound-only file (Opus)
    return live_demo_academy, sizes
