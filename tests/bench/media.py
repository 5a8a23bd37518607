"""The media pipeline's benchmark: `make bench` runs it after tests/bench/run.py.

Inputs, generated (``testsrc2`` with speech from espeak-ng, or a tone when espeak-ng is missing:
the output says which): a 60-second 1280×720 30 fps lesson (landscape), a 720×1280 phone video
(portrait) and a 1280×720-coded video with 90° rotation metadata (rotated), 20 s each.

It runs the pipeline's own file work (``processing.outputs_build``: loudness measure, the first
run — audio-only and the lowest rung, its encoded sound checked — with the higher rungs at the
same time (docs/decisions/0046), master playlist, low MP4, poster) and prints
``BENCH <name> <value> <unit> load=<1-min load average>``:

- ``media_ladder_speed``: media seconds / wall-clock seconds of the whole build (landscape);
- ``media_ladder_cpu_seconds_per_minute``: CPU seconds (user + sys of all ffmpeg processes) per
  media minute, which the machine's other work changes far less than wall-clock time;
  ``media_ladder_ceiling`` is the speed it allows on an idle 2-core machine (2 × 60 / that);
- ``media_first_playable_share``: seconds from the start of processing (probe included) until
  audio-only and the lowest rung are published, as a share of the media's duration, its CPU
  seconds (loudness measure, the first run and its checks: the higher rungs' ffmpeg, still
  running then, is not counted), and ``..._share_idle_estimate`` (those CPU seconds on one core,
  the other being the higher rungs', as a share);
- per input, ``media_<input>_kbps_audio`` is the audio-only rendition (AAC) and
  ``media_<input>_kbps_audio_opus`` the lighter one (Opus, docs/decisions/0046), with its true
  peak (``..._audio_opus_true_peak``) and MB per minute of its sound-only file;
- per input: ``media_<input>_kbps_<rung>`` (measured on the segments, sound included),
  ``media_<input>_audio_lufs`` and ``media_<input>_audio_true_peak`` of the encoded audio-only
  file and of the low MP4's sound (``..._low_true_peak``);
- ``media_whisper_rtf``: whisper's real-time factor (processing seconds / audio seconds) with the
  configured model (``WHISPER_MODEL_DIR``/``WHISPER_MODEL``) on CPU, or on the GPU when torch sees
  one; without weights, a tiny random Whisper (same code path; the figure then measures the
  machinery, not a real model; the output says so).

The load average is printed with each figure: the machine may be shared. Everything is written
to a temporary folder removed at the end. Runs in about 2 minutes on an idle 2-core machine.
"""

import os
import resource
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

from media_pipeline.av import hls, ladder, loudness  # noqa: E402
from media_pipeline.av.probe import probe  # noqa: E402
from media_pipeline.services.processing import outputs_build  # noqa: E402
from media_pipeline.tests import media  # noqa: E402
from media_pipeline.tests.tiny_whisper import TEST_DECODE_OPTIONS, make_tiny_whisper  # noqa: E402

SECONDS = 60
IDLE_CORES = 2  # the goal's machine (issue 15): the ceiling is 2 x 60 / CPU seconds per minute
SHAPES = {"landscape": ("1280x720", 0, SECONDS), "portrait": ("720x1280", 0, 20),
          "rotated": ("1280x720", 90, 20)}  # fmt: skip


def bench(name: str, value: float, unit: str) -> None:
    load = os.getloadavg()[0]
    print(f"BENCH {name} {value:.3f} {unit} load={load:.2f}", flush=True)


def speech(folder: Path, seconds: int) -> Path:
    wav, kind = media.speech_wav(folder, seconds=5)
    looped = folder / f"speech-{seconds}.wav"
    source = wav.parent / "espeak.wav" if kind.startswith("espeak") else wav
    media._ffmpeg(
        "-stream_loop", "-1", "-i", str(source), "-t", str(seconds), "-ar", "48000", "-ac", "2",
        str(looped),
    )  # fmt: skip
    print(f"sound: {kind}, looped over {seconds} s, dual-mono stereo")
    return looped


