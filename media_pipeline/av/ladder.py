"""The HLS ladder: one ffmpeg process decodes the source once and a ``split`` filter feeds every
rung it makes (docs/decisions/0005-media-ladder-single-decode.md). The pipeline runs it twice:
first the audio-only rendition and the lowest rung (playable within seconds), then the higher
rungs (docs/decisions/0027-media-ladder-first-playable.md)."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..conf import Rung
from .run import Stop, output_path, run_ffmpeg

AUDIO_ONLY = "audio"
AUDIO_OPUS = "audio_opus"  # the lighter audio-only rendition, for players of Opus in fMP4 (0046)
AAC_FRAME = 1024  # samples per AAC-LC frame
AUDIO_RATE = 48000
REFERENCE_ASPECT = 16 / 9  # the rungs' bitrates in settings are for 16:9 pictures


@dataclass(frozen=True)
class Plan:
    """What one ffmpeg run makes: video rungs (already sized) and, maybe, audio-only."""

    rungs: tuple[Rung, ...]
    audio: bool
    audio_only_kbps: int
    source_fps: float
    segment_seconds: int
    preset: str
    audio_only: bool = True  # whether this run also makes the audio-only rendition(s)
    master_name: str = "master.m3u8"
    opus_kbps: int = 0  # the Opus audio-only rendition's bitrate; 0: none

    def split(self) -> tuple["Plan", "Plan | None"]:
        """The first run (audio-only and the lowest rung) and the run of the higher rungs."""
        first = replace(self, rungs=self.rungs[:1], master_name="master-first.m3u8")
        if len(self.rungs) <= 1:
            return first, None
        rest = replace(self, rungs=self.rungs[1:], audio_only=False, master_name="master-rest.m3u8")
        return first, rest


def _even(value: float) -> int:
    """``value`` rounded half up to an even number, at least 2."""
    return max(2, int(value / 2 + 0.5) * 2)


def rung_size(rung: Rung, width: int, height: int) -> tuple[int, int]:
    """The picture of ``rung`` for a ``width`` × ``height`` picture: its short side is the rung's
    ``height`` (a portrait 720 × 1280 video gets 720 × 1280 at 720p, not 406 × 720)."""
    short = rung.height
    if width >= height:
        return _even(short * width / height), short
    return short, _even(short * height / width)


def rungs_for(ladder: tuple[Rung, ...], width: int, height: int) -> tuple[Rung, ...]:
    """The rungs whose short side is no larger than the source's, sized to its shape, with a
    bitrate cap that follows the pixel count; a source below the lowest rung keeps its size."""
    source_short = min(width, height)
    fitting = [rung for rung in ladder if rung.height <= source_short]
    if not fitting and ladder:
        fitting = [replace(ladder[0], height=max(2, source_short - source_short % 2))]
    sized = []
    for rung in fitting:
        rung_width, rung_height = rung_size(rung, width, height)
        area = rung_width * rung_height / (rung.height * rung.height * REFERENCE_ASPECT)
        maxrate = max(16, round(rung.maxrate_kbps * min(1.0, area)))
        sized.append(replace(rung, width=rung_width, height=rung_height, maxrate_kbps=maxrate))
    return tuple(sized)


def variant_names(plan: Plan) -> list[str]:
    return [rung.name for rung in plan.rungs] + audio_only_names(plan)


def audio_only_names(plan: Plan) -> list[str]:
    """The audio-only renditions of this run: AAC, then Opus where asked for."""
    if not has_audio_only(plan):
        return []
    return [AUDIO_ONLY] + ([AUDIO_OPUS] if plan.opus_kbps else [])


def has_audio_only(plan: Plan) -> bool:
    return plan.audio and plan.audio_only


def audio_end_sample(duration: float) -> int:
    """The last sample of the audio: a whole number of AAC frames, no later than the picture,
    so that no rendition ends on a sliver of a segment (one frame: 21 ms, at 8 MB/s)."""
    return max(AAC_FRAME, int(duration * AUDIO_RATE) // AAC_FRAME * AAC_FRAME)


def filter_graph(plan: Plan, audio_filter: str, *, duration: float = 0.0) -> str:
    """Decode once; each rung is scaled from the rung above it (smaller pictures scale faster,
    and the source is scaled only once)."""
    parts = []
    count = len(plan.rungs)
    fps = [min(plan.source_fps, rung.max_fps) for rung in plan.rungs]
    previous = "[0:v:0]"
    for index in reversed(range(count)):
        rung = plan.rungs[index]
        scaled = f"[c{index}]"
        parts.append(
            f"{previous}scale={rung.width}:{rung.height}:flags=bicubic,"
            f"format=yuv420p,setsar=1{scaled}"
        )
        if index > 0:
            parts.append(f"{scaled}split=2[t{index}][n{index}]")
            top, previous = f"[t{index}]", f"[n{index}]"
        else:
            top = scaled
        parts.append(f"{top}fps={fps[index]:g}[v{index}]")
    if plan.audio:
        outputs = count + len(audio_only_names(plan))
        trim = f",atrim=end_sample={audio_end_sample(duration)}" if duration else ""
        labels = "".join(f"[a{i}]" for i in range(outputs))
        parts.append(f"[0:a:0]{audio_filter}{trim},asplit={outputs}{labels}")
    return ";".join(parts)


def encoder_args(plan: Plan) -> list[str]:
    seconds = plan.segment_seconds
    args = ["-c:v", "libx264", "-preset", plan.preset, "-profile:v", "main"]
    args += ["-sc_threshold", "0", "-force_key_frames", f"expr:gte(t,n_forced*{seconds})"]
    # No shift of the timestamps by the encoder delay (which depends on the frame rate and on
    # which rungs share a run): key frames of every rung, from either run, fall at 0, 2, 4… s.
    args += ["-avoid_negative_ts", "disabled"]
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
        if rung.preset:
            args += [f"-preset:v:{index}", rung.preset]
        if rung.x264_params:
            args += [f"-x264-params:v:{index}", rung.x264_params]
        if plan.audio:
            args += [f"-b:a:{index}", f"{rung.audio_kbps}k"]
            if rung.aac_coder:
                args += [f"-aac_coder:a:{index}", rung.aac_coder]
    return args + audio_only_args(plan)


def audio_only_args(plan: Plan) -> list[str]:
    """The audio-only renditions, and the AAC settings of every AAC track (Opus has its own)."""
    if not plan.audio:
        return []
    args = []
    aac_tracks = len(plan.rungs)
    if has_audio_only(plan):
        args += ["-map", f"[a{aac_tracks}]", f"-b:a:{aac_tracks}", f"{plan.audio_only_kbps}k"]
        aac_tracks += 1
    args += ["-c:a", "aac", "-ac", "1", "-ar", str(AUDIO_RATE)]
    for index in range(aac_tracks):
        args += [f"-profile:a:{index}", "aac_low"]
    if AUDIO_OPUS in audio_only_names(plan):
        args += opus_args(aac_tracks, plan.opus_kbps)
    return args


def opus_args(index: int, kbps: int) -> list[str]:
    """The Opus audio-only rendition: mono 48 kHz, variable bitrate, 20 ms frames; the
    ``audio`` application (lessons hold music and noise as well as voices)."""
    return ["-map", f"[a{index}]", f"-c:a:{index}", "libopus", f"-b:a:{index}", f"{kbps}k"]


def stream_map(plan: Plan) -> str:
    entries = []
    for index, rung in enumerate(plan.rungs):
        audio = f",a:{index}" if plan.audio else ""
        entries.append(f"v:{index}{audio},name:{rung.name}")
    for offset, name in enumerate(audio_only_names(plan)):
        entries.append(f"a:{len(plan.rungs) + offset},name:{name}")
    return " ".join(entries)


def hls_args(plan: Plan, hls_dir: Path) -> list[str]:
    for name in variant_names(plan):  # no literal "%v" folder: each rendition's own
        (hls_dir / name).mkdir(parents=True, exist_ok=True)
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
        str(hls_dir / "%v" / "seg_%03d.m4s"),
        "-master_pl_name",
        plan.master_name,
        "-var_stream_map",
        stream_map(plan),
        str(hls_dir / "%v" / "index.m3u8"),
    ]


def ladder_command(
    source: Path, plan: Plan, hls_dir: Path, audio_filter: str, *, duration: float = 0.0
) -> list[str]:
    """The ffmpeg arguments (without the program) of one run of the ladder."""
    return [
        "-i",
        str(source),
        "-filter_complex",
        filter_graph(plan, audio_filter, duration=duration),
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
    stop: Stop | None = None,
    niceness: int = 0,
) -> None:
    run_ffmpeg(
        ladder_command(source, plan, hls_dir, audio_filter, duration=duration),
        duration=duration,
        on_progress=on_progress,
        timeout=timeout,
        stop=stop,
        niceness=niceness,
    )


def remux(playlist: Path, target: Path, *, timeout: float | None = None) -> None:
    """Copy a rendition's HLS segments into one progressive file (no re-encoding); MP4 whatever
    the name (ffmpeg's ``.m4a`` muxer refuses Opus)."""
    args = ["-i", str(playlist), "-c", "copy", "-movflags", "+faststart", "-f", "mp4"]
    args += [output_path(target)]
    run_ffmpeg(args, timeout=timeout)


def poster(source: Path, target: Path, *, at: float, width: int, height: int) -> None:
    args = ["-ss", f"{at:.2f}", "-i", str(source), "-frames:v", "1"]
    args += ["-vf", f"scale={width}:{height}", "-q:v", "4", output_path(target)]
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
