"""Machine subtitles through a tiny random Whisper loaded like real weights, and the notes left
when there can be none."""

from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from media_pipeline import subtitles
from media_pipeline.models import MediaAsset, SubtitleTrack
from media_pipeline.services.processing import asset_process
from media_pipeline.services.transcription import asset_transcribe
from media_pipeline.speech import Segment, Transcript
from media_pipeline.speech.whisper_engine import WhisperEngine

from .factories import asset_from

pytestmark = pytest.mark.django_db


def _processed(path: Path, language: str) -> MediaAsset:
    asset = asset_from(path, language=language)
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    return asset


def test_tiny_whisper_writes_a_valid_webvtt_draft(clips, whisper_settings):
    asset = _processed(clips["audio"], "en")
    assert asset.status == MediaAsset.Status.TRANSCRIBING
    asset_transcribe(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset.status == MediaAsset.Status.READY
    assert asset.progress == 100
    track = asset.subtitles.get()
    assert (track.language, track.source, track.status) == ("en", "machine", "draft")
    assert track.vtt.startswith("WEBVTT\n")
    cues = subtitles.parse(track.vtt)  # valid: parses, times increase, text present
    assert cues
    assert all(cue.end <= asset.duration + 0.5 for cue in cues)


def test_darija_is_transcribed_through_arabic_and_needs_review(
    clips, monkeypatch, whisper_settings
):
    calls = []

    def transcribe(self, audio, *, language_code):
        calls.append(language_code)
        return Transcript(language="ary", segments=(Segment(0, 2, "سلام"),), needs_review=True)

    monkeypatch.setattr(WhisperEngine, "transcribe", transcribe)
    asset = _processed(clips["audio"], "ary")
    asset_transcribe(asset_id=asset.pk)
    track = asset.subtitles.get()
    assert (track.language, track.needs_review, track.status) == ("ary", True, "draft")
    assert calls == ["ary"]


def test_whisper_maps_darija_to_its_arabic_model():
    assert WhisperEngine().supports("ary")
    assert not WhisperEngine().supports("shi")


def test_without_weights_the_asset_is_ready_and_says_why(clips, settings):
    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, "WHISPER_MODEL_DIR": "/nonexistent"}
    asset = _processed(clips["audio"], "fr")
    asset_transcribe(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset.status == MediaAsset.Status.READY
    assert asset.subtitles_note_code == "no_speech_engine"
    assert "/nonexistent" in asset.subtitles_note
    assert not asset.subtitles.exists()


def test_a_language_whisper_does_not_know_gets_no_machine_track(clips, whisper_settings):
    asset = _processed(clips["audio"], "shi")
    asset_transcribe(asset_id=asset.pk)
    asset.refresh_from_db()
    assert (asset.status, asset.subtitles_note_code) == ("ready", "language_not_transcribed")


def test_a_corrected_track_is_never_overwritten_by_the_machine(
    clips, monkeypatch, whisper_settings
):
    asset = _processed(clips["audio"], "en")
    SubtitleTrack.objects.create(
        asset=asset, language="en", source="human", vtt="WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"
    )
    asset_transcribe(asset_id=asset.pk)
    assert "Hi" in asset.subtitles.get().vtt
    assert default_storage.exists(asset.audio_download)


def test_long_speech_is_cut_into_cues_of_two_short_lines():
    text = "word " * 60
    cues = subtitles.split_segment(0.0, 12.0, text)
    assert len(cues) > 1
    for cue in cues:
        lines = cue.text.split("\n")
        assert len(lines) <= 2
        assert all(len(line) <= 42 for line in lines)
    assert cues[0].start == 0.0
    assert cues[-1].end == pytest.approx(12.0)
