"""Voice-over tracks: extra audio in other languages, normalised like the asset's own sound."""

import logging
from pathlib import Path

from django.core.files import File
from django.db import transaction

from .. import conf, store
from ..av import hls, ladder
from ..av.probe import probe
from ..av.run import ToolError
from ..error_codes import MediaError, MediaErrorCode
from ..models import MediaAsset, VoiceOverTrack
from . import enqueue
from .master_audio import master_playlist_voice_overs_sync
from .processing import audio_filter
from .stored_files import undone_on_failure

logger = logging.getLogger(__name__)


def voice_over_add(
    *, asset: MediaAsset, language: str, file: File, filename: str
) -> VoiceOverTrack:
    """Store (or replace) the voice-over of ``language``; it is processed after commit.

    If the row is not committed, the stored file is removed: no file without its row.
    """
    with undone_on_failure() as written, transaction.atomic():
        track, _created = VoiceOverTrack.objects.get_or_create(
            asset=asset, language=language, defaults={"original": ""}
        )
        track.original.save(Path(filename).name, file, save=False)
        written.stored(track.original.name)
        track.status = VoiceOverTrack.Status.UPLOADED
        track.error_code = ""
        track.save()
        enqueue.on_commit("voice_over_process_task", track.pk)
    return track


def voice_over_process(*, track_id: int) -> None:
    """Normalise and package one voice-over; a rerun overwrites the same files."""
    track = VoiceOverTrack.objects.select_related("asset").filter(pk=track_id).first()
    if track is None or track.status != VoiceOverTrack.Status.UPLOADED:
        return
    base = f"{track.asset.folder}/voice-over/{track.language}"
    try:
        with store.scratch() as work:
            source = store.fetch(track.original.name, work / Path(track.original.name).name)
            bitrate, size = _package(source, work / "out", base)
    except MediaError as error:
        _save(
            track,
            status=VoiceOverTrack.Status.FAILED,
            error_code=error.code.value,
            error_params=error.params,
        )
        return
    except ToolError as error:
        logger.warning("Voice-over %s failed: %s", track.pk, error)
        _save(
            track,
            status=VoiceOverTrack.Status.FAILED,
            error_code=MediaErrorCode.TRANSCODE_FAILED.value,
            error_params={},
        )
        return
    _save(
        track,
        status=VoiceOverTrack.Status.READY,
        playlist=f"{base}/hls/index.m3u8",
        download=f"{base}/audio.m4a",
        bitrate=bitrate,
        size=size,
    )
    master_playlist_voice_overs_sync(asset=track.asset)


def _package(source: Path, target: Path, base: str) -> tuple[int, int]:
    """Make the voice-over's HLS rendition and single file in ``target`` (scratch), store them
    under ``base`` (replacing the last run's); returns (bitrate, size) measured."""
    sound = probe(source).audio
    if sound is None:
        raise MediaError(MediaErrorCode.NO_SOUND)
    ladder.audio_rendition(
        source,
        target / "hls",
        audio_filter=audio_filter(source, channels=sound.channels),
        kbps=conf.get("AUDIO_ONLY_KBPS"),
        segment_seconds=conf.get("SEGMENT_SECONDS"),
    )
    ladder.remux(target / "hls" / "index.m3u8", target / "audio.m4a")
    playlist = hls.read_media_playlist(target / "hls" / "index.m3u8")
    store.remove(f"{base}/hls")
    store.tree_put(target, base)
    return playlist.bitrate, playlist.size


def _save(track: VoiceOverTrack, **fields) -> None:
    VoiceOverTrack.objects.filter(pk=track.pk).update(**fields)


def voice_over_publish(*, track: VoiceOverTrack, published: bool = True) -> None:
    VoiceOverTrack.objects.filter(pk=track.pk).update(published=published)
    master_playlist_voice_overs_sync(asset=track.asset)
