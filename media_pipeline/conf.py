"""The pipeline settings: ``settings.MEDIA_PIPELINE`` over the defaults below, read in one place."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class Rung:
    """One video rung of the HLS ladder (docs/decisions/0005 and 0027). In settings ``height`` is
    the short side (a portrait video's width); a rung sized for a source (``ladder.rungs_for``)
    holds the picture's real ``width`` and ``height``."""

    name: str
    height: int
    crf: int
    maxrate_kbps: int
    audio_kbps: int
    max_fps: int = 30
    preset: str = ""  # x264 preset of this rung; empty: X264_PRESET
    x264_params: str = ""
    aac_coder: str = ""  # ffmpeg's AAC coder for this rung's sound; empty: twoloop (the default)
    width: int = 0


DEFAULTS: dict[str, object] = {
    # Rungs, lowest first; "height" is the short side (a portrait video's width). 144p stays under
    # 100 kbit/s and 240p under 120 kbit/s with their audio (24k asked measures about 28 kbit/s).
    "LADDER": [
        {
            "name": "144p",
            "height": 144,
            "crf": 28,
            "maxrate_kbps": 64,
            "audio_kbps": 24,
            "max_fps": 15,
        },
        # 240p: at most 120 kbit/s with its sound at SSIM >= 0.97 (docs/decisions/0045): x264
        # "slow" (its CPU cost is small at 426 x 240) at CRF 32 under a 90 kbit/s cap, 20 kbit/s
        # sound (about 24 measured).
        {
            "name": "240p",
            "height": 240,
            "crf": 32,
            "maxrate_kbps": 90,
            "audio_kbps": 20,
            "preset": "slow",
            # slow's adaptive B-frames, look-ahead and 5 references cost CPU for 1 % of bits;
            # subme 7 and trellis on final decisions only: about 1.5 CPU s per minute less for
            # 1 % more bits (111 -> 112 kbit/s, docs/decisions/0046).
            "x264_params": "b-adapt=1:rc-lookahead=30:ref=3:subme=7:trellis=1",
        },
        # From 360p up the sound has bits to spare: the fast AAC coder (a third of the CPU).
        {
            "name": "360p",
            "height": 360,
            "crf": 26,
            "maxrate_kbps": 400,
            "audio_kbps": 32,
            "aac_coder": "fast",
        },
        {
            "name": "480p",
            "height": 480,
            "crf": 26,
            "maxrate_kbps": 700,
            "audio_kbps": 48,
            "aac_coder": "fast",
        },
        # superfast: 17 % fewer CPU seconds for the whole ladder, SSIM 0.985 against 0.988
        # (docs/decisions/0027).
        {
            "name": "720p",
            "height": 720,
            "crf": 26,
            "maxrate_kbps": 1500,
            "audio_kbps": 48,
            "preset": "superfast",
            # Fixed B-frames: about 1.5 CPU seconds per minute less, same bits and SSIM (0045).
            "x264_params": "b-adapt=0",
            "aac_coder": "fast",
        },
    ],
    # ffmpeg's native AAC overshoots by 15-20 %: 32k measures about 39 kbit/s (target <= 48).
    "AUDIO_ONLY_KBPS": 32,
    # The lighter audio-only rendition for players of Opus in fMP4 (Chrome on Android): 20k
    # measures about 23 kbit/s in 2 s segments, a minute for about 0.17 MB (docs/decisions/0046).
    # 0: none.
    "AUDIO_OPUS_KBPS": 20,
    "X264_PRESET": "veryfast",
    # The higher rungs run at the same time as the first run, at a lower priority: the first
    # run (what is playable first) takes the cores it can use, the higher rungs the rest
    # (docs/decisions/0046). 0: the same priority.
    "REST_NICENESS": 5,
    "SEGMENT_SECONDS": 2,
    # EBU R128 targets. The true-peak target is the limiter's (on the mono mix, 4x oversampled):
    # low-rate AAC adds 2-4 dB to peaks, so -6 keeps what phones play below -1 dBTP.
    "LOUDNESS_I": -18.0,
    "LOUDNESS_TP": -6.0,
    "LOUDNESS_LRA": 11.0,
    # What the learner downloads must stay below this true peak (cheap phone speakers clip).
    # The first run's audio is measured once encoded and made again lower if it is above.
    "PEAK_CEILING_DBTP": -1.0,
    "MAX_UPLOAD_BYTES": 4 * 1024**3,
    "MAX_DURATION_SECONDS": 3 * 60 * 60,
    "ALLOWED_EXTENSIONS": [
        "mp4",
        "m4v",
        "mov",
        "mkv",
        "webm",
        "avi",
        "3gp",
        "mp3",
        "m4a",
        "aac",
        "ogg",
        "opus",
        "wav",
        "flac",
        "amr",
    ],
    "UPLOAD_CHUNK_BYTES": 8 * 1024**2,
    "UPLOAD_DIR": "uploads",  # in the store: uploads/<uuid>/<offset>.part, one object a chunk
    # A worker's own folder for ffmpeg's input and output (None: the system's temporary folder);
    # emptied after each task, never shared (docs/decisions/0041).
    "SCRATCH_DIR": None,
    # The speech engine: a dotted path to a class implementing media_pipeline.speech.SpeechEngine.
    "SPEECH_ENGINE": "media_pipeline.speech.whisper_engine.WhisperEngine",
    "WHISPER_MODEL_DIR": None,  # a local folder holding <size>.pt; nothing is downloaded
    "WHISPER_MODEL": "small",
    "WHISPER_DEVICE": None,  # "cuda", "cpu", or None to pick cuda when available
    "WHISPER_DECODE_OPTIONS": {"temperature": 0.0, "condition_on_previous_text": False},
    "CUE_MAX_LINE_CHARS": 42,
    "CUE_MAX_LINES": 2,
    # The sweep re-enqueues assets left waiting longer than this, and takes back work whose
    # heartbeat is older than STALE_AFTER_SECONDS (transcription beats only when it starts).
    # Celery hard time limits; below the Redis visibility timeout (4 h in academy/settings).
    "TRANSCODE_TIME_LIMIT": 3 * 60 * 60,
    "TRANSCRIBE_TIME_LIMIT": 3 * 60 * 60,
    "SWEEP_WAITING_SECONDS": 10 * 60,
    # Transient failures (a killed ffmpeg, a lost worker, a full disk) are tried again, with a
    # back-off of 30 s, 2 min, 8 min…, until an asset has been attempted MAX_ATTEMPTS times.
    "MAX_ATTEMPTS": 3,
    "RETRY_FIRST_DELAY_SECONDS": 30,
    "STALE_AFTER_SECONDS": 10 * 60,
    "STALE_TRANSCRIBING_SECONDS": 3 * 60 * 60 + 10 * 60,
}


def get(name: str):
    return getattr(settings, "MEDIA_PIPELINE", {}).get(name, DEFAULTS[name])


def ladder() -> tuple[Rung, ...]:
    return tuple(Rung(**rung) for rung in get("LADDER"))


def whisper_checkpoint() -> Path | None:
    folder = get("WHISPER_MODEL_DIR")
    return Path(folder) / f"{get('WHISPER_MODEL')}.pt" if folder else None
