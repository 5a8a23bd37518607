"""The media-gpu stage: machine subtitles. Whatever happens, the asset becomes ready; when there
are no machine subtitles, ``subtitles_note`` says why."""

import logging
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from .. import conf, store, subtitles
from ..error_codes import MediaErrorCode
from ..models import MediaAsset, SubtitleTrack
from ..speech import EngineUnavailableError, Transcript, get_engine
from .assets import advance

logger = logging.getLogger(__name__)
Status = MediaAsset.Status


def asset_transcribe(*, asset_id: int) -> None:
    now = timezone.now()
    taken = MediaAsset.objects.filter(
        pk=asset_id, status=Status.TRANSCRIBING, claimed_at=None
    ).update(claimed_at=now, heartbeat_at=now, updated_at=now, progress=92)
    if not taken:
        return
    asset = MediaAsset.objects.get(pk=asset_id)
    note, params = _transcribe(asset)
    advance(
        asset,
        status=Status.READY,
        progress=100,
        claimed_at=None,
        subtitles_note_code=note,
        subtitles_note_params=params,
    )


def _transcribe(asset: MediaAsset) -> tuple[str, dict]:
    engine = get_engine()
    if not asset.language or not engine.supports(asset.language):
        return MediaErrorCode.LANGUAGE_NOT_TRANSCRIBED.value, {}
    try:
        engine.check()
    except EngineUnavailableError as error:
        return MediaErrorCode.NO_SPEECH_ENGINE.value, {"detail": str(error)}
    try:
        with store.scratch() as work:
            audio = store.fetch(asset.audio_download, work / Path(asset.audio_download).name)
            transcript = engine.transcribe(audio, language_code=asset.language)
    except Exception as error:  # an engine is third-party code: any failure leaves a note
        logger.exception("Transcribing asset %s failed", asset.pk)
        return MediaErrorCode.TRANSCRIPTION_FAILED.value, {"detail": str(error)[:200]}
    _save_machine_track(asset, transcript, engine.name)
    return "", {}


def transcript_to_vtt(transcript: Transcript) -> str:
    cues = []
    for segment in transcript.segments:
        cues += subtitles.split_segment(
            segment.start,
            segment.end,
            segment.text,
            line_chars=conf.get("CUE_MAX_LINE_CHARS"),
            max_lines=conf.get("CUE_MAX_LINES"),
        )
    return subtitles.to_vtt(cues)


@transaction.atomic
def _save_machine_track(asset: MediaAsset, transcript: Transcript, engine: str) -> None:
    """Write the machine draft; a track a person has touched is never overwritten."""
    existing = (
        SubtitleTrack.objects.select_for_update()
        .filter(asset=asset, language=transcript.language)
        .first()
    )
    if existing and existing.source == SubtitleTrack.Source.HUMAN:
        return
    SubtitleTrack.objects.update_or_create(
        asset=asset,
        language=transcript.language,
        defaults={
            "source": SubtitleTrack.Source.MACHINE,
            "status": SubtitleTrack.Status.DRAFT,
            "needs_review": transcript.needs_review,
            "vtt": transcript_to_vtt(transcript),
            "engine": engine,
        },
    )
