"""The media pipeline's benchmark: `make bench` runs it after tests/bench/run.py.

For a generated 60-second 720p30 clip (``testsrc2`` with speech from espeak-ng, or a tone when
espeak-ng is missing: the output says which) it prints ``BENCH <name> <value> <unit>`` lines:

- ``media_ladder_speed``: the full ladder (every rung up to 720p + audio-only) in one ffmpeg
  process, as a multiple of real time (clip seconds / wall-clock seconds);
- ``media_single_vs_per_rung``: wall-clock of one process per rung (each decoding the source)
  divided by the single-decode run;
- ``media_bytes_per_minute_<rung>``: bytes per minute of each rendition, audio-only included;
- ``media_whisper_rtf``: whisper's real-time factor (processing seconds / audio seconds) with the
  configured model (``WHISPER_MODEL_DIR``/``WHISPER_MODEL``) on CPU, or on the GPU when torch sees
  one; without weights, a tiny random Whisper (same code path; the figure then measures the
  machinery, not a real model; the output says so).

Everything is written to a temporary folder removed at the end. Runs in about 2-3 minutes on
the 2-core machine.
"""

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.test")

import django  # noqa: E402

django.setup()

from media_pipeline import conf  # noqa: E402
from media_pipeline.av import hls, ladder  # noqa: E402
from media_pipeline.services.processing import audio_filter  # noqa: E402
from media_pipeline.tests import media  # noqa: E402
from media_pipeline.tests.tiny_whisper import TEST_DECODE_OPTIONS, make_tiny_whisper  # noqa: E402

SECONDS = 60


def bench(name: str, value: float, unit: str) -> None:
    print(f"BENCH {name} {value:.3f} {unit}", flush=True)


def make_clip(folder: Path) -> Path:
    wav, kind = media.speech_wav(folder, seconds=SECONDS)
    if kind.startswith("espeak"):  # one sentence is ~5 s: loop it over the minute
        looped = folder / "speech-60.wav"
        media._ffmpeg(
            "-stream_loop",
            "-1",
            "-i",
            str(wav.parent / "espeak.wav"),
            "-t",
            str(SECONDS),
            "-ar",
            "48000",
            str(looped),
        )
        wav = looped
    print(f"clip: {SECONDS} s 1280x720 30 fps testsrc2 with {kind}")
    clip = folder / "clip-720p.mp4"
    media._ffmpeg(
        "-f",
        "lavfi",
        "-i",
        f"testsrc2=size=1280x720:rate=30:duration={SECONDS}",
        "-i",
        str(wav),
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-crf",
        "18",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-b:a",
        "128k",
        "-t",
        str(SECONDS),
        str(clip),
    )
    return clip


def plan(rungs) -> ladder.Plan:
    return ladder.Plan(
        rungs=tuple(rungs),
        audio=True,
        audio_only_kbps=conf.get("AUDIO_ONLY_KBPS"),
        source_fps=30.0,
        segment_seconds=conf.get("SEGMENT_SECONDS"),
        preset=conf.get("X264_PRESET"),
    )


def run_ladder(clip: Path, folder: Path, audio: str) -> float:
    whole = plan(ladder.rungs_for(conf.ladder(), 720))
    started = time.monotonic()
    ladder.transcode(clip, whole, folder / "single", audio_filter=audio, duration=SECONDS)
    wall = time.monotonic() - started
    bench("media_ladder_speed", SECONDS / wall, "x_realtime")
    for name in ladder.variant_names(whole):
        playlist = hls.read_media_playlist(folder / "single" / name / "index.m3u8")
        bench(f"media_bytes_per_minute_{name}", playlist.size * 60 / playlist.duration, "bytes")
        bench(f"media_bitrate_{name}", playlist.bitrate / 1000, "kbit/s")
    return wall


def run_per_rung(clip: Path, folder: Path, audio: str) -> float:
    started = time.monotonic()
    for rung in conf.ladder():
        ladder.transcode(
            clip, plan([rung]), folder / rung.name, audio_filter=audio, duration=SECONDS
        )
    return time.monotonic() - started


def run_whisper(audio_file: Path, folder: Path) -> None:
    import torch

    from media_pipeline.speech.whisper_engine import WhisperEngine

    checkpoint = conf.whisper_checkpoint()
    overrides = {"WHISPER_DEVICE": "cuda" if torch.cuda.is_available() else "cpu"}
    if checkpoint and checkpoint.is_file():
        note = f"configured model {checkpoint.name}"
    else:
        make_tiny_whisper(folder / "whisper")
        overrides |= {
            "WHISPER_MODEL_DIR": str(folder / "whisper"),
            "WHISPER_MODEL": "tiny-random",
            "WHISPER_DECODE_OPTIONS": TEST_DECODE_OPTIONS,
        }
        note = "NO weights installed: tiny RANDOM Whisper (machinery only, not a real model)"
    from django.conf import settings

    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, **overrides}
    print(f"whisper: {note}, device {overrides['WHISPER_DEVICE']}")
    engine = WhisperEngine()
    engine.transcribe(audio_file, language_code="en")  # loads the model (not timed)
    started = time.monotonic()
    engine.transcribe(audio_file, language_code="en")
    bench("media_whisper_rtf", (time.monotonic() - started) / SECONDS, "x_audio_duration")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="media-bench-"))
    try:
        clip = make_clip(folder)
        audio = audio_filter(clip)
        single = run_ladder(clip, folder, audio)
        separate = run_per_rung(clip, folder / "per-rung", audio)
        bench("media_single_vs_per_rung", separate / single, "ratio")
        run_whisper(folder / "single" / "audio" / "index.m3u8", folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
