"""ffprobe: what a file holds, and whether the pipeline accepts it."""

import json
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from ..error_codes import MediaError, MediaErrorCode
from .run import FFPROBE, ToolError, run_tool

IMAGE_CODECS = {"png", "mjpeg", "bmp", "gif", "webp", "tiff", "jpeg2000"}
MP4_BOXES = {b"ftyp", b"moov", b"mdat", b"free", b"wide", b"skip"}
OTHER_MAGIC = (b"\x1a\x45\xdf\xa3", b"RIFF", b"OggS", b"ID3", b"fLaC")
CORRUPT_HINTS = ("moov atom not found", "truncat", "corrupt", "end of file", "invalid nal")


@dataclass(frozen=True)
class VideoStream:
    """A video stream; ``width`` and ``height`` are as shown, rotation metadata applied."""

    codec: str
    width: int
    height: int
    fps: float
    rotation: int = 0  # degrees, a multiple of 90, as the display matrix says

    @property
    def short_side(self) -> int:
        return min(self.width, self.height)


@dataclass(frozen=True)
class AudioStream:
    codec: str
    channels: int
    sample_rate: int


@dataclass(frozen=True)
class Probe:
    duration: float
    size: int
    video: VideoStream | None
    audio: AudioStream | None
    container: str = ""  # ffprobe's format name: "wav", "matroska,webm", "mov,mp4,m4a,3gp,…"


def probe(path: Path, *, timeout: float = 120) -> Probe:
    """Describe ``path``; raise MediaError when it is not a media file we can read."""
    size = path.stat().st_size
    if size == 0:
        raise MediaError(MediaErrorCode.EMPTY_FILE)
    if _mp4_is_cut_short(path, size):
        raise MediaError(MediaErrorCode.CORRUPT)
    args = [FFPROBE, "-v", "error", "-print_format", "json", "-show_format", "-show_streams"]
    try:
        data = json.loads(run_tool([*args, str(path)], timeout=timeout).stdout)
    except ToolError as error:
        damaged = _has_media_header(path) and any(
            hint in error.stderr.lower() for hint in CORRUPT_HINTS
        )
        code = MediaErrorCode.CORRUPT if damaged else MediaErrorCode.NOT_MEDIA
        raise MediaError(code) from error
    return _describe(data, size)


def _has_media_header(path: Path) -> bool:
    """Whether the file starts like a media container (an ISO/MP4 box, Matroska, RIFF, Ogg)."""
    with path.open("rb") as handle:
        head = handle.read(12)
    return head[4:8] in MP4_BOXES or head.startswith(OTHER_MAGIC)


def _mp4_is_cut_short(path: Path, size: int) -> bool:
    """Whether an MP4's top-level boxes run past the end of the file: an upload cut short. With
    the index at the front (``faststart``) ffprobe reads such a file without complaint, and only
    the decoder would fail at the missing end."""
    offset = 0
    with path.open("rb") as handle:
        head = handle.read(12)
        if head[4:8] != b"ftyp":
            return False
        while offset < size:
            handle.seek(offset)
            header = handle.read(16)
            if len(header) < 8:
                return True
            box_size = int.from_bytes(header[:4], "big")
            if box_size == 1:  # a 64-bit size follows the type
                if len(header) < 16:
                    return True
                box_size = int.from_bytes(header[8:16], "big")
            elif box_size == 0:  # the box runs to the end of the file
                return False
            if box_size < 8:
                return True
            offset += box_size
    return offset > size


def _describe(data: dict, size: int) -> Probe:
    streams = data.get("streams", [])
    video = next((_video(s) for s in streams if _is_video(s)), None)
    audio = next((_audio(s) for s in streams if s.get("codec_type") == "audio"), None)
    if video is None and audio is None:
        raise MediaError(MediaErrorCode.NO_USABLE_STREAM)
    for stream in (video, audio):
        if stream is not None and stream.codec in {"", "none", "unknown"}:
            raise MediaError(MediaErrorCode.UNSUPPORTED_CODEC)
    duration = float(data.get("format", {}).get("duration") or 0)
    if duration <= 0:
        raise MediaError(MediaErrorCode.CORRUPT)
    container = str(data.get("format", {}).get("format_name") or "")
    return Probe(duration=duration, size=size, video=video, audio=audio, container=container)


def _is_video(stream: dict) -> bool:
    attached = stream.get("disposition", {}).get("attached_pic")
    return (
        stream.get("codec_type") == "video"
        and not attached
        and stream.get("codec_name") not in IMAGE_CODECS
    )


def _video(stream: dict) -> VideoStream:
    rate = stream.get("avg_frame_rate") or stream.get("r_frame_rate") or "0/1"
    fps = float(Fraction(rate)) if rate not in {"0/0", ""} else 0.0
    width, height = int(stream.get("width") or 0), int(stream.get("height") or 0)
    rotation = _rotation(stream)
    if rotation % 180:
        width, height = height, width  # ffmpeg turns the picture upright when it decodes
    return VideoStream(
        codec=stream.get("codec_name", ""),
        width=width,
        height=height,
        fps=fps or 25.0,
        rotation=rotation,
    )


def _rotation(stream: dict) -> int:
    """The display rotation in degrees (0, 90, 180, 270), from the display matrix or the older
    ``rotate`` tag."""
    for side_data in stream.get("side_data_list") or []:
        if "rotation" in side_data:
            return round(float(side_data["rotation"]) / 90) * 90 % 360
    tag = (stream.get("tags") or {}).get("rotate")
    try:
        return round(float(tag) / 90) * 90 % 360 if tag else 0
    except ValueError:
        return 0


def _audio(stream: dict) -> AudioStream:
    return AudioStream(
        codec=stream.get("codec_name", ""),
        channels=int(stream.get("channels") or 0),
        sample_rate=int(stream.get("sample_rate") or 0),
    )


def validate(result: Probe, *, max_bytes: int, max_seconds: float) -> None:
    """Raise MediaError when ``result`` is beyond the limits in settings."""
    if result.size > max_bytes:
        raise MediaError(
            MediaErrorCode.TOO_LARGE,
            size=result.size // 1024**2,
            limit=max_bytes // 1024**2,
        )
    if result.duration > max_seconds:
        raise MediaError(
            MediaErrorCode.TOO_LONG,
            duration=round(result.duration / 60),
            limit=round(max_seconds / 60),
        )
    if result.video is not None and (result.video.width <= 0 or result.video.height <= 0):
        raise MediaError(MediaErrorCode.UNSUPPORTED_CODEC)
