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
    """The cues the editor shows: the unpublished changes if there are any."""
    return subtitles.parse(track.draft_vtt or track.vtt)


@transaction.atomic
def subtitle_track_edit(*, track: SubtitleTrack, cues: list[Cue]) -> SubtitleTrack:
    """Replace the cues of ``track`` (text and timing); a person has now reviewed it.

    A published track keeps what learners get until the changes are published: they are its
    draft (``draft_vtt``).
    """
    subtitles.validate(cues)
    text = subtitles.to_vtt(cues)
    if track.is_published:
        track.draft_vtt = "" if text == track.vtt else text
    else:
        track.vtt, track.draft_vtt = text, ""
        track.needs_review = False
    track.source = SubtitleTrack.Source.HUMAN
    track.full_clean()
    track.save()
    return track


@transaction.atomic
def subtitle_track_publish(*, track: SubtitleTrack, published: bool = True) -> SubtitleTrack:
    """Publish the track with its waiting changes, or withdraw it (a draft again).

    The subtitle URL the player gets carries the text's version, so no cache keeps serving the
    former text once the new one is published.
    """
    track = SubtitleTrack.objects.select_for_update().get(pk=track.pk)
    track.status = SubtitleTrack.Status.PUBLISHED if published else SubtitleTrack.Status.DRAFT
    if published:
        track.needs_review = False
        if track.draft_vtt:
            track.vtt, track.draft_vtt = track.draft_vtt, ""
    track.save(update_fields=["status", "needs_review", "vtt", "draft_vtt", "updated_at"])
    return track
