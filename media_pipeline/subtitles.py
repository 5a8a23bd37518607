"""WebVTT and SRT: parse, validate, write, and split speech into cues that fit a phone screen."""

import re
import textwrap
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

TIMESTAMP = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})")
TIMING = re.compile(rf"^\s*({TIMESTAMP.pattern})\s*-->\s*({TIMESTAMP.pattern})")


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str


def parse_timestamp(text: str) -> float:
    """``01:02.500``, ``00:01:02.500`` or ``00:01:02,500`` in seconds; ValueError if not."""
    if not TIMESTAMP.fullmatch(text.strip()):
        raise ValueError(text)
    return _seconds(text)


def _seconds(text: str) -> float:
    hours, minutes, seconds, millis = TIMESTAMP.fullmatch(text.strip()).groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def format_timestamp(seconds: float) -> str:
    millis = round(max(seconds, 0) * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def parse(text: str) -> list[Cue]:
    """Parse WebVTT or SRT; raise ValidationError (code ``invalid_subtitles``) if neither."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks = [block for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    if blocks and blocks[0].startswith("WEBVTT"):
        blocks = blocks[1:]
    cues = [cue for block in blocks if (cue := _parse_block(block)) is not None]
    if not cues:
        raise ValidationError(
            _("This is not a WebVTT or SRT subtitle file: no cue found."),
            code="invalid_subtitles",
        )
    validate(cues)
    return cues


def _parse_block(block: str) -> Cue | None:
    lines = block.split("\n")
    if lines[0].startswith(("NOTE", "STYLE", "REGION")):
        return None
    index = next((i for i, line in enumerate(lines[:2]) if "-->" in line), None)
    match = TIMING.match(lines[index]) if index is not None else None
    if match is None:
        raise ValidationError(
            _("This subtitle block has no valid timing: %(block)s"),
            code="invalid_subtitles",
            params={"block": block[:80]},
        )
    start, end = _seconds(match.group(1)), _seconds(match.group(6))
    return Cue(start=start, end=end, text="\n".join(lines[index + 1 :]).strip())


def validate(cues: list[Cue]) -> None:
    for number, cue in enumerate(cues, start=1):
        if cue.end <= cue.start:
            raise ValidationError(
                _("Cue %(number)s ends before it starts."),
                code="cue_timing",
                params={"number": number},
            )
        if not cue.text.strip():
            raise ValidationError(
                _("Cue %(number)s has no text."), code="cue_empty", params={"number": number}
            )


def to_vtt(cues: list[Cue]) -> str:
    blocks = ["WEBVTT"]
    for cue in sorted(cues, key=lambda c: (c.start, c.end)):
        blocks.append(f"{format_timestamp(cue.start)} --> {format_timestamp(cue.end)}\n{cue.text}")
    return "\n\n".join(blocks) + "\n"


def split_segment(
    start: float, end: float, text: str, *, line_chars: int = 42, max_lines: int = 2
) -> list[Cue]:
    """Cut one stretch of speech into cues of at most ``max_lines`` lines of ``line_chars``,
    sharing its time in proportion to the characters of each cue."""
    lines = textwrap.wrap(" ".join(text.split()), width=line_chars, break_long_words=True)
    if not lines or end <= start:
        return []
    groups = [lines[i : i + max_lines] for i in range(0, len(lines), max_lines)]
    total = sum(len(" ".join(group)) for group in groups)
    cues, position = [], start
    for group in groups:
        share = (end - start) * len(" ".join(group)) / total
        cues.append(Cue(start=position, end=min(end, position + share), text="\n".join(group)))
        position += share
    return cues
