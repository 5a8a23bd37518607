"""Real recordings, made small: a silent sound track, a cut-short upload with its index at the
front, loud dual-mono speech, a clip whose length is not a multiple of 2 s, portrait and rotated
video. Each checks what the learner gets, read back from the bytes on disk."""

import json
import subprocess
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from media_pipeline.av import hls, loudness
from media_pipeline.av.ladder import AAC_FRAME, AUDIO_RATE
from media_pipeline.models import MediaAsset
from media_pipeline.selectors import player_for
from media_pipeline.services.processing import asset_process

from . import media
from .factories import asset_from
from .test_transcode import _joined

pytestmark = pytest.mark.django_db


def _processed(path: Path) -> MediaAsset:
    asset = asset_from(path)
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    return asset


def _coded_size(path: Path) -> tuple[int, int]:
    output = subprocess.run(  # noqa: S603
        ["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",  # noqa: S607
         "stream=width,height", "-of", "json", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    stream = json.loads(output)["streams"][0]
    return stream["width"], stream["height"]


def _hls(asset: MediaAsset) -> Path:
    return Path(default_storage.path(f"{asset.folder}/hls"))


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("recordings")
    five = media.video(folder, name="five.mp4", seconds=5)
    return {
        "silent_track": media.silent_track_video(folder),
        "faststart_cut": media.truncated(media.faststart(five, folder), folder),
        "loud_video": media.loud_dual_mono(folder),
        "loud_audio": media.loud_dual_mono(folder, video=False),
        "five": five,
        "portrait": media.video(folder, name="portrait.mp4", size="720x1280", seconds=1),
        "rotated": media.rotated(folder),
    }


# 1. Silence is a valid lesson sound; a cut-short file is damaged whatever its layout.


def test_a_video_whose_sound_is_silence_is_converted(made):
    asset = _processed(made["silent_track"])
    assert asset.status == MediaAsset.Status.TRANSCRIBING, asset.error_message
    assert {r.rung for r in asset.renditions.all()} == {"144p", "audio", "audio_opus"}
    audio = loudness.measure_output(Path(default_storage.path(asset.audio_download)))
    assert audio.integrated <= -70  # silent it stays: never amplified


def test_a_cut_short_upload_with_its_index_in_front_is_damaged(made):
    asset = _processed(made["faststart_cut"])
    assert (asset.status, asset.error_code) == (MediaAsset.Status.FAILED, "corrupt")
    assert not _hls(asset).exists()


# 2. True peak of what the learner downloads.


@pytest.mark.parametrize("clip", ["loud_video", "loud_audio"])
def test_loud_dual_mono_speech_stays_below_minus_one_dbtp_once_encoded(made, clip):
    asset = _processed(made[clip])
    assert asset.error_code == "", asset.error_message
    files = [asset.audio_download] + ([asset.download] if asset.download else [])
    for name in files:
        measured = loudness.measure_output(Path(default_storage.path(name)))
        assert measured.true_peak <= -1.0, (name, measured)
        assert measured.integrated == pytest.approx(-18, abs=3), (name, measured)


# 3. The master playlist says what the segments weigh.


def test_master_playlist_bandwidth_is_measured_on_a_clip_of_odd_length(made):
    asset = _processed(made["five"])
    master = _hls(asset) / "master.m3u8"
    variants = {v.uri.split("/")[0]: v.attributes for v in hls.read_master_playlist(master)}
    assert set(variants) == {"144p", "240p", "360p", "audio", "audio_opus"}
    for name, attributes in variants.items():
        playlist = hls.read_media_playlist(_hls(asset) / name / "index.m3u8")
        whole = [size * 8 / seconds for size, seconds in playlist.segments if seconds >= 1.5]
        assert int(attributes["BANDWIDTH"]) <= 1.2 * max(whole), name
        assert int(attributes["BANDWIDTH"]) >= max(whole) * 0.99, name
        average = int(attributes["AVERAGE-BANDWIDTH"])
        assert average == pytest.approx(playlist.average_segment_bitrate, rel=0.01)
    assert int(variants["audio"]["BANDWIDTH"]) < int(variants["144p"]["BANDWIDTH"])
    assert int(variants["audio"]["BANDWIDTH"]) < 48_000
    assert int(variants["audio_opus"]["BANDWIDTH"]) < int(variants["audio"]["BANDWIDTH"])


# 5, 6. Rotated and portrait video: sized by the short side, sizes recorded as encoded.


def _assert_sizes_as_encoded(asset: MediaAsset, tmp_path: Path) -> dict:
    master = _hls(asset) / "master.m3u8"
    resolutions = {v.uri.split("/")[0]: v.attributes.get("RESOLUTION") for v in
                   hls.read_master_playlist(master)}  # fmt: skip
    sizes = {}
    for rendition in asset.renditions.filter(kind="video"):
        joined = _joined(_hls(asset) / rendition.rung / "index.m3u8", tmp_path / "joined.mp4")
        assert (rendition.width, rendition.height) == _coded_size(joined), rendition.rung
        assert resolutions[rendition.rung] == f"{rendition.width}x{rendition.height}"
        sizes[rendition.rung] = (rendition.width, rendition.height)
    return sizes


def test_a_portrait_video_gets_rungs_by_its_short_side(made, tmp_path):
    asset = _processed(made["portrait"])
    assert (asset.width, asset.height) == (720, 1280)
    sizes = _assert_sizes_as_encoded(asset, tmp_path)
    assert sizes["720p"] == (720, 1280)
    assert sizes["144p"] == (144, 256)
    assert sizes["240p"] == (240, 426)


def test_a_rotated_video_records_the_sizes_it_is_shown_at(made, tmp_path):
    asset = _processed(made["rotated"])
    assert (asset.width, asset.height) == (180, 320)
    sizes = _assert_sizes_as_encoded(asset, tmp_path)
    assert sizes == {"144p": (144, 256)}
    poster = Path(default_storage.path(asset.poster))
    width, height = _coded_size(poster)
    assert height > width
    MediaAsset.objects.filter(pk=asset.pk).update(status=MediaAsset.Status.READY)
    player = player_for(asset_id=asset.pk, language="en")
    assert (player.width, player.height) == (180, 320)
    html = render_to_string("media_pipeline/blocks/player.html", {"player": player, "value": {}})
    assert 'width="180" height="320"' in html


# 7. No stray folders; audio segments keep to the video's 2-second grid.


def test_no_stray_folders_and_audio_segments_keep_to_the_grid(made):
    asset = _processed(made["five"])
    folder = Path(default_storage.path(asset.folder))
    assert not (folder / "hls" / "%v").exists()
    assert not (folder / ".build").exists()
    frame = AAC_FRAME / AUDIO_RATE
    for name in ("audio", "144p"):
        playlist = hls.read_media_playlist(folder / "hls" / name / "index.m3u8")
        starts = [sum(playlist.durations[:i]) for i in range(len(playlist.durations))]
        for index, start in enumerate(starts):
            assert abs(start - 2 * index) <= frame + 1e-3, (name, starts)
        assert playlist.durations[-1] >= 0.5, (name, playlist.durations)