def make_clip(folder: Path, name: str) -> Path:
    size, rotation, seconds = SHAPES[name]
    wav = speech(folder, seconds)
    clip = folder / f"{name}.mp4"
    coded = folder / f"{name}-coded.mp4" if rotation else clip
    media._ffmpeg(
        "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=30:duration={seconds}",
        "-i", str(wav), "-c:v", "libx264", "-preset", "ultrafast", "-crf", "18",
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-t", str(seconds), str(coded),
    )  # fmt: skip
    if rotation:  # the tag becomes a display matrix when the stream is copied
        media._ffmpeg(
            "-i", str(coded), "-c", "copy", "-metadata:s:v:0", f"rotate={rotation}", str(clip)
        )  # fmt: skip
    shown = probe(clip).video
    print(f"input {name}: {seconds} s, coded {size} 30 fps, rotation {rotation}, "
          f"shown {shown.width}x{shown.height}")  # fmt: skip
    return clip


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_input(name: str, clip: Path, folder: Path) -> None:
    target = folder / f"out-{name}"
    started, cpu = time.monotonic(), cpu_seconds()
    described = probe(clip)
    first = []

    def playable(plans) -> bool:
        first.append((time.monotonic() - started, cpu_seconds() - cpu))
        return True

    plans = outputs_build(clip, described, target, playable=playable)
    wall = time.monotonic() - started
    used = cpu_seconds() - cpu
    if name == "landscape":
        bench("media_ladder_speed", described.duration / wall, "x_realtime")
        per_minute = used * 60 / described.duration
        bench("media_ladder_cpu_seconds_per_minute", per_minute, "cpu_s")
        bench("media_ladder_ceiling", 60 * IDLE_CORES / per_minute, "x_realtime")
        seconds, first_cpu = first[0]
        bench("media_first_playable_share", seconds / described.duration, "of_duration")
        bench("media_first_playable_seconds", seconds, "s")
        bench("media_first_playable_cpu_seconds", first_cpu, "cpu_s")
        # On an idle machine the higher rungs' ffmpeg, running alongside (0046), takes about
        # one of the two cores: the first run has the other.
        idle = first_cpu / (IDLE_CORES / 2) / described.duration
        bench("media_first_playable_share_idle_estimate", idle, "of_duration")
    for plan in plans:
        for rung in plan.rungs:
            print(f"{name} {rung.name}: {rung.width}x{rung.height}")
        for variant in ladder.variant_names(plan):
            playlist = hls.read_media_playlist(target / "hls" / variant / "index.m3u8")
            bench(f"media_{name}_kbps_{variant}", playlist.average_segment_bitrate / 1000, "kbit/s")
    sound = loudness.measure_output(target / "download" / "audio.m4a")
    bench(f"media_{name}_audio_lufs", sound.integrated, "LUFS")
    bench(f"media_{name}_audio_true_peak", sound.true_peak, "dBTP")
    low = loudness.measure_output(target / "download" / "low.mp4")
    bench(f"media_{name}_low_true_peak", low.true_peak, "dBTP")
    opus = target / "download" / "audio_opus.m4a"
    if opus.exists():
        bench(f"media_{name}_audio_opus_true_peak", loudness.measure_output(opus).true_peak, "dBTP")
        per_minute = opus.stat().st_size * 60 / described.duration / 1e6
        bench(f"media_{name}_audio_opus_mb_per_minute", per_minute, "MB")


def run_whisper(audio_file: Path, folder: Path) -> None:
    import torch

    from media_pipeline import conf
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
    only = sys.argv[1:] or [*SHAPES, "whisper"]
    try:
        for name in SHAPES:
            if name in only:
                run_input(name, make_clip(folder, name), folder)
        if "whisper" in only and (folder / "out-landscape").exists():
            run_whisper(folder / "out-landscape" / "hls" / "audio" / "index.m3u8", folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
