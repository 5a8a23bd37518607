"""Offline figures for `make bench` (called by run.py, in its environment, against gunicorn):

- ``offline_scripts_bytes``: the service worker and the two scripts every page loads for it
  (store.js, offline.js), as sent to a browser accepting brotli or gzip;
- ``offline_save_course_<audio|video>_bytes``: what saving the demo course downloads, with
  sound-only and with low-quality video, in a new browser profile (Chromium, 360x740);
- ``offline_saved_lesson_repeat_bytes``: a saved lesson opened again while online.

For the media to weigh something, a generated 30-second clip (426x240 with speech) goes through
the real pipeline and is put at the top of the Arabic "six steps" lesson (every language's tree
shows it through the fallback). Bytes are the response bodies gunicorn sent, read from its
access log (headers not included), so requests made by the service worker are counted too.
"""

from __future__ import annotations

import http.client
import tempfile
from pathlib import Path

from run import CHROMIUM, BenchError, bench, say

COURSE = "/ar/founding-a-cooperative/"
LESSON = "/ar/founding-a-cooperative/before-you-start/the-six-steps/"
SCRIPTS = ("/sw.js", "/static/academy/js/store.js", "/static/academy/js/offline.js")


def _compressed_size(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "br, gzip"})
        response = connection.getresponse()
        if response.status != 200:
            raise BenchError(f"{path} answered {response.status}")
        return len(response.read())
    finally:
        connection.close()


def _static_url(path: str) -> str:
    from django.templatetags.static import static

    return static(path.removeprefix("/static/")) if path.startswith("/static/") else path


def _video_in_lesson() -> None:
    """A real 30-second video at the top of the Arabic lesson (once per database)."""
    from courses.api import LessonPage
    from media_pipeline.services.processing import asset_process
    from media_pipeline.tests import media
    from media_pipeline.tests.factories import asset_from

    lesson = LessonPage.objects.get(slug="the-six-steps", locale__language_code="ar")
    if any(block.block_type == "video" for block in lesson.body):
        return
    with tempfile.TemporaryDirectory() as folder:
        clip = media.video(Path(folder), size="426x240", seconds=30)
        asset = asset_from(clip, language="ar", title="Six steps")
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    if asset.status not in {"ready", "transcribing"}:
        raise BenchError(f"the bench video is {asset.status} ({asset.error_code})")
    asset.status = "ready"
    asset.save(update_fields=["status"])
    video = {"type": "video", "value": {"asset": asset.pk, "title": ""}}
    lesson.body = [video, *lesson.body.raw_data]
    lesson.save_revision().publish()


def _session_cookie(port: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client

    learner, _created = get_user_model().objects.get_or_create(
        phone_number="+212661900001", defaults={"first_name": "Bench offline"}
    )
    client = Client()
    client.force_login(learner)
    value = client.cookies["sessionid"].value
    return {"name": "sessionid", "value": value, "url": f"http://127.0.0.1:{port}"}


class AccessLog:
    """Bytes and requests gunicorn logged since the last ``take``."""

    def __init__(self, path: Path) -> None:
        self.path, self.offset = path, path.stat().st_size if path.exists() else 0

    def take(self, *, show: bool = False) -> tuple[int, int]:
        with self.path.open("rb") as log:
            log.seek(self.offset)
            lines = log.read().decode(errors="replace").splitlines()
            self.offset = log.tell()
        rows = [line.split(" ") for line in lines]
        rows = [(path, status, int(size)) for path, status, size in rows if size.isdigit()]
        if show:
            for path, status, size in rows:
                say(f"   {size:>9} B  {status}  {path}")
        return sum(size for _path, _status, size in rows), len(rows)


def _save(browser, port: int, cookie: dict, log: AccessLog, media: str) -> None:
    base = f"http://127.0.0.1:{port}"
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_cookies([cookie])
    page = context.new_page()
    try:
        page.goto(base + COURSE)
        page.evaluate("() => navigator.serviceWorker.ready")
        page.reload(wait_until="networkidle")
        page.wait_for_timeout(500)
        log.take()
        widget = page.locator("[data-offline-save]")
        widget.locator("[data-save]").click()
        widget.locator("[data-save-panel]").wait_for(state="visible")
        widget.locator(f'input[value="{media}"]').check()
        widget.locator("[data-confirm]").click()
        page.wait_for_function(
            "() => document.querySelector('[data-offline-save]').dataset.saved === '1'",
            timeout=120_000,
        )
        say(f"-- saving the demo course ({media}):")
        size, requests = log.take(show=True)
        say(f"   {requests} requests, {size} bytes")
        bench(f"offline_save_course_{media}_bytes", size, "bytes")
        if media == "audio":
            page.goto(base + LESSON, wait_until="networkidle")
            page.wait_for_timeout(500)
            say("-- the saved lesson again, online:")
            size, requests = log.take(show=True)
            say(f"   {requests} requests, {size} bytes")
            bench("offline_saved_lesson_repeat_bytes", size, "bytes")
            bench("offline_saved_lesson_repeat_requests", requests, "requests")
    finally:
        context.close()


def measure_offline(port: int, access_log: Path) -> None:
    from playwright.sync_api import sync_playwright

    say("== Offline (service worker, save for offline) ==")
    scripts = {path: _compressed_size(port, _static_url(path)) for path in SCRIPTS}
    for path, size in scripts.items():
        say(f"   {size:>7} B  {path}")
    bench("offline_scripts_bytes", sum(scripts.values()), "bytes")
    _video_in_lesson()
    cookie = _session_cookie(port)
    log = AccessLog(access_log)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            for media in ("audio", "video"):
                _save(browser, port, cookie, log, media)
        finally:
            browser.close()
