"""The lesson video player in a real browser at phone size (360 × 740), under /shi/.

A few seconds of ``testsrc2`` with espeak-ng speech go through the real pipeline (ffmpeg, then
the transcription stage, which leaves the asset ready without machine subtitles), get a published
Tachelhit subtitle file, and are put at the top of the Tachelhit "six steps" lesson. Chromium
has no native HLS, so the player must load our vendored hls.js, then the master playlist and a
rendition. Screenshots: test-artifacts/player-shi.png and player-audio-only.png.

The test server does not serve MEDIA_ROOT (SERVE_MEDIA is off and the URLs are built at import
time), so this module is also the URL configuration: the academy's URLs plus /media/.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.urls import re_path
from django.utils import translation
from django.views.static import serve

from academy.urls import urlpatterns as academy_urlpatterns

from .conftest import PHONE

pytestmark = pytest.mark.browser

LESSON = "/shi/founding-a-cooperative/before-you-start/the-six-steps/"
HLS_SCRIPT = "/static/media_pipeline/vendor/hls.light.min.js"
SRT = "1\n00:00:00,200 --> 00:00:03,800\nⴰⵣⵓⵍ ⴼⵍⴰⵡⵏ\n"
VIDEO, AUDIO = "[data-media-player] video", "[data-media-player] audio"


def _media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", _media), *academy_urlpatterns]


@pytest.fixture
def lesson_with_video(live_demo_academy, settings, tmp_path, monkeypatch):
    """The shi lesson with a ready video asset and its published Tachelhit subtitles."""
    from courses.models import LessonPage
    from media_pipeline.services.processing import asset_process
    from media_pipeline.services.subtitles import subtitle_track_publish, subtitle_track_upload
    from media_pipeline.services.transcription import asset_transcribe
    from media_pipeline.tests import media
    from media_pipeline.tests.factories import asset_from

    settings.ROOT_URLCONF = __name__
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, "WHISPER_MODEL_DIR": None}
    monkeypatch.setattr("media_pipeline.services.enqueue.send", lambda name, pk: None)
    clip = media.video(tmp_path, size="426x240", seconds=4)
    asset = asset_from(clip, language="en", title="Six steps")
    asset_process(asset_id=asset.pk)
    asset_transcribe(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset.status == "ready", (asset.status, asset.error_code)
    subtitle_track_publish(track=subtitle_track_upload(asset=asset, language="shi", text=SRT))
    lesson = LessonPage.objects.get(slug="the-six-steps", locale__language_code="shi")
    video = {"type": "video", "value": {"asset": asset.pk, "title": "ⵜⵉⵙⵏⴰⵡⵉⵏ"}}
    lesson.body = [video, *lesson.body.raw_data]
    lesson.save_revision().publish()
    with translation.override("shi"):  # the sizes as the lesson shows them ("≈ 19.2 KB")
        sizes = [
            filesizeformat(default_storage.size(n)) for n in (asset.audio_download, asset.download)
        ]
    return live_demo_academy, sizes


def wait_for_playback(page, selector: str) -> None:
    page.wait_for_function(
        f"() => document.querySelector({selector!r}).currentTime > 0.5", timeout=15_000
    )


def test_video_lesson_plays_with_tachelhit_captions_and_switches_to_sound_only(
    lesson_with_video, phone, shoot
):
    server, (audio_size, video_size) = lesson_with_video
    page = phone.new_page()
    responses: list[tuple[str, int]] = []
    page.on("response", lambda r: responses.append((urlsplit(r.url).path, r.status)))
    page.goto(f"{server.url}{LESSON}")
    player = page.locator("[data-media-player]")
    options = player.locator(".media-player__options")
    options.wait_for(state="visible")
    assert page.evaluate("() => localStorage.getItem('academy-media-save-data')") is None

    # Before playing: what each choice costs; only the poster fetched (preload="none").
    assert audio_size in player.locator(".media-player__switch").inner_text()
    downloads = player.locator(".media-player__downloads").inner_text()
    assert audio_size in downloads and video_size in downloads, downloads
    assert re.search(r"\d+p — \S+ [\d.,]+", options.inner_text()), options.inner_text()
    fetched = [p for p, _ in responses if p.startswith("/media/") and not p.endswith("poster.jpg")]
    assert not fetched, fetched

    # Captions: the published Tachelhit track is the default and shown.
    page.wait_for_function(
        "() => [...document.querySelector('video').textTracks]"
        ".some(t => t.language === 'shi' && t.mode === 'showing')"
    )

    # Play (a tap is the user gesture): hls.js from our static files, master playlist, a rung.
    page.locator(VIDEO).tap()
    page.evaluate(f"() => {{ const v = document.querySelector({VIDEO!r}); v.muted = true; }}")
    page.evaluate(f"() => document.querySelector({VIDEO!r}).play().catch(() => null)")
    wait_for_playback(page, VIDEO)
    paths = dict(responses)
    assert paths.get(HLS_SCRIPT) == 200, sorted(paths)
    assert any(p.endswith("/hls/master.m3u8") for p in paths), sorted(paths)
    rung = [p for p in paths if re.search(r"/hls/\d+p/index\.m3u8$", p)]
    assert rung, sorted(paths)
    assert any(re.search(r"/hls/\d+p/[^/]+\.m4s$", p) for p in paths), sorted(paths)
    assert page.evaluate(f"() => document.querySelector({VIDEO!r}).src").startswith("blob:")
    assert all(status == 200 for path, status in responses if path.startswith("/media/"))
    page.wait_for_function(
        "() => [...document.querySelector('video').textTracks]"
        ".some(t => t.language === 'shi' && t.activeCues && t.activeCues.length > 0)"
    )
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, "player-shi")

    # Save data: the sound only, from the audio-only rendition, remembered.
    before = len(responses)
    player.locator("[data-save-data]").tap()
    assert page.locator(VIDEO).is_hidden()
    assert page.locator(AUDIO).is_visible()
    page.evaluate(f"() => document.querySelector({AUDIO!r}).play().catch(() => null)")
    wait_for_playback(page, AUDIO)
    assert any(p.endswith("/download/audio.m4a") for p, _ in responses[before:]), responses
    assert page.evaluate(f"() => document.querySelector({VIDEO!r}).paused")
    assert page.evaluate("() => localStorage.getItem('academy-media-save-data')") == "1"
    shoot(page, "player-audio-only")

    page.reload()
    options.wait_for(state="visible")
    assert player.locator("[data-save-data]").is_checked()
    assert page.locator(VIDEO).is_hidden()
    assert page.locator(AUDIO).is_visible()
