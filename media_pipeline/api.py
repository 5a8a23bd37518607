"""What other apps may use of the media pipeline."""

from .av.probe import Probe, probe
from .av.synth import speech, speech_available, video_with_sound
from .blocks import AudioBlock, VideoBlock
from .error_codes import MediaError
from .selectors import Player, Recording, player_for, recordings
from .services.assets import asset_create, asset_ingest_now

PROGRESS_EVENT = "academy:media-progress"  # CustomEvent on the player, detail {position, duration}

__all__ = [
    "PROGRESS_EVENT",
    "AudioBlock",
    "MediaError",
    "Player",
    "Probe",
    "Recording",
    "VideoBlock",
    "asset_create",
    "asset_ingest_now",
    "player_for",
    "probe",
    "recordings",
    "speech",
    "speech_available",
    "video_with_sound",
]
