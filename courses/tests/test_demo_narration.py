"""The demo course's recorded speech: espeak-ng's Arabic voice, through the real media pipeline
(real espeak-ng and ffmpeg; two lessons only, to keep it short)."""

import shutil
import time

import pytest
from django.utils import translation

from courses.api import load_demo_narration
from courses.models import CoursePage, LessonPage
from courses.translation import course_translation_status
from media_pipeline.models import MediaAsset

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng is not installed"),
]
SLUGS = ("what-is-a-cooperative", "the-six-steps")


def _lesson(slug: str, code: str) -> LessonPage:
    return LessonPage.objects.get(slug=slug, locale__language_code=code, alias_of__isnull=True)


def _states() -> dict[str, str]:
    course = CoursePage.objects.get(slug="founding-a-cooperative", locale__language_code="ar")
    return {s.language.code: s.state for s in course_translation_status(course).languages}


def test_demo_lessons_are_read_aloud_in_arabic_and_darija_and_one_carries_a_video(
    demo_academy, settings, tmp_path, client, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    states = _states()
    time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        report = load_demo_narration(slugs=SLUGS)

    # Arabic and Darija recordings, through the pipeline: normalised, with a sound-only file.
    assert (report.recordings, report.videos) == (4, 1)
    for code in ("ar", "ary"):
        asset = _lesson("the-six-steps", code).narration
        assert (asset.language, asset.status, asset.kind) == (
            code,
            MediaAsset.Status.READY,
            "audio",
        )
        assert asset.duration > 10  # real speech, not a beep
        assert asset.audio_download.endswith("audio.m4a")
        assert asset.renditions.filter(kind="audio").exists()

    # A Darija learner hears Darija; Tachelhit falls back through zgh → ary, and says so.
    ary_audio = _lesson("the-six-steps", "ary").narration.audio_download
    with translation.override("en"):
        darija = client.get(_lesson("the-six-steps", "ary").url).content.decode()
        tachelhit = client.get(_lesson("the-six-steps", "shi").url).content.decode()
    assert "data-listen-audio" in darija
    assert ary_audio in darija
    assert "data-listen-other" not in darija
    assert ary_audio in tachelhit
    assert "data-listen-other" in tachelhit

    # The first lesson carries a real ~10 s video through the ladder, in every language.
    page = _lesson("what-is-a-cooperative", "ary")
    video = next(block for block in page.body if block.block_type == "video")
    asset = video.value["asset"]
    assert (asset.kind, asset.status) == ("video", MediaAsset.Status.READY)
    assert 9 <= asset.duration <= 11
    assert asset.renditions.filter(kind="video").exists()
    assert "data-media-player" in client.get(page.url).content.decode()

    # Loading again records nothing; the translations stay as up to date as they were.
    with django_capture_on_commit_callbacks(execute=True):
        assert load_demo_narration(slugs=SLUGS).recordings == 0
    assert _states() == states
