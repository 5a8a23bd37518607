"""Stable error codes of the media pipeline, with their translated messages.

The code is stored on the asset and never changes; the message is shown in the admin.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MediaErrorCode(models.TextChoices):
    EMPTY_FILE = "empty_file", _("The file is empty.")
    NOT_MEDIA = "not_media", _("This is not a video or audio file.")
    CORRUPT = "corrupt", _("The file is damaged or incomplete; upload it again.")
    NO_USABLE_STREAM = "no_usable_stream", _("The file holds neither a video nor a sound track.")
    UNSUPPORTED_CODEC = "unsupported_codec", _("The file is encoded in a format we cannot read.")
    TOO_LONG = (
        "too_long",
        _("The recording lasts %(duration)s minutes; the longest allowed is %(limit)s minutes."),
    )
    TOO_LARGE = "too_large", _("The file is %(size)s MB; the largest allowed is %(limit)s MB.")
    EXTENSION_NOT_ALLOWED = (
        "extension_not_allowed",
        _("Files ending in .%(extension)s are not accepted."),
    )
    # Older rows carry ffmpeg's text as "detail": it is logged, never shown.
    TRANSCODE_FAILED = (
        "transcode_failed",
        _(
            "The recording could not be converted. Export it again from the phone or camera "
            "(as MP4), or upload another copy."
        ),
    )
    INTERRUPTED = (
        "interrupted",
        _("Converting was interrupted; it will be tried again automatically in a few minutes."),
    )
    INTERRUPTED_TOO_OFTEN = (
        "interrupted_too_often",
        _(
            "Converting was interrupted %(attempts)s times (the server restarted or ran out of "
            "room). Press “Retry” later, or ask the site's technician."
        ),
    )
    MISSING_ORIGINAL = "missing_original", _("The original file is missing.")
    # Not failures: the asset becomes ready, and the admin says why there are no subtitles.
    NO_SPEECH_ENGINE = (
        "no_speech_engine",
        _("No machine subtitles: the speech recogniser has no model installed (%(detail)s)."),
    )
    LANGUAGE_NOT_TRANSCRIBED = (
        "language_not_transcribed",
        _("No machine subtitles: the speech recogniser does not know this language."),
    )
    NO_SOUND = "no_sound", _("No machine subtitles: the recording has no sound.")
    TRANSCRIPTION_FAILED = (
        "transcription_failed",
        _("No machine subtitles: the speech recogniser failed (%(detail)s)."),
    )


class MediaError(Exception):
    """A failure with a stable code; ``message`` is translated when displayed."""

    def __init__(self, code: MediaErrorCode, **params: object) -> None:
        super().__init__(code.value)
        self.code = code
        self.params = params

    @property
    def message(self) -> str:
        return str(self.code.label) % self.params if self.params else str(self.code.label)
