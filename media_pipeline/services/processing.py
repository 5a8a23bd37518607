"""Probe, validate and transcode one asset. Nothing here holds a transaction while ffmpeg runs."""

import logging
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from .. import conf
from ..av import hls, ladder, loudness
from ..av.probe import Probe, probe, validate
from ..av.run import ToolError
from ..error_codes import MediaError, MediaErrorCode
from ..models import MediaAsset, Rendition
from . import enqueue
from .assets import advance, claim, fail
from .master_audio import master_playlist_voice_overs_sync

logger = logging.getLogger(__name__)
Status = MediaAsset.Status
POSTER_HEIGHT = 360
BUILD = ".build"


@dataclass(frozen=True)
class Output:
    rung: str
    kind: str
    width: int | None
    height: int | None
    bitrate: int
    size: int
    playlist: str


def asset_process(*, asset_id: int) -> None:
    """The media-cpu stage: uploaded → probing → transcoding → transcribing (or ready/failed)."""
    asset = claim(asset_id=asset_id, status=Status.UPLOADED, to_status=Status.PROBING)
    if asset is None:
        return  # taken by another worker, or nothing to do
    try:
        described = _probe(asset)
        if not advance(asset, status=Status.TRANSCODING, progress=5, **_probe_fields(described)):
            return
        outputs = _transcode(asset, described)
        _finish(asset, outputs, described)
    except MediaError as error:
        fail(asset, error)
    except ToolError as error:
        logger.warning("Transcoding asset %s failed: %s", asset.pk, error)
        fail(asset, MediaError(MediaErrorCode.TRANSCODE_FAILED, detail=error.stderr[-300:]))


def folder(asset: MediaAsset) -> Path:
    return Path(default_storage.path(asset.folder))


def _probe(asset: MediaAsset) -> Probe:
    if not asset.original or not default_storage.exists(asset.original.name):
        raise MediaError(MediaErrorCode.MISSING_ORIGINAL)
    described = probe(Path(asset.original.path))
    validate(
        described,
        max_bytes=conf.get("MAX_UPLOAD_BYTES"),
        max_seconds=conf.get("MAX_DURATION_SECONDS"),
    )
    return described


def _probe_fields(described: Probe) -> dict:
    video = described.video
    return {
        "kind": MediaAsset.Kind.VIDEO if video else MediaAsset.Kind.AUDIO,
        "duration": described.duration,
        "width": video.width if video else None,
        "height": video.height if video else None,
        "has_audio": described.audio is not None,
    }


def _plan(described: Probe) -> ladder.Plan:
    video = described.video
    return ladder.Plan(
        rungs=ladder.rungs_for(conf.ladder(), video.height) if video else (),
        audio=described.audio is not None,
        audio_only_kbps=conf.get("AUDIO_ONLY_KBPS"),
        source_fps=video.fps if video else 25.0,
        segment_seconds=conf.get("SEGMENT_SECONDS"),
        preset=conf.get("X264_PRESET"),
    )


def loudness_target() -> loudness.Target:
    return loudness.Target(
        integrated=conf.get("LOUDNESS_I"),
        true_peak=conf.get("LOUDNESS_TP"),
        lra=conf.get("LOUDNESS_LRA"),
    )


def audio_filter(source: Path) -> str:
    target = loudness_target()
    return loudness.normalise_filter(loudness.measure(source, target), target)


def _transcode(asset: MediaAsset, described: Probe) -> list[Output]:
    """Write every output under ``media/<uuid>/.build``, then swap it in (a rerun overwrites)."""
    source, build = Path(asset.original.path), folder(asset) / BUILD
    shutil.rmtree(build, ignore_errors=True)
    plan = _plan(described)
    audio = audio_filter(source) if plan.audio else ""
    ladder.transcode(
        source,
        plan,
        build / "hls",
        audio_filter=audio,
        duration=described.duration,
        on_progress=_progress_writer(asset),
        timeout=conf.get("TRANSCODE_TIME_LIMIT"),
    )
    outputs = _measure(plan, build / "hls", described)
    _rewrite_master(build / "hls", outputs)
    _downloads_and_poster(source, plan, build, described)
    _swap_in(folder(asset), build)
    return outputs


