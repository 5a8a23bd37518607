"""Chunked, resumable uploads (docs/decisions/0007-resumable-upload-protocol.md).

The bytes go to ``MEDIA_ROOT/uploads/<uuid>.part`` at the offset the client names; whatever
arrived before a dropped connection is kept, and the client asks for the offset to resume.
Finishing moves the file (no copy) to the asset's original path, then enqueues after commit.
"""

from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F

from .. import conf
from ..error_codes import MediaError
from ..models import MediaAsset, Upload
from . import enqueue
from .assets import check_upload
from .stored_files import Written, undone_on_failure

READ_BYTES = 1024 * 1024


class UploadConflictError(Exception):
    """The client's offset or state disagrees with the server's; ``offset`` is the server's."""

    def __init__(self, offset: int, reason: str) -> None:
        super().__init__(reason)
        self.offset = offset
        self.reason = reason


def part_path(upload: Upload) -> Path:
    return Path(default_storage.path(f"{conf.get('UPLOAD_DIR')}/{upload.uuid}.part"))


def upload_start(*, filename: str, size: int, title: str, language: str, user) -> Upload:
    """Raise MediaError when the file may not be uploaded (type, size)."""
    check_upload(filename=filename, size=size)
    upload = Upload(
        filename=Path(filename).name,
        size=size,
        title=title or Path(filename).stem,
        language=language,
        created_by=user,
    )
    upload.full_clean()
    upload.save()
    path = part_path(upload)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    return upload


def upload_append(*, upload: Upload, offset: int, stream, length: int) -> int:
    """Write ``length`` bytes read from ``stream`` at ``offset``; return the new offset.

    Bytes that arrived before the stream broke are kept and counted.
    """
    if upload.status != Upload.Status.RECEIVING:
        raise UploadConflictError(upload.received, "complete")
    if offset != upload.received:
        raise UploadConflictError(upload.received, "offset")
    if offset + length > upload.size:
        raise UploadConflictError(upload.received, "too_long")
    written = 0
    try:
        written = _copy(stream, part_path(upload), offset, length)
    finally:
        Upload.objects.filter(pk=upload.pk, received=offset).update(
            received=F("received") + written
        )
        upload.refresh_from_db()
    return upload.received


def _copy(stream, path: Path, offset: int, length: int) -> int:
    written = 0
    with path.open("r+b") as target:
        target.seek(offset)
        target.truncate()
        while written < length:
            piece = stream.read(min(READ_BYTES, length - written))
            if not piece:
                break
            target.write(piece)
            written += len(piece)
    return written


def upload_finish(*, upload: Upload) -> MediaAsset:
    """Turn a complete upload into an asset (the original stored first), then enqueue it.

    If the transaction fails, the file goes back to where the upload keeps it: no original is
    left without its row, and finishing again works.
    """
    with undone_on_failure() as written, transaction.atomic():
        return _finish(upload, written)


def _finish(upload: Upload, written: Written) -> MediaAsset:
    upload = Upload.objects.select_for_update().get(pk=upload.pk)
    if upload.asset_id:
        return upload.asset
    if upload.received != upload.size:
        raise UploadConflictError(upload.received, "incomplete")
    asset = MediaAsset.objects.create(
        title=upload.title,
        language=upload.language,
        original_name=upload.filename,
        original_size=upload.size,
        created_by=upload.created_by,
    )
    name = f"{asset.folder}/original/{upload.filename}"
    written.move(part_path(upload), Path(default_storage.path(name)))
    asset.original.name = name
    asset.save(update_fields=["original"])
    upload.asset, upload.status = asset, Upload.Status.COMPLETE
    upload.save(update_fields=["asset", "status", "updated_at"])
    enqueue.on_commit("asset_process_task", asset.pk)
    return asset


__all__ = ["MediaError", "UploadConflictError", "upload_append", "upload_finish", "upload_start"]
