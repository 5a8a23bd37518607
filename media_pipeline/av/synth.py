"""Make media from nothing (demo content, fixtures): speech read by espeak-ng, and a short test
video carrying that speech (ffmpeg's lavfi sources). List arguments only."""

import shutil
from pathlib import Path

from .run import FFMPEG, run_tool

ESPEAK = "espeak-ng"


def speech_available() -> bool:
    """Whether espeak-ng is installed (Debian package ``espeak-ng``)."""
    return shutil.which(ESPEAK) is not None


def speech(text: str, *, voice: str, target: Path, words_per_minute: int = 140) -> Path:
    """``text`` read aloud by espeak-ng's ``voice`` (e.g. ``ar``), as a WAV file at ``target``."""
    run_tool(
        [ESPEAK, "-v", voice, "-s", str(words_per_minute), "-w", str(target), "--", text],
        timeout=120,
    )
    return target


def video_with_sound(sound: Path, *, target: Path, seconds: float, size: str = "640x360") -> Path:
    """A ``seconds`` long H.264 test-card video (moving ``testsrc2``) carrying ``sound``,
    padded with silence or cut to the same length."""
    run_tool(
        [
            FFMPEG,
            *("-hide_banner", "-nostdin", "-y", "-v", "error"),
            *("-f", "lavfi", "-i", f"testsrc2=size={size}:rate=25:duration={seconds}"),
            *("-i", str(sound)),
            *("-filter:a", f"apad,atrim=0:{seconds}"),
            *("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"),
            *("-c:a", "aac", "-b:a", "96k", "-t", str(seconds), str(target)),
        ],
        timeout=120,
    )
    return target
