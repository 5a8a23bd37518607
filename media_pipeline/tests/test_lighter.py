"""The lighter ladder (docs/decisions/0045): the 240p rung at most 120 kbit/s with its sound, at
SSIM >= 0.97 against the source, measured on the bytes written."""

import re
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from media_pipeline.av import hls, ladder
from media_pipeline.av.probe import probe
from media_pipeline.services.processing import audio_filter, plan_for

from . import media


def ssim(encoded: Path, source: Path, *, width: int, height: int) -> float:
    """Mean SSIM (all planes) of ``encoded`` against ``source`` scaled to its size, frame by
    frame (both numbered from zero: the encoder's start offset does not shift the pairs)."""
    graph = (
        f"[1:v]scale={width}:{height}:flags=bicubic,format=yuv420p,setpts=N/30/TB[ref];"
        "[0:v]format=yuv420p,setpts=N/30/TB[enc];[enc][ref]ssim"
    )
    args = ["-hide_banner", "-nostdin", "-i", str(encoded), "-i", str(source), "-lavfi", graph]
    output = subprocess.run(  # noqa: S603
        ["ffmpeg", *args, "-f", "null", "-"],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    return float(re.search(r"All:([0-9.]+)", output).group(1))


@pytest.fixture(scope="module")
def lesson(tmp_path_factory):
    """Six seconds of a lesson-like 854 x 480 video with speech: three 2-second segments."""
    folder = tmp_path_factory.mktemp("lesson")
    return media.video(folder, name="lesson.mp4", size="854x480", seconds=6)


def test_240p_rung_is_at_most_120_kbits_with_its_sound_at_ssim_097(lesson, tmp_path):
    described = probe(lesson)
    plan = plan_for(described)
    rung = next(rung for rung in plan.rungs if rung.name == "240p")
    only_240p = replace(plan, rungs=(rung,), audio_only=False)
    hls_dir = tmp_path / "hls"
    ladder.transcode(
        lesson,
        only_240p,
        hls_dir,
        audio_filter=audio_filter(lesson, channels=described.audio.channels),
        duration=described.duration,
    )
    playlist = hls.read_media_playlist(hls_dir / "240p" / "index.m3u8")
    # Bytes on disk of the media segments (picture and sound) over their duration.
    assert playlist.average_segment_bitrate <= 120_000, playlist.average_segment_bitrate
    joined = tmp_path / "240p.mp4"
    joined.write_bytes(b"".join(file.read_bytes() for file in playlist.files))
    assert ssim(joined, lesson, width=rung.width, height=rung.height) >= 0.97
