"""Tiny media made on the fly for the tests: a few seconds of ``testsrc2`` with speech from
espeak-ng (a tone when espeak-ng is missing), and the bad files the pipeline must refuse."""

import shutil
import subprocess
from pathlib import Path

SENTENCE = "Welcome to the cooperative academy. Today we learn how to found a cooperative."


def _ffmpeg(*args: str) -> None:
    subprocess.run(  # noqa: S603
        ["ffmpeg", "-hide_banner", "-nostdin", "-y", "-v", "error", *args],  # noqa: S607
        check=True,
    )


def speech_wav(folder: Path, *, seconds: float = 4) -> tuple[Path, str]:
    """A speech recording (espeak-ng) or a tone; returns the file and which it is."""
    target = folder / "speech.wav"
    if shutil.which("espeak-ng"):
        raw = folder / "espeak.wav"
        subprocess.run(  # noqa: S603
            ["espeak-ng", "-v", "en", "-s", "150", "-w", str(raw), SENTENCE],  # noqa: S607
            check=True,
        )
        _ffmpeg("-i", str(raw), "-af", f"apad,atrim=0:{seconds}", "-ar", "48000", str(target))
        return target, "espeak-ng speech"
    _ffmpeg("-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", str(target))
    return target, "a 440 Hz tone"


def video(
    folder: Path,
    *,
    name: str = "clip.mp4",
    size: str = "640x360",
    rate: int = 30,
    seconds: float = 4,
    audio: bool = True,
) -> Path:
    target = folder / name
    args = ["-f", "lavfi", "-i", f"testsrc2=size={size}:rate={rate}:duration={seconds}"]
    if audio:
        wav, _kind = speech_wav(folder, seconds=seconds)
        args += ["-i", str(wav), "-c:a", "aac", "-b:a", "96k", "-ac", "2"]
    args += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-t", str(seconds)]
    _ffmpeg(*args, str(target))
    return target


def audio(folder: Path, *, name: str = "talk.m4a", seconds: float = 4) -> Path:
    wav, _kind = speech_wav(folder, seconds=seconds)
    target = folder / name
    _ffmpeg("-i", str(wav), "-c:a", "aac", "-b:a", "64k", str(target))
    return target


def truncated(source: Path, folder: Path) -> Path:
    """The first half of an MP4 whose index is at the end: as a dropped upload leaves it."""
    target = folder / "truncated.mp4"
    data = source.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def text_as_mp4(folder: Path) -> Path:
    target = folder / "notes.mp4"
    target.write_text("These are meeting notes, not a video.\n" * 20)
    return target


def empty(folder: Path) -> Path:
    target = folder / "empty.mp4"
    target.write_bytes(b"")
    return target


def silent_track_video(folder: Path, *, seconds: float = 3) -> Path:
    """A video whose sound track holds only silence (a muted phone recording)."""
    target = folder / "silent-track.mp4"
    _ffmpeg(
        "-f", "lavfi", "-i", f"testsrc2=size=320x180:rate=30:duration={seconds}",
        "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-t", str(seconds), str(target),
    )  # fmt: skip
    return target


def faststart(source: Path, folder: Path) -> Path:
    """``source`` with its index moved to the front, as phones and editors write it."""
    target = folder / f"faststart-{source.name}"
    _ffmpeg("-i", str(source), "-c", "copy", "-movflags", "+faststart", str(target))
    return target


def loud_dual_mono(folder: Path, *, seconds: float = 5, video: bool = True) -> Path:
    """Quiet speech with sharp clicks peaking near 0 dBFS (a microphone knocked, a door), in two
    identical channels (a phone's "stereo"): the hard case for true peak, where the gain that
    brings the speech to the target pushes the clicks over, and low-rate AAC adds more."""
    wav, _kind = speech_wav(folder, seconds=seconds)
    loud = folder / "loud.wav"
    clicks = "if(lt(mod(t,0.7),0.002),0.99*sin(2*PI*3000*t),0)"
    _ffmpeg(
        "-i", str(wav), "-f", "lavfi", "-i", f"aevalsrc='{clicks}':s=22050:d={seconds}",
        "-filter_complex", "[0:a]volume=-6dB[s];[s][1:a]amix=inputs=2:normalize=0",
        "-ar", "48000", str(loud),
    )  # fmt: skip
    target = folder / ("loud.mp4" if video else "loud.m4a")
    args = []
    if video:
        args += ["-f", "lavfi", "-i", f"testsrc2=size=320x180:rate=30:duration={seconds}"]
    args += ["-i", str(loud), "-ac", "2", "-c:a", "aac", "-b:a", "160k", "-ar", "48000"]
    if video:
        args += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
    _ffmpeg(*args, "-t", str(seconds), str(target))
    return target


def rotated(folder: Path, *, size: str = "320x180", seconds: float = 2) -> Path:
    """A landscape-coded video with rotation metadata: shown portrait."""
    plain = video(folder, name="coded-landscape.mp4", size=size, seconds=seconds)
    target = folder / "rotated.mp4"
    _ffmpeg("-i", str(plain), "-c", "copy", "-metadata:s:v:0", "rotate=90", str(target))
    return target
