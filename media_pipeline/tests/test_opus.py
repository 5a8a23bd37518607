"""The lighter audio-only rendition (docs/decisions/0046): Opus in fMP4, made with the first run
(part of what is playable first), at most 24 kbit/s, its true peak at most -1 dBTP, listed in the
master playlist with CODECS="opus" (players that cannot play it skip it), and its sound-only file
offered to the player and the offline save."""

from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from media_pipeline.av import hls, loudness
from media_pipeline.models import MediaAsset
from media_pipeline.selectors import player_for
from media_pipeline.services.processing import asset_process

from . import media
from .factories import asset_from

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    """20 s of speech (espeak-ng where installed) with a small picture: one rung, quick."""
    folder = tmp_path_factory.mktemp("opus")
    return media.video(folder, name="lesson.mp4", size="320x180", seconds=20)


@pytest.fixture
def processed(lesson):
    asset = asset_from(lesson)
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset.status == MediaAsset.Status.TRANSCRIBING, asset.error_message
    return asset


def _path(name: str) -> Path:
    return Path(default_storage.path(name))


def test_the_opus_rendition_is_at_most_24_kbits_and_below_minus_one_dbtp(processed):
    playlist = hls.read_media_playlist(_path(f"{processed.folder}/hls/audio_opus/index.m3u8"))
    assert 0 < playlist.average_segment_bitrate <= 24_000, playlist.average_segment_bitrate
    assert playlist.bitrate <= 24_000, playlist.bitrate  # its init segment included
    sound = loudness.measure_output(_path(processed.audio_opus_download))
    assert sound.true_peak <= -1.0, sound
    aac = loudness.measure_output(_path(processed.audio_download))
    # The same loudness filter; Opus at 20 kbit/s keeps less of the treble, which the loudness
    # weighting counts (about 1 LU quieter on synthetic speech).
    assert abs(sound.integrated - aac.integrated) <= 1.5, (sound, aac)
    rendition = processed.renditions.get(rung="audio_opus")
    assert (rendition.kind, rendition.codec) == ("audio", "opus")
    assert processed.renditions.get(rung="audio").codec == "aac"


def test_the_master_playlist_lists_opus_with_its_codec_and_measured_bandwidth(processed):
    master = _path(processed.master_playlist)
    variants = {v.uri: v.attributes for v in hls.read_master_playlist(master)}
    opus = variants["audio_opus/index.m3u8"]
    assert opus["CODECS"] == "opus"
    assert "RESOLUTION" not in opus
    measured = hls.read_media_playlist(master.parent / "audio_opus" / "index.m3u8")
    peak = measured.peak_bitrate(target_duration=2)
    assert abs(int(opus["BANDWIDTH"]) - peak) <= 0.2 * peak
    assert variants["audio/index.m3u8"]["CODECS"] == "mp4a.40.2"  # AAC for the others
    assert 'CODECS="opus"' in master.read_text()


def test_the_player_is_offered_the_opus_file_and_the_aac_one(processed):
    player = player_for(asset_id=processed.pk, language="en")
    assert player.opus_url.endswith("/download/audio_opus.m4a")
    assert player.audio_url.endswith("/download/audio.m4a")
    assert player.opus_bytes > 0  # lighter than AAC on speech: the bench's figures (0046)
