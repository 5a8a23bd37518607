"""Media assets, their renditions, subtitle tracks and voice-over tracks."""

import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core import languages

from .error_codes import MediaErrorCode


def language_choices() -> list[tuple[str, str]]:
    return [(language.code, language.native_name) for language in languages.LANGUAGES]


def original_upload_to(instance: "MediaAsset", filename: str) -> str:
    return f"media/{instance.uuid}/original/{filename}"


def voice_over_upload_to(instance: "VoiceOverTrack", filename: str) -> str:
    return f"media/{instance.asset.uuid}/voice-over/{instance.language}/original/{filename}"


class MediaAsset(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio")

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        PROBING = "probing", _("Checking the file")
        TRANSCODING = "transcoding", _("Converting")
        TRANSCRIBING = "transcribing", _("Writing subtitles")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    FINAL_STATUSES = (Status.READY, Status.FAILED)
    # Statuses in which an asset with ``playable_at`` set may be played.
    PLAYABLE_STATUSES = (Status.TRANSCODING, Status.TRANSCRIBING, Status.READY)
    WORKING_STATUSES = (Status.PROBING, Status.TRANSCODING)

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=255)
    original = models.FileField(
        _("original file"), upload_to=original_upload_to, max_length=500, blank=True
    )
    original_name = models.CharField(_("original file name"), max_length=255, blank=True)
    original_size = models.BigIntegerField(_("original size (bytes)"), default=0)
    language = models.CharField(
        _("language spoken"),
        max_length=8,
        choices=language_choices,
        blank=True,
        help_text=_("Used for machine subtitles. Leave empty when nobody speaks."),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, blank=True)
    duration = models.FloatField(_("duration (seconds)"), null=True, blank=True)
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    has_audio = models.BooleanField(_("has sound"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.UPLOADED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    error_code = models.CharField(
        _("error code"), max_length=40, choices=MediaErrorCode.choices, blank=True
    )
    error_params = models.JSONField(_("error details"), default=dict, blank=True)
    subtitles_note_code = models.CharField(
        _("subtitles note"), max_length=40, choices=MediaErrorCode.choices, blank=True
    )
    subtitles_note_params = models.JSONField(default=dict, blank=True)
    poster = models.CharField(_("poster path"), max_length=500, blank=True)
    master_playlist = models.CharField(_("master playlist path"), max_length=500, blank=True)
    download = models.CharField(_("low-quality MP4 path"), max_length=500, blank=True)
    audio_download = models.CharField(_("audio file path"), max_length=500, blank=True)
    # The lighter sound-only file (Opus in MP4) for phones that play it; AAC above for the
    # others (docs/decisions/0046). Empty for assets made before it.
    audio_opus_download = models.CharField(_("Opus audio file path"), max_length=500, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    # Set when the audio-only rendition and the lowest rung are published (the higher rungs
    # follow); learners may play the asset from then on, while it is still being converted.
    playable_at = models.DateTimeField(_("playable since"), null=True, blank=True, editable=False)
    # After a transient failure: when the sweep sends the asset again, should the delayed
    # message be lost.
    retry_at = models.DateTimeField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)

    search_fields = [index.SearchField("title"), index.FilterField("status")]

    class Meta:
        verbose_name = _("media asset")
        verbose_name_plural = _("media assets")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "heartbeat_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY

    @property
    def is_playable(self) -> bool:
        return self.status == self.Status.READY or (
            self.playable_at is not None and self.status in self.PLAYABLE_STATUSES
        )

    @property
    def error_message(self) -> str:
        return _render(self.error_code, self.error_params)

    @property
    def subtitles_note(self) -> str:
        return _render(self.subtitles_note_code, self.subtitles_note_params)

    @property
    def status_summary(self) -> str:
        """The status as the admin list shows it: with its progress, or why it failed."""
        if self.status == self.Status.FAILED:
            return f"{self.get_status_display()}: {self.error_message}"
        if self.status in self.FINAL_STATUSES:
            return str(self.get_status_display())
        return f"{self.get_status_display()} ({self.progress}%)"

    @property
    def folder(self) -> str:
        """The storage folder every output of this asset lives in (deterministic)."""
        return f"media/{self.uuid}"


def _render(code: str, params: dict) -> str:
    if not code:
        return ""
    label = str(MediaErrorCode(code).label)
    return label % params if params else label


class Rendition(models.Model):
    class Kind(models.TextChoices):
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio only")

    asset = models.ForeignKey(MediaAsset, on_delete=models.CASCADE, related_name="renditions")
    rung = models.CharField(_("rung"), max_length=16)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    # The sound's codec: "aac", or "opus" for the lighter audio-only rendition; a player that
    # cannot play it must not be offered it (docs/decisions/0046).
    codec = models.CharField(_("audio codec"), max_length=8, default="aac", blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    bitrate = models.PositiveIntegerField(_("measured bitrate (bit/s)"))
    size = models.BigIntegerField(_("size (bytes)"))
    playlist = models.CharField(_("playlist path"), max_length=500)

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        ordering = ["asset", "kind", "bitrate"]
        constraints = [
            models.UniqueConstraint(fields=["asset", "rung"], name="media_rendition_one_per_rung")
        ]

    def __str__(self) -> str:
        return f"{self.asset} {self.rung}"


class SubtitleTrack(models.Model):
    class Source(models.TextChoices):
        MACHINE = "machine", _("Machine")
        HUMAN = "human", _("Person")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    asset = models.ForeignKey(MediaAsset, on_delete=models.CASCADE, related_name="subtitles")
    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Machine subtitles through a neighbouring language (Darija through Arabic)."),
    )
    vtt = models.TextField(_("WebVTT"))
    draft_vtt = models.TextField(
        _("changes not yet published (WebVTT)"),
        blank=True,
        help_text=_("Cue edits of a published track wait here until they are published."),
    )
    engine = models.CharField(_("speech engine"), max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("subtitle track")
        verbose_name_plural = _("subtitle tracks")
        ordering = ["asset", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["asset", "language"], name="media_subtitle_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.asset} [{self.language}]"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def has_unpublished_changes(self) -> bool:
        return bool(self.draft_vtt)

    @property
    def version(self) -> str:
        """Changes whenever the text learners get changes: the subtitle URL carries it, so a
        cache never serves an older text after a publish."""
        return hashlib.sha256(self.vtt.encode()).hexdigest()[:12]


class VoiceOverTrack(models.Model):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    asset = models.ForeignKey(MediaAsset, on_delete=models.CASCADE, related_name="voice_overs")
    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    original = models.FileField(_("original file"), upload_to=voice_over_upload_to, max_length=500)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.UPLOADED
    )
    published = models.BooleanField(_("published"), default=False)
    playlist = models.CharField(_("playlist path"), max_length=500, blank=True)
    download = models.CharField(_("audio file path"), max_length=500, blank=True)
    bitrate = models.PositiveIntegerField(_("measured bitrate (bit/s)"), default=0)
    size = models.BigIntegerField(_("size (bytes)"), default=0)
    error_code = models.CharField(max_length=40, choices=MediaErrorCode.choices, blank=True)
    error_params = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("voice-over track")
        verbose_name_plural = _("voice-over tracks")
        ordering = ["asset", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["asset", "language"], name="media_voice_over_one_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.asset} [{self.language}]"

    @property
    def error_message(self) -> str:
        return _render(self.error_code, self.error_params)


class Upload(models.Model):
    """A chunked, resumable upload; becomes a MediaAsset once every byte has arrived."""

    class Status(models.TextChoices):
        RECEIVING = "receiving", _("Receiving")
        COMPLETE = "complete", _("Complete")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    filename = models.CharField(max_length=255)
    size = models.BigIntegerField()
    received = models.BigIntegerField(default=0)
    title = models.CharField(max_length=255)
    language = models.CharField(max_length=8, choices=language_choices, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVING)
    asset = models.OneToOneField(
        MediaAsset, null=True, blank=True, on_delete=models.SET_NULL, related_name="upload"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")

    def __str__(self) -> str:
        return self.filename
