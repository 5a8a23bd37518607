"""The pluggable speech engine: turn the sound of an asset into timed text.

An engine is a class named in ``MEDIA_PIPELINE["SPEECH_ENGINE"]`` implementing SpeechEngine
(docs/decisions/0006-speech-engine-interface.md). Whisper is the default.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from django.utils.module_loading import import_string

from .. import conf


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class Transcript:
    language: str  # the platform language code of the transcript (e.g. "ary")
    segments: tuple[Segment, ...]
    needs_review: bool  # produced through a neighbouring language (Darija through Arabic)


class EngineUnavailableError(RuntimeError):
    """The engine cannot run here (e.g. no weights installed); the message says why."""


class SpeechEngine(Protocol):
    name: str

    def supports(self, language_code: str) -> bool:
        """Whether this engine transcribes speech in ``language_code`` (a platform code)."""

    def check(self) -> None:
        """Raise EngineUnavailableError when the engine cannot run on this machine."""

    def transcribe(self, audio: Path, *, language_code: str) -> Transcript:
        """Transcribe ``audio``; the caller has checked ``supports`` and ``check``."""


def get_engine() -> SpeechEngine:
    return import_string(conf.get("SPEECH_ENGINE"))()
