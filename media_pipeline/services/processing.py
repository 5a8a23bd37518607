"""Probe, validate and transcode one asset. Nothing here holds a transaction while ffmpeg runs.

The ladder runs in two ffmpeg runs at the same time (docs/decisions/0027, 0046): the audio-only
renditions and the lowest rung, published as soon as they are done (the asset is *playable*),
and the higher rungs, at a lower priority, which join the master playlist when done. A transient
failure (a killed ffmpeg, a full disk) is tried again a bounded number of times with back-off;
every failure removes the partial outputs.
"""

import errno
import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from .. import conf, store
from ..av import hls, ladder, loudness
from ..av.background import Background
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
OUTPUTS = ("hls", "download", "poster.jpg", BUILD)


@dataclass(frozen=True)
class Output:
    rung: str
    kind: str
    width: int | None
    height: int | None
    bitrate: int
    size: int
    playlist: str
    codec: str = "aac"  # the sound's ("" for a video without sound)


def asset_process(*, asset_id: int) -> None:
    """The media-cpu stage: uploaded → probing → transcoding → transcribing (or ready/failed)."""
    asset = claim(asset_id=asset_id, status=Status.UPLOADED, to_status=Status.PROBING)
    if asset is None:
        return  # taken by another worker, or nothing to do
    try:
        with store.scratch() as work:
            source = _original_fetch(asset, work)
            described = _probe(source)
            if not advance(
                asset, status=Status.TRANSCODING, progress=5, **_probe_fields(described)
            ):
                return
            _transcode(asset, described, source, work / "out")
    except MediaError as error:
        _failed(asset, error)
    except ToolError as error:
        logger.warning("Transcoding asset %s failed: %s", asset.pk, error)
        if error.transient:
            _interrupted(asset)
        elif error.damaged_input:
            _failed(asset, MediaError(MediaErrorCode.CORRUPT))
        else:
            _failed(asset, MediaError(MediaErrorCode.TRANSCODE_FAILED))
    except OSError as error:
        if error.errno not in {errno.ENOSPC, errno.EDQUOT}:
            raise
        logger.warning("Transcoding asset %s: no room left: %s", asset.pk, error)
        _interrupted(asset)


def outputs_remove(asset: MediaAsset) -> None:
    """Remove everything made from the original from the store (never the original itself)."""
    for name in OUTPUTS:
        store.remove(f"{asset.folder}/{name}")


def _failed(asset: MediaAsset, error: MediaError) -> None:
    outputs_remove(asset)
    with transaction.atomic():
        if fail(asset, error):
            asset.renditions.all().delete()


def retry_delay(attempts: int) -> timedelta:
    """Back-off after the ``attempts``-th try: 30 s, 2 min, 8 min…"""
    return timedelta(seconds=conf.get("RETRY_FIRST_DELAY_SECONDS") * 4 ** max(0, attempts - 1))


def _interrupted(asset: MediaAsset) -> None:
    """A transient failure: try again later, unless it was the last allowed attempt."""
    outputs_remove(asset)
    if asset.attempts >= conf.get("MAX_ATTEMPTS"):
        _failed(
            asset,
            MediaError(MediaErrorCode.INTERRUPTED_TOO_OFTEN, attempts=asset.attempts),
        )
        return
    delay = retry_delay(asset.attempts)
    with transaction.atomic():
        if not advance(
            asset,
            status=Status.UPLOADED,
            claimed_at=None,
            heartbeat_at=None,
            progress=0,
            playable_at=None,
            master_playlist="",
            error_code=MediaErrorCode.INTERRUPTED.value,
            error_params={},
            retry_at=timezone.now() + delay,
        ):
            return
        asset.renditions.all().delete()
    enqueue.send_later("asset_process_task", asset.pk, seconds=delay.total_seconds())


def _original_fetch(asset: MediaAsset, work: Path) -> Path:
    """The original, copied from the store into this worker's scratch folder."""
    if not asset.original or not default_storage.exists(asset.original.name):
        raise MediaError(MediaErrorCode.MISSING_ORIGINAL)
    return store.fetch(asset.original.name, work / "original" / Path(asset.original.name).name)


