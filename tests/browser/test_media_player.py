"""The lesson video player in a real browser at phone size (360 × 740), under /shi/.

A few seconds of ``testsrc2`` with espeak-ng speech go through the real pipeline (ffmpeg, then
the transcription stage, which leaves the asset ready without machine subtitles), get a published
Tachelhit subtitle file, and are put at the top of the Tachelhit "six steps" lesson. This
Chromium (156) plays HLS natively, so the player hands it the master playlist and loads no
hls.js; a browser without native HLS is played too (``canPlayType`` answering "" for HLS), where
the player must load our vendored hls.js. Screenshots: test-artifacts/player-shi.png and
player-audio-only.png.
The lesson and the site that serves its media: ``lesson_with_video`` (conftest.py, media_site.py).
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core.files import File

from .conftest import PHONE

pytestmark = pytest.mark.browser

LESSON = "/shi/founding-a-cooperative/before-you-start/the-six-steps/"
HLS_SCRIPT = "/static/media_pipeline/vendor/hls.light.min.js"

VIDEO, AUDIO = "[data-media-player] video", "[data-media-player] audio"
VOICE = "[data-media-player] [data-voice-audio]"


@pytest.fixture
def lesson_with_voice_over(lesson_with_video, tmp_path):
    """The same lesson, its video with a published Tachelhit voice-over."""
    from media_pipeline.models import MediaAsset
    from media_pipeline.services.voice_overs import (
        voice_over_add,
        voice_over_process,
        voice_over_publish,
    )
    from media_pipeline.tests import media

    folder = tmp_path / "voice-over"
    folder.mkdir()
    recording = media.audio(folder, name="shi.m4a", seconds=6)
    asset = MediaAsset.objects.get(title="Six steps")
    with recording.open("rb") as handle:
        track = voice_over_add(
            asset=asset, language="shi", file=File(handle), filename=recording.name
        )
    voice_over_process(track_id=track.pk)
    track.refresh_from_db()
    assert track.status == "ready", track.error_code
    voice_over_publish(track=track)
    server, _sizes = lesson_with_video
    return server


NO_NATIVE_HLS = """{
  const canPlayType = HTMLMediaElement.prototype.canPlayType;
  HTMLMediaElement.prototype.canPlayType = function (type) {
    return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
  };
}"""


def open_lesson(context, server, *, native_hls: bool = True):
    """The lesson, once its player is set up; and the paths and statuses of its responses."""
    page = context.new_page()
    if not native_hls:
        page.add_init_script(NO_NATIVE_HLS)
    responses: list[tuple[str, int]] = []
    page.on("response", lambda r: responses.append((urlsplit(r.url).path, r.status)))
    page.goto(f"{server.url}{LESSON}")
    page.locator("[data-media-player] .media-player__options").wait_for(state="visible")
    return page, responses


def media_state(page, selector: str, expression: str):
    return page.evaluate(f"() => (m => {expression})(document.querySelector({selector!r}))")


def play(page, selector: str) -> None:
    """Tap the element (the user's gesture), then play it; wait until it has played 0.5 s."""
    page.locator(selector).tap()
    media_state(page, selector, "(m.muted = true, m.play().catch(() => null))")
    advances(page, selector)


def advances(page, selector: str) -> None:
    start = media_state(page, selector, "m.currentTime")
    page.wait_for_function(
        f"() => document.querySelector({selector!r}).currentTime > {start} + 0.5", timeout=15_000
    )


def hls_paths(responses) -> tuple[list[str], list[str], list[str]]:
    """The master playlists, rendition playlists and segments fetched, all answered 200/206."""
    media = [(path, status) for path, status in responses if path.startswith("/media/")]
    assert all(status in {200, 206} for _, status in media), media
    paths = [path for path, _ in media]
    return (
        [p for p in paths if p.endswith("/hls/master.m3u8")],
        [p for p in paths if re.search(r"/hls/\d+p/index\.m3u8$", p)],
        [p for p in paths if re.search(r"/hls/\d+p/[^/]+\.m4s$", p)],
    )


def shi_captions(page, condition: str) -> None:
    page.wait_for_function(
        f"() => [...document.querySelector({VIDEO!r}).textTracks]"
        f".some(t => t.language === 'shi' && {condition})"
    )


def test_video_lesson_plays_with_tachelhit_captions_and_switches_to_sound_only(
    lesson_with_video, phone, shoot
):
    server, (audio_size, video_size, opus_size) = lesson_with_video

    # A browser without native HLS: hls.js from our static files, the master playlist, a rung.
    page, responses = open_lesson(phone, server, native_hls=False)
    player = page.locator("[data-media-player]")
    # Before playing: what each choice costs (sound only: the lighter Opus file, which this
    # Chromium plays); only the poster fetched (preload="none").
    assert opus_size in player.locator(".media-player__switch").inner_text()
    downloads = player.locator(".media-player__downloads").inner_text()
    assert audio_size in downloads, downloads
    assert video_size in downloads, downloads
    quality = player.locator(".media-player__options").inner_text()
    assert re.search(r"144p — \D*[\d.,]+", quality), quality
    fetched = [p for p, _ in responses if p.startswith("/media/") and not p.endswith("poster.jpg")]
    assert not fetched, fetched
    shi_captions(page, "t.mode === 'showing'")  # the learner's language, shown by default

    play(page, VIDEO)
    assert (HLS_SCRIPT, 200) in responses, responses
    assert all(hls_paths(responses)), responses  # master, rendition playlist, segments
    assert media_state(page, VIDEO, "m.src").startswith("blob:")  # Media Source, from hls.js
    shi_captions(page, "t.activeCues && t.activeCues.length > 0")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, "player-shi")
    page.close()

    # This Chromium's own HLS: the master playlist and a rung, and no hls.js.
    page, responses = open_lesson(phone, server)
    player = page.locator("[data-media-player]")
    play(page, VIDEO)
    assert media_state(page, VIDEO, "m.currentSrc").endswith("/hls/master.m3u8")
    assert all(hls_paths(responses)), responses
    assert not [path for path, _ in responses if path == HLS_SCRIPT]

    # Save data: the sound only, from the lighter (Opus) sound-only file.
    player.locator("[data-save-data]").tap()
    assert page.locator(VIDEO).is_hidden()
    assert page.locator(AUDIO).is_visible()
    assert media_state(page, VIDEO, "m.paused")
    advances(page, AUDIO)
    assert any(path.endswith("/download/audio_opus.m4a") for path, _ in responses), responses
    assert page.evaluate("() => localStorage.getItem('academy-media-save-data')") == "1"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, "player-audio-only")

    page.reload()  # remembered on this phone
    player.locator(".media-player__options").wait_for(state="visible")
    assert player.locator("[data-save-data]").is_checked()
    assert page.locator(VIDEO).is_hidden()
    assert page.locator(AUDIO).is_visible()


