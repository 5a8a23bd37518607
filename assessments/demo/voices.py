"""Recorded prompts for the demo questions, made at load time.

The Arabic and Darija questions (and their picture choices) are read aloud by espeak-ng's Arabic
voice and sent through the media pipeline like any upload (loudness-normalised); the sound-only
rendition becomes the question's recording. Questions in a language no voice can read lose the
short stand-in tone the loader gives them: no recording is better than a silent one.
Idempotent; call it outside a transaction, since ffmpeg runs meanwhile.
"""

import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.documents.models import Document

from media_pipeline.api import asset_ingest_now, speech, speech_available

from ..models import Choice, Question

VOICED = ("ar", "ary")  # the languages espeak-ng's Arabic voice can read
STAND_IN = "Demo audio:"  # the loader's tones
SPOKEN = "Demo speech:"


def _spoken(text: str, language: str, name: str, folder: Path) -> Document | None:
    title = f"{SPOKEN} {name}"
    document = Document.objects.filter(title=title).first()
    if document is not None:
        return document
    wav = speech(text, voice="ar", target=folder / f"{name}.wav")
    asset = asset_ingest_now(path=wav, title=title, language=language)
    if not asset.audio_download:
        return None
    with default_storage.open(asset.audio_download, "rb") as sound:
        content = ContentFile(sound.read())
    document = Document(title=title)
    document.file.save(f"demo-speech-{name}.m4a", content, save=False)
    document.save()
    return document


def _voice(item, text: str, name: str, folder: Path) -> bool:
    language = item.locale.language_code
    item.audio = _spoken(text, language, name, folder) if language in VOICED else None
    item.save(update_fields=["audio"])
    return item.audio is not None


def demo_voices_load() -> int:
    """Replace the stand-in tones; returns how many recordings were made or reused."""
    if not speech_available():
        return 0
    made = 0
    stand_ins = {"audio__title__startswith": STAND_IN}
    with tempfile.TemporaryDirectory(prefix="demo-voices-") as folder:
        questions = Question.objects.filter(**stand_ins).select_related("locale")
        for question in questions:
            name = f"q-{question.translation_key}-{question.locale.language_code}"
            made += _voice(question, question.text, name, Path(folder))
        choices = Choice.objects.filter(**stand_ins).select_related("locale")
        for choice in choices:
            name = f"c-{choice.translation_key}-{choice.locale.language_code}"
            made += _voice(choice, choice.text, name, Path(folder))
    Document.objects.filter(title__startswith=STAND_IN).delete()
    return made
