"""The course evaluation: her answers, and an optional voice note checked with ffprobe."""

import tempfile
from pathlib import Path
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from media_pipeline.api import MediaError, probe

from .. import error_codes
from ..models import Evaluation
from ..selectors import course_certificate

# What ffprobe found the file to be (its format name) → the stored file's extension, served back
# with the matching type (assessments/voice_notes.py). The name the phone gave is never used.
AUDIO_EXTENSIONS = {
    "matroska,webm": ".webm",
    "ogg": ".ogg",
    "mov,mp4,m4a,3gp,3g2,mj2": ".m4a",
    "aac": ".aac",
    "mp3": ".mp3",
    "wav": ".wav",
    "amr": ".amr",
    "flac": ".flac",
}
NOT_AUDIO = _("This file is not a sound recording that can be played. Record it again.")


def _content_type(upload: UploadedFile) -> str:
    return (upload.content_type or "").split(";")[0].strip().lower()


def _probe_upload(upload: UploadedFile) -> str:
    """Refuse a file ffprobe cannot read as sound, or one that holds a video; return the
    extension of what it holds."""
    with tempfile.NamedTemporaryFile(suffix=".upload") as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        try:
            found = probe(Path(copy.name), timeout=30)
        except MediaError as error:
            raise ValidationError(NOT_AUDIO, code=error_codes.VOICE_NOTE_NOT_AUDIO) from error
    upload.seek(0)
    extension = AUDIO_EXTENSIONS.get(found.container)
    if found.audio is None or found.video is not None or extension is None:
        raise ValidationError(NOT_AUDIO, code=error_codes.VOICE_NOTE_NOT_AUDIO)
    return extension


def voice_note_check(upload: UploadedFile) -> str:
    """Size, declared type, then what the file really holds; returns the extension of the
    detected format (never the one in the uploaded name)."""
    limit = settings.ASSESSMENTS_VOICE_NOTE_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The recording is %(size)s MB; the largest allowed is %(limit)s MB."),
            code=error_codes.VOICE_NOTE_TOO_LARGE,
            params={"size": round(upload.size / 1024**2, 1), "limit": round(limit / 1024**2)},
        )
    content_type = _content_type(upload)
    if not content_type.startswith("audio/"):
        raise ValidationError(NOT_AUDIO, code=error_codes.VOICE_NOTE_NOT_AUDIO)
    return _probe_upload(upload)


def voice_note_delete(evaluation: Evaluation) -> None:
    """Remove the file (after commit, so a rolled-back change keeps it)."""
    if evaluation.voice_note:
        name, storage = evaluation.voice_note.name, evaluation.voice_note.storage
        transaction.on_commit(lambda: storage.delete(name))


def _attach(evaluation: Evaluation, voice_note: UploadedFile) -> None:
    extension = voice_note_check(voice_note)
    voice_note_delete(evaluation)
    evaluation.voice_note.save(f"voice-note{extension}", voice_note, save=False)


@transaction.atomic
def evaluation_save(
    *,
    learner,
    course_key: UUID,
    satisfaction: int,
    useful: str,
    comment: str = "",
    voice_note: UploadedFile | None = None,
) -> Evaluation:
    """Her evaluation of a course she finished; answering again replaces the first one (a new
    voice note replaces the old one; none sent keeps it)."""
    if course_certificate(learner=learner, course_key=course_key) is None:
        raise ValidationError(
            _("You can evaluate a course once you have finished it."), code="course_not_finished"
        )
    evaluation = Evaluation.objects.filter(learner=learner, course_key=course_key).first()
    evaluation = evaluation or Evaluation(learner=learner, course_key=course_key)
    evaluation.satisfaction, evaluation.useful, evaluation.comment = satisfaction, useful, comment
    evaluation.full_clean(exclude=["voice_note"])
    if voice_note is not None:
        _attach(evaluation, voice_note)
    evaluation.save()
    return evaluation


def on_evaluation_deleted(sender, instance: Evaluation, **kwargs) -> None:
    """Thin handler of ``post_delete`` (her account deleted too): the file goes with the row."""
    voice_note_delete(instance)
