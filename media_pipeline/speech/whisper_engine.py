"""openai-whisper as a speech engine. Weights are read from a local checkpoint
(``WHISPER_MODEL_DIR/<WHISPER_MODEL>.pt``); nothing is ever downloaded."""

import functools
from pathlib import Path

from core import languages

from .. import conf
from . import EngineUnavailableError, Segment, Transcript


@functools.lru_cache(maxsize=2)
def _load(path: str, mtime: float, device: str):
    import whisper  # imported late: torch takes seconds to import

    return whisper.load_model(path, device=device)


def _device() -> str:
    configured = conf.get("WHISPER_DEVICE")
    if configured:
        return configured
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


class WhisperEngine:
    name = "whisper"

    def supports(self, language_code: str) -> bool:
        return languages.is_known(language_code) and bool(
            languages.get_language(language_code).whisper_code
        )

    def checkpoint(self) -> Path:
        path = conf.whisper_checkpoint()
        if path is None:
            raise EngineUnavailableError("WHISPER_MODEL_DIR is not set")
        if not path.is_file():
            raise EngineUnavailableError(f"{path} does not exist")
        return path

    def check(self) -> None:
        self.checkpoint()
        try:
            import whisper  # noqa: F401
        except ImportError as error:
            raise EngineUnavailableError("openai-whisper is not installed") from error

    def transcribe(self, audio: Path, *, language_code: str) -> Transcript:
        path = self.checkpoint()
        device = _device()
        model = _load(str(path), path.stat().st_mtime, device)
        language = languages.get_language(language_code)
        options = {"fp16": device == "cuda", **conf.get("WHISPER_DECODE_OPTIONS")}
        result = model.transcribe(
            str(audio), language=language.whisper_code, verbose=None, **options
        )
        segments = tuple(
            Segment(start=float(s["start"]), end=float(s["end"]), text=s["text"].strip())
            for s in result["segments"]
            if s["text"].strip()
        )
        return Transcript(
            language=language.code,
            segments=segments,
            needs_review=language.whisper_code != language.code,
        )
