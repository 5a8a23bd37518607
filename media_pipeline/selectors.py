"""Every read of the media pipeline that other code needs."""

from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.db.models import Prefetch, Q, QuerySet

from core import languages

from .models import MediaAsset, Rendition, SubtitleTrack, VoiceOverTrack


def asset_list_for_admin() -> QuerySet[MediaAsset]:
    return MediaAsset.objects.select_related("created_by").order_by("-created_at")


def playable_assets() -> QuerySet[MediaAsset]:
    """Assets a learner may play: ready, or with their first renditions published while the
    higher rungs (or the subtitles) are still being made."""
    return MediaAsset.objects.filter(
        Q(status=MediaAsset.Status.READY)
        | Q(status__in=MediaAsset.PLAYABLE_STATUSES, playable_at__isnull=False)
    )


def assets_for_chooser() -> QuerySet[MediaAsset]:
    """What an editor may put in a lesson: anything but failed (damaged, refused) assets."""
    return MediaAsset.objects.exclude(status=MediaAsset.Status.FAILED)


def asset_for_player(*, asset_id: int) -> MediaAsset | None:
    """A playable asset with its renditions, published subtitles and ready voice-overs."""
    return (
        playable_assets()
        .filter(pk=asset_id)
        .prefetch_related(
            Prefetch("renditions", queryset=Rendition.objects.order_by("kind", "bitrate")),
            Prefetch(
                "subtitles",
                queryset=SubtitleTrack.objects.filter(status=SubtitleTrack.Status.PUBLISHED),
                to_attr="published_subtitles",
            ),
            Prefetch(
                "voice_overs",
                queryset=VoiceOverTrack.objects.filter(
                    status=VoiceOverTrack.Status.READY, published=True
                ),
                to_attr="published_voice_overs",
            ),
        )
        .first()
    )


def published_track(*, track_id: int) -> SubtitleTrack | None:
    return SubtitleTrack.objects.filter(pk=track_id, status=SubtitleTrack.Status.PUBLISHED).first()


@dataclass(frozen=True)
class Quality:
    rung: str
    kind: str
    height: int | None
    bitrate: int
    estimated_bytes: int
    url: str


def qualities(asset: MediaAsset) -> list[Quality]:
    """Each rendition with the data it costs to play the whole asset (for "≈ 2 MB")."""
    duration = asset.duration or 0
    return [
        Quality(
            rung=r.rung,
            kind=r.kind,
            height=r.height,
            bitrate=r.bitrate,
            estimated_bytes=round(r.bitrate * duration / 8),
            url=default_storage.url(r.playlist),
        )
        for r in asset.renditions.all()
    ]


def caption_language(tracks: list[SubtitleTrack], page_language: str) -> str | None:
    """The track to show by default: the page language, else the nearest along its chain."""
    available = {track.language for track in tracks}
    chain = languages.fallback_chain(page_language) if languages.is_known(page_language) else ()
    return next((code for code in chain if code in available), None)


def voice_language(voice_overs: list[str], original: str, page_language: str) -> str | None:
    """The voice-over to play by default: the first of the page language's chain that has one,
    unless the original language comes first on that chain; ``None`` is the original sound."""
    chain = languages.fallback_chain(page_language) if languages.is_known(page_language) else ()
    for code in chain:
        if code == original:
            return None
        if code in voice_overs:
            return code
    return None


@dataclass(frozen=True)
class CaptionTrack:
    language: str
    label: str
    direction: str
    url: str
    default: bool


@dataclass(frozen=True)
class VoiceOver:
    language: str
    label: str
    url: str
    estimated_bytes: int
    default: bool


@dataclass(frozen=True)
class Player:
    asset: MediaAsset
    kind: str
    width: int | None  # as shown (rotation applied): the player's aspect ratio
    height: int | None
    master_url: str
    poster_url: str
    download_url: str
    audio_url: str
    download_bytes: int
    audio_bytes: int
    # The lighter sound-only file (Opus), which the player takes where the browser plays it.
    opus_url: str
    opus_bytes: int
    qualities: list[Quality]
    captions: list[CaptionTrack]
    voice_overs: list[VoiceOver]
    original_label: str


def _url(name: str) -> str:
    return default_storage.url(name) if name else ""


def _file_size(name: str) -> int:
    return default_storage.size(name) if name and default_storage.exists(name) else 0


def player_for(*, asset_id: int, language: str) -> Player | None:
    """What the player needs for a ready asset, captions defaulting along ``language``'s chain."""
    asset = asset_for_player(asset_id=asset_id)
    if asset is None:
        return None
    tracks = asset.published_subtitles
    default = caption_language(tracks, language)
    voices = asset.published_voice_overs
    default_voice = voice_language([v.language for v in voices], asset.language, language)
    return Player(
        asset=asset,
        kind=asset.kind,
        width=asset.width,
        height=asset.height,
        master_url=_url(asset.master_playlist),
        poster_url=_url(asset.poster),
        download_url=_url(asset.download),
        audio_url=_url(asset.audio_download),
        download_bytes=_file_size(asset.download),
        audio_bytes=_file_size(asset.audio_download),
        opus_url=_url(asset.audio_opus_download),
        opus_bytes=_file_size(asset.audio_opus_download),
        qualities=qualities(asset),
        captions=[_caption(track, default) for track in tracks],
        voice_overs=[
            VoiceOver(
                language=track.language,
                label=languages.get_language(track.language).native_name,
                url=_url(track.download),
                estimated_bytes=_file_size(track.download),
                default=track.language == default_voice,
            )
            for track in voices
        ],
        original_label=(
            languages.get_language(asset.language).native_name
            if languages.is_known(asset.language)
            else ""
        ),
    )


def _caption(track: SubtitleTrack, default: str | None) -> CaptionTrack:
    from django.urls import reverse

    language = languages.get_language(track.language)
    return CaptionTrack(
        language=track.language,
        label=language.native_name,
        direction=language.direction,
        url=f"{reverse('media_pipeline:subtitle_vtt', args=[track.pk])}?v={track.version}",
        default=track.language == default,
    )


@dataclass(frozen=True)
class Recording:
    """A playable asset's sound alone: what a "Listen" button plays."""

    asset_id: int
    language: str
    url: str
    duration: float
    bytes: int


def recordings(*, asset_ids: list[int]) -> dict[int, Recording]:
    """The playable assets of ``asset_ids`` that have a sound-only file, by id: one query."""
    found = playable_assets().filter(pk__in=asset_ids).exclude(audio_download="")
    return {
        asset.pk: Recording(
            asset_id=asset.pk,
            language=asset.language,
            url=_url(asset.audio_download),
            duration=asset.duration or 0.0,
            bytes=_file_size(asset.audio_download),
        )
        for asset in found.only("pk", "language", "audio_download", "duration")
    }
