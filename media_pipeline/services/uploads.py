"""Chunked, resumable uploads (docs/decisions/0007-resumable-upload-protocol.md).

Each request's bytes are one object of the store, ``uploads/<uuid>/<offset>.part`` (the offset
the client names, zero-padded), so any web server may take the next chunk: no disk is shared
(docs/decisions/0041). Whatever arrived before a dropped connection is kept as a chunk, and the
client asks for the offset to resume. Finishing joins the chunks in a scratch folder, stores the
result as the asset's original, then enqueues after commit; the chunks go once that is committed.
"""

import tempfile
from pathlib import Path

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F

from .. import conf, store
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


def chunks_folder(upload: Upload) -> str:
    return f"{conf.get('UPLOAD_DIR')}/{upload.uuid}"


def chunk_name(upload: Upload, offset: int) -> str:
    return f"{chunks_folder(upload)}/{offset:015d}.part"


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
        written = _chunk_store(stream, chunk_name(upload, offset), length)
    finally:
        Upload.objects.filter(pk=upload.pk, received=offset).update(
            received=F("received") + written
        )
        upload.refresh_from_db()
    return upload.received


def _chunk_store(stream, name: str, length: int) -> int:
    """Read up to ``length`` bytes (fewer if the connection drops: they are kept) into a spooled
    file, store them as one chunk; returns the bytes stored."""
    written = 0
    with tempfile.SpooledTemporaryFile(max_size=READ_BYTES * 2) as spool:
        try:
            while written < length:
                piece = stream.read(min(READ_BYTES, length - written))
                if not piece:
                    break
                spool.write(piece)
                written += len(piece)
        finally:
            if written:
                spool.seek(0)
                store.save_replacing(name, File(spool, name=Path(name).name))  # or sent again
    return written


def _chunks_join(upload: Upload, target: Path) -> None:
    """The chunks that tile the upload from byte 0, one after the other, into ``target``."""
    offset = 0
    with target.open("wb") as whole:
        while offset < upload.size:
            with default_storage.open(chunk_name(upload, offset), "rb") as chunk:
                for piece in iter(lambda c=chunk: c.read(READ_BYTES), b""):
                    whole.write(piece)
            offset = whole.tell()


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
    with store.scratch() as work:
        _chunks_join(upload, work / "whole")
        store.put(work / "whole", name)
    written.stored(name)
    asset.original.name = name
    asset.save(update_fields=["original"])
    upload.asset, upload.status = asset, Upload.Status.COMPLETE
    upload.save(update_fields=["asset", "status", "updated_at"])
    enqueue.on_commit("asset_process_task", asset.pk)
    folder = chunks_folder(upload)
    transaction.on_commit(lambda: store.remove(folder))
    return asset


__all__ = ["MediaError", "UploadConflictError", "upload_append", "upload_finish", "upload_start"]
