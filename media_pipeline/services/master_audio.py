"""The master playlist lists the asset's published voice-overs (issue 19, item 8).

Called whenever what it lists may change: a voice-over ready, published or withdrawn, and the
asset processed again (which writes a new master playlist).
"""

from pathlib import Path

from django.core.files.storage import default_storage

from core.languages import get_language, is_known

from ..av.hls_audio import AudioRendition, master_audio_renditions_set
from ..models import MediaAsset, VoiceOverTrack


def master_playlist_voice_overs_sync(*, asset: MediaAsset) -> bool:
    """List the asset's published, ready voice-overs as audio renditions of its master playlist.

    Returns False when the asset has no master playlist yet.
    """
    if not asset.master_playlist or not default_storage.exists(asset.master_playlist):
        return False
    master = Path(default_storage.path(asset.master_playlist))
    tracks = VoiceOverTrack.objects.filter(
        asset=asset, published=True, status=VoiceOverTrack.Status.READY
    ).exclude(playlist="")
    own = get_language(asset.language) if is_known(asset.language) else None
    renditions = [
        AudioRendition(
            language=own.code if own else "und",
            name=own.native_name if own else "Original",
            uri=None,
            default=True,
        )
    ]
    for track in tracks.order_by("language"):
        playlist = Path(default_storage.path(track.playlist))
        renditions.append(
            AudioRendition(
                language=track.language,
                name=get_language(track.language).native_name,
                uri=str(Path("..") / playlist.relative_to(master.parent.parent)),
            )
        )
    master_audio_renditions_set(master, renditions)
    return True
