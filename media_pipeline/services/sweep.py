"""The periodic sweep: assets left waiting (a message the broker lost) are sent again; work
whose heartbeat stopped (a killed worker) is taken back and sent again. A broker that was down
is the outbox's business (core/outbox.py): its messages go out when the broker returns."""

import logging
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .. import conf, store
from ..error_codes import MediaError, MediaErrorCode
from ..models import MediaAsset, VoiceOverTrack
from . import enqueue
from .assets import fail
from .processing import outputs_remove

logger = logging.getLogger(__name__)
Status = MediaAsset.Status
ORPHAN_AFTER = timedelta(hours=6)


@dataclass
class SweepReport:
    processing: list[int] = field(default_factory=list)
    transcribing: list[int] = field(default_factory=list)
    voice_overs: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)  # lost too often: failed, outputs removed
    orphans: list[str] = field(default_factory=list)  # folders without a row, removed


def assets_sweep(
    *,
    now: datetime | None = None,
    waiting_after: timedelta | None = None,
    stale_after: timedelta | None = None,
    stale_transcribing_after: timedelta | None = None,
) -> SweepReport:
    now = now or timezone.now()
    waiting = now - (waiting_after or timedelta(seconds=conf.get("SWEEP_WAITING_SECONDS")))
    stale = now - (stale_after or timedelta(seconds=conf.get("STALE_AFTER_SECONDS")))
    stale_words = now - (
        stale_transcribing_after or timedelta(seconds=conf.get("STALE_TRANSCRIBING_SECONDS"))
    )
    report = SweepReport()
    lost = Q(status__in=MediaAsset.WORKING_STATUSES, heartbeat_at__lte=stale)
    exhausted = Q(attempts__gte=conf.get("MAX_ATTEMPTS"))
    report.failed = _fail_lost(lost & exhausted)
    report.processing = _take_back(
        Q(status=Status.UPLOADED, claimed_at=None, updated_at__lte=waiting)
        | Q(status=Status.UPLOADED, claimed_at=None, retry_at__lte=now)
        | (lost & ~exhausted),
        Status.UPLOADED,
        now,
    )
    report.transcribing = _take_back(
        Q(status=Status.TRANSCRIBING, claimed_at=None, updated_at__lte=waiting)
        | Q(status=Status.TRANSCRIBING, claimed_at__isnull=False, heartbeat_at__lte=stale_words),
        Status.TRANSCRIBING,
        now,
    )
    for asset_id in report.processing:
        enqueue.send("asset_process_task", asset_id)
    for asset_id in report.transcribing:
        enqueue.send("asset_transcribe_task", asset_id)
    report.voice_overs = _voice_overs(waiting)
    report.orphans = folders_without_row_remove(now=now)
    return report


def folders_without_row_remove(*, now: datetime, older_than: timedelta = ORPHAN_AFTER) -> list[str]:
    """Remove ``media/<uuid>/`` folders of the store whose asset row does not exist, untouched
    for ``older_than``: what a process killed between storing an original and committing its row
    left (a failure it lived through is undone at once, decision 0022). Younger folders may
    belong to a write still in progress. Only folders without a row are read file by file."""
    try:
        folders, _files = default_storage.listdir("media")
    except FileNotFoundError:
        return []
    candidates = {}
    for name in folders:
        try:
            candidates[uuid.UUID(name)] = f"media/{name}"
        except ValueError:
            continue
    known = set(MediaAsset.objects.filter(uuid__in=list(candidates)).values_list("uuid", flat=True))
    removed = []
    for key, folder in candidates.items():
        if key in known or _newest_change(folder) > now - older_than:
            continue
        if MediaAsset.objects.filter(uuid=key).exists():  # committed meanwhile
            continue
        logger.warning("Removing %s: no media asset has it", folder)
        store.remove(folder)
        removed.append(str(key))
    return removed


def _newest_change(folder: str) -> datetime:
    """When a file of the stored folder last changed (long ago, for a folder with no file)."""
    times = [default_storage.get_modified_time(name) for name in store.names_under(folder)]
    return max(times, default=datetime.min.replace(tzinfo=UTC))


def _take_back(condition: Q, status: str, now: datetime) -> list[int]:
    """Put each matching asset back to waiting in ``status``, one conditional UPDATE each. Work
    taken back from conversion loses what the lost worker made (it is made again)."""
    taken = []
    for asset in MediaAsset.objects.filter(condition).only("pk", "uuid", "status", "claimed_at"):
        converting = asset.status in MediaAsset.WORKING_STATUSES
        changes = {"playable_at": None, "master_playlist": ""} if converting else {}
        with transaction.atomic():
            updated = MediaAsset.objects.filter(
                pk=asset.pk, status=asset.status, claimed_at=asset.claimed_at
            ).update(status=status, claimed_at=None, updated_at=now, **changes)
            if updated and converting:
                asset.renditions.all().delete()
        if updated:
            if converting:
                outputs_remove(asset)
            taken.append(asset.pk)
    return taken


def _fail_lost(condition: Q) -> list[int]:
    """Fail the assets whose worker was lost on their last allowed attempt; remove what the
    lost worker left."""
    failed = []
    for asset in MediaAsset.objects.filter(condition):
        error = MediaError(MediaErrorCode.INTERRUPTED_TOO_OFTEN, attempts=asset.attempts)
        if fail(asset, error):
            asset.renditions.all().delete()
            outputs_remove(asset)
            failed.append(asset.pk)
    return failed


def _voice_overs(waiting: datetime) -> list[int]:
    ids = list(
        VoiceOverTrack.objects.filter(
            status=VoiceOverTrack.Status.UPLOADED, updated_at__lte=waiting
        ).values_list("pk", flat=True)
    )
    for track_id in ids:
        enqueue.send("voice_over_process_task", track_id)
    return ids
