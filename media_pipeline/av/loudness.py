"""EBU R128 loudness for phone speakers: downmix to mono first, measure, then a linear gain to
the target and a true-peak limiter with margin (docs/decisions/0027-media-ladder-first-playable.md).

Silence is a valid lesson sound: a track quieter than the measurement gate (−70 LUFS, loudnorm
prints ``-inf``) is passed through downmixed and unchanged, never amplified.
"""

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from .run import ffmpeg_output_text

JSON_BLOCK = re.compile(r"\{[^{}]*\"input_i\"[^{}]*\}", re.DOTALL)
SUMMARY_PEAK = re.compile(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS", re.DOTALL)
SUMMARY_I = re.compile(r"Integrated loudness:\s+I:\s+(-?[\d.]+|-inf) LUFS", re.DOTALL)
SILENCE_LUFS = -70.0  # the absolute gate of EBU R128: below it there is nothing to measure
MAX_GAIN_DB = 24.0  # more would mostly raise the noise of a far-away microphone
OVERSAMPLE = 192000  # the limiter works on 4× oversampled sound, so it sees the true peaks


@dataclass(frozen=True)
class Loudness:
    integrated: float  # LUFS; -99 for silence
    true_peak: float  # dBTP; -99 for silence
    lra: float  # LU
    threshold: float
    offset: float

    @property
    def silent(self) -> bool:
        return self.integrated <= SILENCE_LUFS


@dataclass(frozen=True)
class Target:
    integrated: float
    true_peak: float
    lra: float


def downmix_filter(channels: int) -> str:
    """Mono at 48 kHz, with the channels averaged: a dual-mono phone recording keeps its level
    (ffmpeg's default downmix adds 3 dB to it)."""
    if channels == 2:
        mix = "pan=mono|c0=0.5*c0+0.5*c1"
    elif channels > 2:
        weights = "+".join(f"{1 / channels:.4f}*c{index}" for index in range(channels))
        mix = f"pan=mono|c0={weights}"
    else:
        mix = "aformat=channel_layouts=mono"
    return f"{mix},aresample=48000"


def measure(path: Path, target: Target, *, channels: int = 1, stream: str = "a:0") -> Loudness:
    """Measure the loudness of ``path``'s audio as the learner will hear it: downmixed."""
    analysis = (
        f"{downmix_filter(channels)},"
        f"loudnorm=I={target.integrated}:TP={target.true_peak}:LRA={target.lra}:print_format=json"
    )
    text = ffmpeg_output_text(
        ["-i", str(path), "-vn", "-sn", "-map", f"0:{stream}", "-af", analysis, "-f", "null", "-"]
    )
    match = JSON_BLOCK.search(text)
    if not match:
        raise ValueError("loudnorm printed no measurement")
    values = json.loads(match.group(0))
    return Loudness(
        integrated=_number(values["input_i"]),
        true_peak=_number(values["input_tp"]),
        lra=_number(values["input_lra"]),
        threshold=_number(values["input_thresh"]),
        offset=_number(values["target_offset"]),
    )


def _number(value: str) -> float:
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        return -99.0  # "-inf" (silence) or "inf" (the offset of silence)
    return max(number, -99.0)


def normalise_filter(
    measured: Loudness, target: Target, *, channels: int = 1, limit_db: float | None = None
) -> str:
    """Downmix, a linear gain to the target loudness, then a true-peak limiter at ``limit_db``
    (default: the target peak, which leaves room for what low-rate AAC adds); mono, 48 kHz
    (what AAC-LC is fed)."""
    chain = [downmix_filter(channels)]
    if not measured.silent:
        gain = max(-MAX_GAIN_DB, min(MAX_GAIN_DB, target.integrated - measured.integrated))
        limit = max(0.0625, 10 ** ((target.true_peak if limit_db is None else limit_db) / 20))
        chain += [
            f"volume={gain:.2f}dB",
            f"aresample={OVERSAMPLE}",
            f"alimiter=limit={limit:.4f}:attack=2:release=60:level=false:latency=true",
            "aresample=48000",
        ]
    chain.append("aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=mono")
    return ",".join(chain)


@dataclass(frozen=True)
class Measured:
    integrated: float  # LUFS
    true_peak: float  # dBTP


def measure_output(path: Path) -> Measured:
    """Integrated loudness and true peak of a finished file (what the learner downloads)."""
    text = ffmpeg_output_text(
        ["-i", str(path), "-vn", "-map", "0:a:0", "-af", "ebur128=peak=true", "-f", "null", "-"]
    )
    summary = text[text.rfind("Summary:") :]
    peak, integrated = SUMMARY_PEAK.search(summary), SUMMARY_I.search(summary)
    if not peak or not integrated:
        raise ValueError("ebur128 printed no summary")
    return Measured(integrated=_number(integrated.group(1)), true_peak=_number(peak.group(1)))
