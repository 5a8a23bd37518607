"""The demo questions' recordings: real speech (espeak-ng's Arabic voice, through the media
pipeline), never the loader's stand-in tones (real espeak-ng and ffmpeg; one question)."""

import shutil
from pathlib import Path

import pytest
from wagtail.documents.models import Document

from assessments.demo.loader import demo_assessments_load
from assessments.demo.voices import STAND_IN, demo_voices_load
from assessments.models import Choice, Question
from media_pipeline.api import probe

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng is not installed"),
]


def test_arabic_and_darija_prompts_are_spoken_and_other_languages_lose_the_tone(
    demo_academy, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    demo_assessments_load(in_lesson=False)
    kept = Question.objects.filter(locale__language_code="ar", kind="true_false").first()
    # One question keeps its stand-ins, to keep the test short.
    Question.objects.exclude(translation_key=kept.translation_key).update(audio=None)
    Choice.objects.update(audio=None)

    assert demo_voices_load() == 2
    spoken = {
        q.locale.language_code: q.audio
        for q in Question.objects.filter(translation_key=kept.translation_key).select_related(
            "audio", "locale"
        )
    }
    for code in ("ar", "ary"):
        described = probe(Path(spoken[code].file.path))
        assert described.duration > 1
        assert described.audio is not None
    assert spoken["shi"] is None
    assert spoken["rif"] is None
    assert not Document.objects.filter(title__startswith=STAND_IN).exists()
    assert demo_voices_load() == 0  # loading again makes nothing
