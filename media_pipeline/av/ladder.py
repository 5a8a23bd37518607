"""The HLS ladder: one ffmpeg process decodes the source once and a ``split`` filter feeds every
rung (docs/decisions/0005-media-ladder-single-decode.md)."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..conf import Rung
from .run import output_path, run_ffmpeg

AUDIO_ONLY = "audio"


@dataclass(frozen=True)
class Plan:
    """What one transcode makes: the video rungs (never above the source) and audio-only."""

    rungs: tuple[Rung, ...]
    audio: bool
    audio_only_kbps: int
    source_fps: float
    segment_seconds: int
    preset: str


def rungs_for(ladder: tuple[Rung, ...], source_height: int) -> tuple[Rung, ...]:
    """The rungs no higher than the source; a source below the lowest rung keeps its height."""
    fitting = tuple(rung for rung in ladder if rung.height <= source_height)
    if fitting or not ladder:
        return fitting
    lowest = ladder[0]
    even = max(2, source_height - source_height % 2)
    return (Rung(**{**lowest.__dict__, "height": even}),)


def variant_names(plan: Plan) -> list[str]:
    return [rung.name for rung in plan.rungs] + ([AUDIO_ONLY] if plan.audio else [])


def filter_graph(plan: Plan, audio_filter: str) -> str:
    parts = []
    count = len(plan.rungs)
    if count:
        parts.append(f"[0:v:0]split={count}" + "".join(f"[s{i}]" for i in range(count)))
    for index, rung in enumerate(plan.rungs):
        fps = min(plan.source_fps, rung.max_fps)
        parts.append(
            f"[s{index}]fps={fps:g},scale=-2:{rung.height}:flags=bicubic,"
            f"format=yuv420p,setsar=1[v{index}]"
        )
    if plan.audio:
        outputs = count + 1
        labels = "".join(f"[a{i}]" for i in range(outputs))
        parts.append(f"[0:a:0]{audio_filter},asplit={outputs}{labels}")
    return ";".join(parts)


def encoder_args(plan: Plan) -> list[str]:
    seconds = plan.segment_seconds
    args = ["-c:v", "libx264", "-preset", plan.preset, "-profile:v", "main"]
    args += ["-sc_threshold", "0", "-force_key_frames", f"expr:gte(t,n_forced*{seconds})"]
    for index, rung in enumerate(plan.rungs):
        args += ["-map", f"[v{index}]"]
        if plan.audio:
            args += ["-map", f"[a{index}]"]
        args += [
            f"-crf:v:{index}",
            str(rung.crf),
            f"-maxrate:v:{index}",
            f"{rung.maxrate_kbps}k",
            f"-bufsize:v:{index}",
            f"{rung.maxrate_kbps}k",
        ]
        if plan.audio:
            args += [f"-b:a:{index}", f"{rung.audio_kbps}k"]
    if plan.audio:
        last = len(plan.rungs)
        args += ["-map", f"[a{last}]", f"-b:a:{last}", f"{plan.audio_only_kbps}k"]
        args += ["-c:a", "aac", "-profile:a", "aac_low", "-ac", "1", "-ar", "48000"]
    return args


def stream_map(plan: Plan) -> str:
    entries = []
    for index, rung in enumerate(plan.rungs):
        audio = f",a:{index}" if plan.audio else ""
        entries.append(f"v:{index}{audio},name:{rung.name}")
    if plan.audio:
        entries.append(f"a:{len(plan.rungs)},name:{AUDIO_ONLY}")
    return " ".join(entries)


def hls_args(plan: Plan, hls_dir: Path) -> list[str]:
    return [
        "-f",
        "hls",
        "-hls_time",
        str(plan.segment_seconds),
        "-hls_playlist_type",
        "vod",
        "-hls_segment_type",
        "fmp4",
        "-hls_flags",
        "independent_segments",
        "-hls_fmp4_init_filename",
        "init.mp4",
        "-hls_segment_filename",
        output_path(hls_dir / "%v" / "seg_%03d.m4s"),
        "-master_pl_name",
        "master.m3u8",
        "-var_stream_map",
        stream_map(plan),
        str(hls_dir / "%v" / "index.m3u8"),
    ]


def ladder_command(source: Path, plan: Plan, hls_dir: Path, audio_filter: str) -> list[str]:
    """The ffmpeg arguments (without the program) of the whole ladder, in one process."""
    return [
        "-i",
        str(source),
        "-filter_complex",
        filter_graph(plan, audio_filter),
        *encoder_args(plan),
        *hls_args(plan, hls_dir),
    ]


def transcode(
    source: Path,
    plan: Plan,
    hls_dir: Path,
    *,
    audio_filter: str,
    duration: float,
    on_progress: Callable[[float], None] | None = None,
    timeout: float | None = None,
) -> None:
    run_ffmpeg(
        ladder_command(source, plan, hls_dir, audio_filter),
        duration=duration,
        on_progress=on_progress,
        timeout=timeout,
    )


def remux(playlist: Path, target: Path, *, timeout: float | None = None) -> None:
    """Copy a rendition's HLS segments into one progressive file (no re-encoding)."""
    args = ["-i", str(playlist), "-c", "copy", "-movflags", "+faststart", output_path(target)]
    run_ffmpeg(args, timeout=timeout)


def poster(source: Path, target: Path, *, at: float, height: int) -> None:
    args = ["-ss", f"{at:.2f}", "-i", str(source), "-frames:v", "1"]
    args += ["-vf", f"scale=-2:{height}", "-q:v", "4", output_path(target)]
    run_ffmpeg(args, timeout=120)


def audio_rendition(
    source: Path, hls_dir: Path, *, audio_filter: str, kbps: int, segment_seconds: int
) -> None:
    """An audio-only HLS rendition of ``source`` (used for voice-over tracks)."""
    args = ["-i", str(source), "-map", "0:a:0", "-af", audio_filter, "-c:a", "aac"]
    args += ["-profile:a", "aac_low", "-ac", "1", "-ar", "48000", "-b:a", f"{kbps}k"]
    args += ["-f", "hls", "-hls_time", str(segment_seconds), "-hls_playlist_type", "vod"]
    args += ["-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4"]
    args += ["-hls_segment_filename", output_path(hls_dir / "seg_%03d.m4s")]
    args += [str(hls_dir / "index.m3u8")]
    run_ffmpeg(args, timeout=60 * 60)
