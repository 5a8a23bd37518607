"""Creating assets and asking for their (re-)processing."""

import logging
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import conf, store
from ..error_codes import MediaError, MediaErrorCode
from ..models import MediaAsset
from . import enqueue
from .stored_files import undone_on_failure

logger = logging.getLogger(__name__)


def check_declared_size(size: object) -> int:
    """``size`` as a number of bytes above zero, or a ValidationError (``invalid_size``)."""
    if isinstance(size, str) and size.isascii() and size.isdigit():
        size = int(size)
    if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
        raise ValidationError(
            _("The file size must be a whole number of bytes, above zero."), code="invalid_size"
        )
    return size


def check_upload(*, filename: str, size: int) -> None:
    """Raise MediaError when a file of this name and size may not be uploaded (ValidationError
    when the size itself is not a number of bytes above zero)."""
    check_declared_size(size)
    extension = Path(filename).suffix.lower().lstrip(".")
    if extension not in conf.get("ALLOWED_EXTENSIONS"):
        raise MediaError(MediaErrorCode.EXTENSION_NOT_ALLOWED, extension=extension or "?")
    limit = conf.get("MAX_UPLOAD_BYTES")
    if size > limit:
        raise MediaError(MediaErrorCode.TOO_LARGE, size=size // 1024**2, limit=limit // 1024**2)


def asset_create(
    *, file: File, filename: str, title: str, language: str = "", created_by=None
) -> MediaAsset:
    """Store the original untouched, then (after commit) send it to be processed.

    If the row is not committed, the stored original is removed: no file without its row.
    """
    asset = MediaAsset(
        title=title or Path(filename).stem,
        language=language,
        original_name=filename,
        original_size=file.size or 0,
        created_by=created_by,
    )
    asset.full_clean(exclude=["original"])
    with undone_on_failure() as written, transaction.atomic():
        asset.original.save(Path(filename).name, file, save=False)
        written.stored(asset.original.name)
        asset.save()
        enqueue.on_commit("asset_process_task", asset.pk)
    return asset


def asset_submitted(*, asset: MediaAsset) -> None:
    """An asset saved by the admin's form: record its original and send it to be processed."""
    MediaAsset.objects.filter(pk=asset.pk).update(
        original_name=Path(asset.original.name).name,
        original_size=asset.original.size,
    )
    enqueue.on_commit("asset_process_task", asset.pk)


def original_discard_uncommitted(*, asset: MediaAsset) -> None:
    """After a new asset failed to save (the admin's form): remove the original it stored if its
    row is not in the database, so that no file is left without its row."""
    if not asset.original.name or not asset.original._committed:
        return  # nothing was stored yet
    try:
        if asset.pk and MediaAsset.objects.filter(pk=asset.pk).exists():
            return
    except DatabaseError:
        logger.warning("Kept %s: could not tell whether its asset exists", asset.original.name)
        return
    default_storage.delete(asset.original.name)


def asset_retry(*, asset: MediaAsset) -> bool:
    """Process a failed asset again (e.g. after a limit was raised). False if not failed."""
    return _restart(asset, from_statuses=[MediaAsset.Status.FAILED])


def asset_reprocess(*, asset: MediaAsset) -> bool:
    """Make every output again (e.g. after the ladder changed); subtitles are kept."""
    return _restart(asset, from_statuses=list(MediaAsset.FINAL_STATUSES))


@transaction.atomic
def _restart(asset: MediaAsset, *, from_statuses: list[str]) -> bool:
    updated = MediaAsset.objects.filter(pk=asset.pk, status__in=from_statuses).update(
        status=MediaAsset.Status.UPLOADED,
        progress=0,
        error_code="",
        error_params={},
        claimed_at=None,
        heartbeat_at=None,
        playable_at=None,
        retry_at=None,
        attempts=0,
        updated_at=timezone.now(),
    )
    if updated:
        enqueue.on_commit("asset_process_task", asset.pk)
    return bool(updated)


def claim(*, asset_id: int, status: str, to_status: str) -> MediaAsset | None:
    """Take the work of ``asset_id`` waiting in ``status`` (a conditional UPDATE: one winner)."""
    now = timezone.now()
    updated = MediaAsset.objects.filter(pk=asset_id, status=status, claimed_at=None).update(
        status=to_status,
        claimed_at=now,
        heartbeat_at=now,
        attempts=F("attempts") + 1,
        updated_at=now,
    )
    return MediaAsset.objects.get(pk=asset_id) if updated else None


def advance(asset: MediaAsset, **changes) -> bool:
    """Write ``changes`` only while ``asset`` is still held by this claim; False if taken back."""
    changes.setdefault("updated_at", timezone.now())
    updated = MediaAsset.objects.filter(
        pk=asset.pk, status=asset.status, claimed_at=asset.claimed_at
    ).update(**changes)
    for name, value in changes.items():
        setattr(asset, name, value)
    return bool(updated)


def fail(asset: MediaAsset, error: MediaError) -> bool:
    """Mark ``asset`` failed with ``error`` (nothing of it is playable); False if taken back."""
    return advance(
        asset,
        status=MediaAsset.Status.FAILED,
        error_code=error.code.value,
        error_params=error.params,
        claimed_at=None,
        progress=0,
        playable_at=None,
        master_playlist="",
        poster="",
        download="",
        audio_download="",
        audio_opus_download="",
        retry_at=None,
    )


def asset_ingest_now(*, path: Path, title: str, language: str = "") -> MediaAsset:
    """Create an asset from a local file and process it here, now, as a worker would (demo
    loaders, commands): call it outside any transaction, since ffmpeg (and whisper, when a
    model is set up) runs meanwhile."""
    from .processing import asset_process  # these write through this module
    from .transcription import asset_transcribe

    with path.open("rb") as handle:
        asset = asset_create(file=File(handle), filename=path.name, title=title, language=language)
    asset_process(asset_id=asset.pk)
    asset_transcribe(asset_id=asset.pk)  # subtitles when a speech model is set up
    asset.refresh_from_db()
    return asset


def asset_files_remove(*, asset: MediaAsset) -> None:
    """Once the asset's deletion is committed, remove every file it had from the store (the
    original, renditions, poster, voice-overs): ``media/<uuid>/`` as a whole."""
    folder = asset.folder
    transaction.on_commit(lambda: store.remove(folder))


def asset_delete(*, asset: MediaAsset) -> None:
    with transaction.atomic():
        asset_files_remove(asset=asset)
        asset.delete()