def _probe(source: Path) -> Probe:
    described = probe(source)
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
        "width": video.width if video else None,  # as shown: rotation applied
        "height": video.height if video else None,
        "has_audio": described.audio is not None,
    }


def plan_for(described: Probe) -> ladder.Plan:
    video = described.video
    return ladder.Plan(
        rungs=ladder.rungs_for(conf.ladder(), video.width, video.height) if video else (),
        audio=described.audio is not None,
        audio_only_kbps=conf.get("AUDIO_ONLY_KBPS"),
        opus_kbps=conf.get("AUDIO_OPUS_KBPS"),
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


def audio_filter(source: Path, *, channels: int = 1, limit_db: float | None = None) -> str:
    """The measured normalisation of ``source``'s first audio track (downmixed to mono)."""
    target = loudness_target()
    measured = loudness.measure(source, target, channels=channels)
    return loudness.normalise_filter(measured, target, channels=channels, limit_db=limit_db)


def _transcode(asset: MediaAsset, described: Probe, source: Path, target: Path) -> None:
    """Make every output in the scratch folder ``target`` and store it under ``media/<uuid>/``
    (a rerun first removes the last run's), publishing the first playable part as soon as it is
    stored."""
    outputs_remove(asset)
    progress = _progress_writer(asset)
    stored: set[str] = set()

    def playable(plans: list[ladder.Plan]) -> bool:
        stored.update(store.tree_put(target / "hls", f"{asset.folder}/hls"))
        store.tree_put(target / "download", f"{asset.folder}/download")  # the sound-only file
        return _publish(asset, plans, target / "hls", described, final=False)

    built = outputs_build(source, described, target, progress=progress, playable=playable)
    if built:
        store.tree_put(target / "hls", f"{asset.folder}/hls", skip=stored)
        store.tree_put(target / "download", f"{asset.folder}/download")
        if (target / "poster.jpg").exists():
            store.put(target / "poster.jpg", f"{asset.folder}/poster.jpg")
    if built and _publish(asset, built, target / "hls", described, final=True):
        # The whole master playlist is written: list the published voice-overs in it again.
        master_playlist_voice_overs_sync(asset=MediaAsset.objects.get(pk=asset.pk))


ProgressWriter = Callable[[float, float, float], None]  # (fraction, start, share)


def outputs_build(
    source: Path,
    described: Probe,
    target: Path,
    *,
    progress: ProgressWriter | None = None,
    playable: Callable[[list[ladder.Plan]], bool] | None = None,
) -> list[ladder.Plan] | None:
    """Every file of an asset under ``target`` (no database): the first run (audio-only and the
    lowest rung, its sound checked) with, at the same time, the higher rungs in a thread
    (docs/decisions/0046); the first run's master playlist, then ``playable(plans)``; the low MP4
    and the poster; then, once the higher rungs are done, the whole master playlist. Returns the
    runs made, or None when ``playable`` answered False (the work was taken back)."""
    plan = plan_for(described)
    first, rest = plan.split()
    hls_dir = target / "hls"
    report = _Progress(progress, rest is not None)
    higher = _runs_start(source, described, first, rest, target, report)
    plans = [first]
    try:
        _master(hls_dir, plans)
        if higher and higher.failed:
            higher.wait()  # raises its error before anything is published
        if playable is not None and not playable(plans):
            if higher:
                higher.stop()
            return None
        # The low MP4 and the poster need only the first run: made while the higher rungs run.
        _downloads_and_poster(source, first, target, described)
        if higher:
            higher.wait(report.rest_beat)
    except BaseException:
        if higher:
            higher.stop()
        raise
    if rest is not None:
        _rest_join(target, rest)
        plans.append(rest)
        _master(hls_dir, plans)
    return plans


def _runs_start(source, described, first, rest, target, report) -> Background | None:
    """The first run, with the higher rungs started at the same time in a thread (returned,
    still running). The first run's encoded sound is checked: above the ceiling, both are made
    again (once) with a lower limit, so every rung's sound respects it."""
    channels = described.audio.channels if described.audio else 0
    goal = loudness_target()
    measured = loudness.measure(source, goal, channels=channels) if first.audio else None
    limit = goal.true_peak
    for attempt in range(2):
        audio = _filter(measured, goal, channels=channels, limit=limit)
        higher = _rest_start(source, rest, target, audio, described, report) if rest else None
        try:
            peak = _first_run(source, first, target, audio, described, report)
        except BaseException:
            if higher:
                higher.stop()
            raise
        ceiling = conf.get("PEAK_CEILING_DBTP")
        if peak is None or peak <= ceiling or measured.silent or attempt:
            return higher
        logger.info("%s: encoded peak %.1f dBTP, limiting lower", source, peak)
        limit -= peak - ceiling + 1.0
        if higher:  # its sound used the former limit: made again with the new one
            higher.stop()
        _clear(target, first)
    return higher


REST = "rest"  # the higher rungs' scratch folder, moved into hls/ once they are done


class _Progress:
    """The progress of both runs, reported by the caller's thread only (the database)."""

    def __init__(self, write: ProgressWriter | None, concurrent: bool) -> None:
        self.write = write
        self.first = 0.0
        self.rest: Background | None = None
        self.first_share, self.rest_share = (30.0, 55.0) if concurrent else (85.0, 0.0)

    def first_beat(self, fraction: float) -> None:
        self.first = fraction
        self._write()

    def rest_beat(self, _fraction: float) -> None:
        self.first = 1.0
        self._write()

    def _write(self) -> None:
        if self.write is None:
            return
        rest = self.rest.fraction if self.rest else 0.0
        done = self.first * self.first_share + rest * self.rest_share
        self.write(1.0, 5, done)


def _filter(measured, goal, *, channels: int, limit: float) -> str:
    if not measured:
        return ""
    return loudness.normalise_filter(measured, goal, channels=channels, limit_db=limit)


def _master(hls_dir: Path, plans: list[ladder.Plan]) -> None:
    hls.master_playlist_merge(
        hls_dir,
        [plan.master_name for plan in plans],
        target_duration=plans[0].segment_seconds,
        codecs={f"{ladder.AUDIO_OPUS}/index.m3u8": "opus"},
    )


AUDIO_FILES = {ladder.AUDIO_ONLY: "audio.m4a", ladder.AUDIO_OPUS: "audio_opus.m4a"}


def _first_run(source, first, target, audio, described, report) -> float | None:
    """Audio-only (AAC, and Opus where asked for) and the lowest rung; returns the highest true
    peak of the encoded sound-only files (None without sound), which the caller checks against
    the ceiling: what the learner downloads, in either codec."""
    hls_dir = target / "hls"
    _run(source, first, hls_dir, audio, described, report.first_beat)
    if not first.audio:
        return None
    peaks = []
    for name in ladder.audio_only_names(first):
        m4a = target / "download" / AUDIO_FILES[name]
        ladder.remux(hls_dir / name / "index.m3u8", m4a)
        peaks.append(loudness.measure_output(m4a).true_peak)
    return max(peaks)


def _clear(target: Path, first: ladder.Plan) -> None:
    for name in ladder.variant_names(first):
        shutil.rmtree(target / "hls" / name, ignore_errors=True)
    shutil.rmtree(target / REST, ignore_errors=True)


def _rest_start(source, rest, target, audio, described, report) -> Background:
    """The higher rungs, in a thread, into their own folder (the first run's files are stored
    while they are written)."""
    folder = target / REST
    folder.mkdir(parents=True, exist_ok=True)

    def work(stop, on_progress) -> None:
        niceness = conf.get("REST_NICENESS")
        _run(source, rest, folder, audio, described, on_progress, stop=stop, niceness=niceness)

    report.rest = Background(work)
    return report.rest


def _rest_join(target: Path, rest: ladder.Plan) -> None:
    """Move the higher rungs' finished files next to the first run's."""
    folder, hls_dir = target / REST, target / "hls"
    for name in [*ladder.variant_names(rest), rest.master_name]:
        os.replace(folder / name, hls_dir / name)
    shutil.rmtree(folder, ignore_errors=True)


def _run(source, plan, hls_dir, audio, described, on_progress, *, stop=None, niceness=0) -> None:
    ladder.transcode(
        source,
        plan,
        hls_dir,
        audio_filter=audio,
        duration=described.duration,
        on_progress=on_progress,
        timeout=conf.get("TRANSCODE_TIME_LIMIT"),
        stop=stop,
        niceness=niceness,
    )


def _progress_writer(asset: MediaAsset) -> ProgressWriter:
    last = [0.0]

    def write(fraction: float, start: float, share: float) -> None:
        if time.monotonic() - last[0] >= 2:
            last[0] = time.monotonic()
            progress = round(start + fraction * share)
            advance(asset, progress=progress, heartbeat_at=timezone.now())

    return write


def _measure(plans: list[ladder.Plan], hls_dir: Path) -> list[Output]:
    outputs = []
    for plan in plans:
        for name in ladder.variant_names(plan):
            playlist = hls.read_media_playlist(hls_dir / name / "index.m3u8")
            rung = next((r for r in plan.rungs if r.name == name), None)
            outputs.append(
                Output(
                    rung=name,
                    kind=Rendition.Kind.VIDEO if rung else Rendition.Kind.AUDIO,
                    width=rung.width if rung else None,
                    height=rung.height if rung else None,
                    bitrate=playlist.bitrate,
                    size=playlist.size,
                    playlist=f"hls/{name}/index.m3u8",
                    codec=_codec(plan, name),
                )
            )
    return outputs


def _codec(plan: ladder.Plan, name: str) -> str:
    if not plan.audio:
        return ""
    return "opus" if name == ladder.AUDIO_OPUS else "aac"


def _publish(
    asset: MediaAsset,
    plans: list[ladder.Plan],
    hls_dir: Path,
    described: Probe,
    *,
    final: bool,
) -> bool:
    """Record what is done (its master playlist is written): the asset is playable. When
    ``final`` (every file made), the asset moves on. False if taken back."""
    outputs = _measure(plans, hls_dir)
    base = asset.folder
    fields = {
        "master_playlist": f"{base}/hls/master.m3u8",
        "audio_download": f"{base}/download/audio.m4a" if described.audio else "",
        "audio_opus_download": _opus_download(base, plans),
        "playable_at": asset.playable_at or timezone.now(),
        "heartbeat_at": timezone.now(),
    }
    if final:
        fields |= _final_fields(asset, described)
    with transaction.atomic():
        if not advance(asset, **fields):
            return False
        asset.renditions.all().delete()
        Rendition.objects.bulk_create(
            Rendition(asset=asset, **{**o.__dict__, "playlist": f"{base}/{o.playlist}"})
            for o in outputs
        )
        if final and described.audio:
            enqueue.on_commit("asset_transcribe_task", asset.pk)
    return True


def _opus_download(base: str, plans: list[ladder.Plan]) -> str:
    if ladder.AUDIO_OPUS not in ladder.audio_only_names(plans[0]):
        return ""
    return f"{base}/download/{AUDIO_FILES[ladder.AUDIO_OPUS]}"


def _final_fields(asset: MediaAsset, described: Probe) -> dict:
    base = asset.folder
    fields = {
        "poster": f"{base}/poster.jpg" if described.video else "",
        "download": f"{base}/download/low.mp4" if described.video else "",
        "claimed_at": None,
        "processed_at": timezone.now(),
        "error_code": "",
        "error_params": {},
        "retry_at": None,
    }
    if described.audio:
        fields.update(status=Status.TRANSCRIBING, progress=90)
    else:
        fields.update(
            status=Status.READY, progress=100, subtitles_note_code=MediaErrorCode.NO_SOUND.value
        )
    return fields


def _downloads_and_poster(source: Path, first: ladder.Plan, target: Path, described: Probe) -> None:
    if not first.rungs:
        return
    hls_dir = target / "hls"
    low = target / "download" / "low.mp4"
    ladder.remux(hls_dir / first.rungs[0].name / "index.m3u8", low.with_suffix(".part.mp4"))
    os.replace(low.with_suffix(".part.mp4"), low)
    video = described.video
    scale = min(1.0, POSTER_HEIGHT / video.short_side)
    width, height = (max(2, round(side * scale / 2) * 2) for side in (video.width, video.height))
    at = min(1.0, described.duration / 2)
    ladder.poster(source, target / "poster.jpg", at=at, width=width, height=height)
