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
    ".flac": "audio/flac",
}


def voice_note_response(evaluation: Evaluation) -> FileResponse:
    """The file as audio; a file stored under another extension (before names came from the
    detected format) is only offered as a download, never shown."""
    extension = PurePath(evaluation.voice_note.name).suffix.lower()
    content_type = CONTENT_TYPES.get(extension)
    response = FileResponse(
        evaluation.voice_note.open("rb"), content_type=content_type or "application/octet-stream"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    disposition = "inline" if content_type else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="voice-note{extension}"'
    return response
