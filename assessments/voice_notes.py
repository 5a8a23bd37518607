"""Serving a voice note: only through views that check who asks, never as a public media URL."""

from pathlib import PurePath

from django.http import FileResponse

from .models import Evaluation

CONTENT_TYPES = {
    ".webm": "audio/webm",
    ".ogg": "audio/ogg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
    ".mp3": "audio/mpeg",
    ".wav": "audio/wav",
    ".3gp": "audio/3gpp",
    ".amr": "audio/amr",
}


def voice_note_response(evaluation: Evaluation) -> FileResponse:
    extension = PurePath(evaluation.voice_note.name).suffix.lower()
    response = FileResponse(
        evaluation.voice_note.open("rb"),
        content_type=CONTENT_TYPES.get(extension, "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = f'inline; filename="voice-note{extension}"'
    return response
