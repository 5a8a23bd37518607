"""The master playlist lists the asset's published voice-overs (issue 19, item 8).

Called whenever what it lists may change: a voice-over ready, published or withdrawn, and the
asset processed again (which writes a new master playlist).
"""

import posixpath

from django.core.files.storage import default_storage

from core.languages import get_language, is_known

from .. import store
from ..av.hls_audio import AudioRendition, master_audio_renditions_text
from ..models import MediaAsset, VoiceOverTrack


def master_playlist_voice_overs_sync(*, asset: MediaAsset) -> bool:
    """List the asset's published, ready voice-overs as audio renditions of its master playlist
    (read from the store, edited, stored again).

    Returns False when the asset has no master playlist yet.
    """
    if not asset.master_playlist or not default_storage.exists(asset.master_playlist):
        return False
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
    here = posixpath.dirname(asset.master_playlist)
    for track in tracks.order_by("language"):
        renditions.append(
            AudioRendition(
                language=track.language,
                name=get_language(track.language).native_name,
                uri=posixpath.relpath(track.playlist, here),
            )
        )
    text = store.text_read(asset.master_playlist)
    store.text_write(asset.master_playlist, master_audio_renditions_text(text, renditions))
    return True