def _progress_writer(asset: MediaAsset):
    last = [0.0]

    def write(fraction: float) -> None:
        if time.monotonic() - last[0] >= 2:
            last[0] = time.monotonic()
            advance(asset, progress=5 + round(fraction * 85), heartbeat_at=timezone.now())

    return write


def _measure(plan: ladder.Plan, hls_dir: Path, described: Probe) -> list[Output]:
    outputs = []
    for name in ladder.variant_names(plan):
        playlist = hls.read_media_playlist(hls_dir / name / "index.m3u8")
        rung = next((r for r in plan.rungs if r.name == name), None)
        outputs.append(
            Output(
                rung=name,
                kind=Rendition.Kind.VIDEO if rung else Rendition.Kind.AUDIO,
                width=_width(described, rung.height) if rung else None,
                height=rung.height if rung else None,
                bitrate=playlist.bitrate,
                size=playlist.size,
                playlist=f"hls/{name}/index.m3u8",
            )
        )
    return outputs


def _width(described: Probe, height: int) -> int:
    video = described.video
    width = video.width * height / video.height
    return int(round(width / 2) * 2)


def _rewrite_master(hls_dir: Path, outputs: list[Output]) -> None:
    """Keep ffmpeg's master playlist, with the bandwidth measured rather than estimated."""
    master = hls_dir / "master.m3u8"
    variants = []
    for variant in hls.read_master_playlist(master):
        playlist = hls.read_media_playlist(hls_dir / variant.uri)
        attributes = dict(variant.attributes)
        attributes["BANDWIDTH"] = str(max(playlist.peak_bitrate, playlist.bitrate))
        attributes["AVERAGE-BANDWIDTH"] = str(playlist.bitrate)
        variants.append(hls.Variant(uri=variant.uri, attributes=attributes))
    hls.write_master_playlist(master, variants)


def _downloads_and_poster(source: Path, plan: ladder.Plan, build: Path, described: Probe) -> None:
    hls_dir = build / "hls"
    if plan.rungs:
        ladder.remux(hls_dir / plan.rungs[0].name / "index.m3u8", build / "download" / "low.mp4")
        at = min(1.0, described.duration / 2)
        height = min(POSTER_HEIGHT, described.video.height)
        ladder.poster(source, build / "poster.jpg", at=at, height=height - height % 2)
    if plan.audio:
        ladder.remux(hls_dir / ladder.AUDIO_ONLY / "index.m3u8", build / "download" / "audio.m4a")


def _swap_in(target: Path, build: Path) -> None:
    for name in ("hls", "download", "poster.jpg"):
        old = target / name
        if old.is_dir():
            shutil.rmtree(old)
        elif old.exists():
            old.unlink()
        if (build / name).exists():
            (build / name).rename(old)
    shutil.rmtree(build, ignore_errors=True)


def _finish(asset: MediaAsset, outputs: list[Output], described: Probe) -> None:
    base = asset.folder
    fields = {
        "master_playlist": f"{base}/hls/master.m3u8",
        "poster": f"{base}/poster.jpg" if described.video else "",
        "download": f"{base}/download/low.mp4" if described.video else "",
        "audio_download": f"{base}/download/audio.m4a" if described.audio else "",
        "claimed_at": None,
        "processed_at": timezone.now(),
    }
    if described.audio:
        fields.update(status=Status.TRANSCRIBING, progress=90)
    else:
        fields.update(
            status=Status.READY, progress=100, subtitles_note_code=MediaErrorCode.NO_SOUND.value
        )
    with transaction.atomic():
        if not advance(asset, **fields):
            return
        asset.renditions.all().delete()
        Rendition.objects.bulk_create(
            Rendition(asset=asset, **{**o.__dict__, "playlist": f"{base}/{o.playlist}"})
            for o in outputs
        )
        if described.audio:
            enqueue.on_commit("asset_transcribe_task", asset.pk)
    master_playlist_voice_overs_sync(asset=MediaAsset.objects.get(pk=asset.pk))
