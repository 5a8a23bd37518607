"""EBU R128 loudness: measure with ffmpeg's ``loudnorm``, then normalise linearly (two passes)."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .run import ffmpeg_output_text

JSON_BLOCK = re.compile(r"\{[^{}]*\"input_i\"[^{}]*\}", re.DOTALL)


@dataclass(frozen=True)
class Loudness:
    integrated: float  # LUFS
    true_peak: float  # dBTP
    lra: float  # LU
    threshold: float
    offset: float


@dataclass(frozen=True)
class Target:
    integrated: float
    true_peak: float
    lra: float


def measure(path: Path, target: Target, *, stream: str = "a:0") -> Loudness:
    """Measure the loudness of ``path``'s audio (first pass of loudnorm)."""
    analysis = (
        f"loudnorm=I={target.integrated}:TP={target.true_peak}:LRA={target.lra}:print_format=json"
    )
    text = ffmpeg_output_text(
        ["-i", str(path), "-map", f"0:{stream}", "-af", analysis, "-f", "null", "-"]
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
    return max(number, -99.0) if number == number else -99.0  # "-inf" for silence


def normalise_filter(measured: Loudness, target: Target) -> str:
    """The second pass: a linear gain to the target, mono, 48 kHz (what AAC-LC is fed)."""
    return (
        f"loudnorm=I={target.integrated}:TP={target.true_peak}:LRA={target.lra}"
        f":measured_I={measured.integrated}:measured_TP={measured.true_peak}"
        f":measured_LRA={measured.lra}:measured_thresh={measured.threshold}"
        f":offset={measured.offset}:linear=true,"
        "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=mono"
    )
