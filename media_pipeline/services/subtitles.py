"""Subtitle tracks written by people: uploads (VTT or SRT), cue edits, publishing."""

from django.db import transaction

from .. import subtitles
from ..models import MediaAsset, SubtitleTrack
from ..subtitles import Cue


@transaction.atomic
def subtitle_track_upload(*, asset: MediaAsset, language: str, text: str) -> SubtitleTrack:
    """Validate a WebVTT or SRT file and store it as the draft of ``language``, in WebVTT.

    Raises ValidationError (codes ``invalid_subtitles``, ``cue_timing``, ``cue_empty``).
    """
    cues = subtitles.parse(text)
    track, _created = SubtitleTrack.objects.update_or_create(
        asset=asset,
        language=language,
        defaults={
            "source": SubtitleTrack.Source.HUMAN,
            "status": SubtitleTrack.Status.DRAFT,
            "needs_review": False,
            "vtt": subtitles.to_vtt(cues),
            "engine": "",
        },
    )
    return track


def subtitle_track_cues(*, track: SubtitleTrack) -> list[Cue]:
    return subtitles.parse(track.vtt)


@transaction.atomic
def subtitle_track_edit(*, track: SubtitleTrack, cues: list[Cue]) -> SubtitleTrack:
    """Replace the cues of ``track`` (text and timing); a person has now reviewed it."""
    subtitles.validate(cues)
    track.vtt = subtitles.to_vtt(cues)
    track.source = SubtitleTrack.Source.HUMAN
    track.needs_review = False
    track.full_clean()
    track.save()
    return track


def subtitle_track_publish(*, track: SubtitleTrack, published: bool = True) -> SubtitleTrack:
    track.status = SubtitleTrack.Status.PUBLISHED if published else SubtitleTrack.Status.DRAFT
    if published:
        track.needs_review = False
    track.save(update_fields=["status", "needs_review", "updated_at"])
    return track
