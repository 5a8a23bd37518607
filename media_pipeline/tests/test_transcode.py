"""The real ffmpeg on a tiny clip: every rung, audio-only, poster, playlists, keyframes,
loudness, bitrates, no upscaling."""

import json
import subprocess
from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from media_pipeline.av import hls, loudness
from media_pipeline.models import MediaAsset, Rendition
from media_pipeline.services.processing import asset_process, loudness_target

from .factories import asset_from

pytestmark = pytest.mark.django_db


def _keyframe_times(path: Path) -> list[float]:
    """Presentation times of the key frames of a rendition (init + segments concatenated)."""
    output = subprocess.run(  # noqa: S603
        [  # noqa: S607
            "ffprobe",
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-skip_frame",
            "nokey",
            "-show_entries",
            "frame=pts_time",
            "-of",
            "json",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [round(float(f["pts_time"]), 2) for f in json.loads(output)["frames"]]


def _joined(playlist_path: Path, target: Path) -> Path:
    playlist = hls.read_media_playlist(playlist_path)
    target.write_bytes(b"".join(file.read_bytes() for file in playlist.files))
    return target


@pytest.fixture
def processed(clips):
    asset = asset_from(clips["video"])
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    return asset


def test_a_video_gets_every_rung_up_to_its_own_height_and_audio_only(processed):
    assert processed.status == MediaAsset.Status.TRANSCRIBING, processed.error_message
    assert (processed.kind, processed.width, processed.height) == ("video", 640, 360)
    assert processed.duration == pytest.approx(4, abs=0.2)
    rungs = {r.rung: r for r in processed.renditions.all()}
    # no 480p/720p from a 360p source; audio-only in AAC and Opus (decision 0046)
    assert set(rungs) == {"144p", "240p", "360p", "audio", "audio_opus"}
    assert (rungs["240p"].width, rungs["240p"].height) == (426, 240)
    assert rungs["audio"].kind == Rendition.Kind.AUDIO
    downloads = ("download/low.mp4", "download/audio.m4a", "download/audio_opus.m4a")
    for name in ("poster.jpg", *downloads):
        assert default_storage.exists(f"{processed.folder}/{name}"), name


def test_master_playlist_lists_video_rungs_and_audio_only(processed):
    master = Path(default_storage.path(processed.master_playlist))
    variants = {v.uri: v.attributes for v in hls.read_master_playlist(master)}
    names = ("144p", "240p", "360p", "audio", "audio_opus")
    assert set(variants) == {f"{n}/index.m3u8" for n in names}
    assert variants["audio/index.m3u8"]["CODECS"] == "mp4a.40.2"
    assert variants["audio_opus/index.m3u8"]["CODECS"] == "opus"
    assert variants["240p/index.m3u8"]["RESOLUTION"] == "426x240"
    for uri in variants:
        playlist = hls.read_media_playlist(master.parent / uri)
        assert all(file.exists() for file in playlist.files)
        assert playlist.files[1].suffix == ".m4s"  # fMP4 segments


def test_key_frames_fall_every_two_seconds_in_every_rung(processed, tmp_path):
    folder = Path(default_storage.path(f"{processed.folder}/hls"))
    times = {
        name: _keyframe_times(_joined(folder / name / "index.m3u8", tmp_path / f"{name}.mp4"))
        for name in ("144p", "240p", "360p")
    }
    assert times["144p"] == times["240p"] == times["360p"]
    start = times["240p"][0]
    assert [round(t - start, 2) for t in times["240p"]] == [0.0, 2.0]


def test_sound_is_loudness_normalised_to_the_target(processed):
    audio = Path(default_storage.path(processed.audio_download))
    measured = loudness.measure_output(audio)
    assert measured.integrated == pytest.approx(loudness_target().integrated, abs=1.0)


def test_low_rungs_and_audio_only_stay_within_their_bitrate_targets(processed):
    rungs = {r.rung: r for r in processed.renditions.all()}
    assert rungs["240p"].bitrate <= 200_000
    assert rungs["144p"].bitrate <= 200_000
    assert rungs["audio"].bitrate <= 48_000
    assert all(r.size > 0 for r in rungs.values())


def test_audio_upload_gets_audio_renditions_only(clips):
    asset = asset_from(clips["audio"])
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset.kind == MediaAsset.Kind.AUDIO
    assert {r.rung for r in asset.renditions.all()} == {"audio", "audio_opus"}
    assert asset.audio_download
    assert asset.audio_opus_download
    assert not asset.download
    assert not asset.poster


def test_video_without_sound_is_ready_without_audio_or_subtitles(clips):
    asset = asset_from(clips["silent_video"])
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset.status == MediaAsset.Status.READY
    assert "audio" not in {r.rung for r in asset.renditions.all()}
    assert asset.subtitles_note_code == "no_sound"