def in_step(page) -> float:
    """How far the voice-over is from the video, in seconds."""
    return page.evaluate(
        f"() => Math.abs(document.querySelector({VOICE!r}).currentTime"
        f" - document.querySelector({VIDEO!r}).currentTime)"
    )


def test_video_lesson_plays_the_tachelhit_voice_over_in_step_with_the_muted_video(
    lesson_with_voice_over, phone, shoot
):
    page, responses = open_lesson(phone, lesson_with_voice_over)
    voice = page.locator("[data-media-player] [data-voice]")
    # Under /shi/ the Tachelhit voice-over is chosen by default; nothing is fetched before playing.
    assert voice.input_value() == "shi"
    assert "ⵜⴰⵛⵍⵃⵉⵜ" in voice.locator("option:checked").inner_text()
    assert voice.locator("option[value='']").count() == 1  # the original sound, still offered
    assert media_state(page, VIDEO, "m.muted")
    assert not [p for p, _ in responses if p.endswith("/voice-over/shi/audio.m4a")]

    page.locator(VIDEO).tap()  # the user's gesture; the video starts and the voice-over follows
    media_state(page, VIDEO, "m.play().catch(() => null)")
    advances(page, VIDEO)
    page.wait_for_function(
        f"() => !document.querySelector({VOICE!r}).paused"
        f" && document.querySelector({VOICE!r}).currentTime > 0.3",
        timeout=15_000,
    )
    assert media_state(page, VIDEO, "m.muted")
    assert media_state(page, AUDIO, "m.paused")  # not the sound-only element
    assert any(p.endswith("/voice-over/shi/audio.m4a") for p, _ in responses), responses
    assert in_step(page) < 0.5
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(page, "player-voice-over")

    # Seeking and rate follow the video.
    media_state(page, VIDEO, "(m.playbackRate = 1.5, m.currentTime = 1)")
    page.wait_for_function(f"() => document.querySelector({VOICE!r}).playbackRate === 1.5")
    advances(page, VIDEO)
    assert in_step(page) < 0.5
    media_state(page, VIDEO, "m.pause()")
    page.wait_for_function(f"() => document.querySelector({VOICE!r}).paused")

    # Back to the original sound: the video is heard again; remembered on this phone.
    voice.select_option("")
    assert not media_state(page, VIDEO, "m.muted")
    assert media_state(page, VOICE, "m.paused")
    assert page.evaluate("() => localStorage.getItem('academy-media-voice')") == ""
    page.reload()
    page.locator("[data-media-player] .media-player__options").wait_for(state="visible")
    assert voice.input_value() == ""
    assert not media_state(page, VIDEO, "m.muted")


NO_OPUS = """{
  const isTypeSupported = MediaSource.isTypeSupported.bind(MediaSource);
  MediaSource.isTypeSupported = (type) => (/opus/i.test(type) ? false : isTypeSupported(type));
}"""


def test_sound_only_is_the_opus_file_where_the_browser_plays_opus_and_aac_elsewhere(
    lesson_with_video, phone
):
    """Decision 0046: the player takes the lighter Opus sound-only file only where
    MediaSource.isTypeSupported says this browser plays Opus in MP4 (this Chromium does, as
    Chrome on Android); a browser that does not keeps the AAC one."""
    server, (audio_size, _video_size, opus_size) = lesson_with_video
    page, responses = open_lesson(phone, server)
    assert page.evaluate("""() => MediaSource.isTypeSupported('audio/mp4; codecs="opus"')""")
    player = page.locator("[data-media-player]")
    assert opus_size in player.locator(".media-player__switch").inner_text()
    player.locator("[data-save-data]").tap()
    play(page, AUDIO)
    assert media_state(page, AUDIO, "m.currentSrc").endswith("/download/audio_opus.m4a")
    assert not [p for p, _ in responses if p.endswith("/download/audio.m4a")]
    page.close()

    page = phone.new_page()
    page.add_init_script(NO_OPUS)
    page.goto(f"{server.url}{LESSON}")
    player = page.locator("[data-media-player]")
    player.locator(".media-player__options").wait_for(state="visible")
    assert audio_size in player.locator(".media-player__switch").inner_text()
    assert player.locator("[data-save-data]").is_checked()  # remembered on this phone
    play(page, AUDIO)
    assert media_state(page, AUDIO, "m.currentSrc").endswith("/download/audio.m4a")
