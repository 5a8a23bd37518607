"""What other apps may use of the media pipeline."""

from .av.probe import Probe, probe
from .blocks import AudioBlock, VideoBlock
from .error_codes import MediaError
from .selectors import Player, player_for
from .services.assets import asset_create

PROGRESS_EVENT = "academy:media-progress"  # CustomEvent on the player, detail {position, duration}

__all__ = [
    "PROGRESS_EVENT",
    "AudioBlock",
    "MediaError",
    "Player",
    "Probe",
    "VideoBlock",
    "asset_create",
    "player_for",
    "probe",
]
