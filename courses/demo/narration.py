"""Recorded speech for the demo course, made at load time.

Each Arabic and Darija lesson is read aloud by espeak-ng's Arabic voice (there is no Darija
voice: the Arabic one reads the Darija text) and sent through the media pipeline like any upload
(loudness-normalised, with its sound-only rendition); the recording becomes the lesson's
narration in that language (a translation's own recording is a wagtail-localize override). The
first lesson also carries a short video (a test card with the Arabic narration) through the
ladder. Idempotent; call it outside a transaction, since ffmpeg runs meanwhile.
"""

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from media_pipeline.api import (
    asset_ingest_now,
    recordings,
    speech,
    speech_available,
    video_with_sound,
)

from ..models import LessonPage
from .loader import SOURCE, _read

VOICED = ("ar", "ary")  # the languages espeak-ng's Arabic voice can read
VIDEO_LESSON = "what-is-a-cooperative"
VIDEO_SECONDS = 10


@dataclass
class NarrationReport:
    recordings: int = 0
    videos: int = 0
    skipped: str = ""


def narration_text(item: dict, language: str) -> str:
    """What the narration says: the lesson's title, summary and every text block, in order."""
    parts = [item["title"][language], item["summary"][language]]
    for block in item["body"]:
        if block["type"] == "text":
            parts += block["paragraphs"][language]
        elif block["type"] == "tip":
            parts.append(block["text"][language])
        elif block["type"] == "key_steps":
            parts += [block["title"][language], *(step[language] for step in block["steps"])]
    return "\n".join(parts)


def _lessons() -> list[dict]:
    course = _read("demo_course.json")
    return [lesson for module in course["modules"] for lesson in module["lessons"]]


def _source_page(slug: str) -> LessonPage | None:
    return LessonPage.objects.filter(
        slug=slug, locale__language_code=SOURCE, alias_of__isnull=True
    ).first()


def _narrated_languages(page: LessonPage) -> set[str]:
    ids = (
        LessonPage.objects.filter(translation_key=page.translation_key, narration__isnull=False)
        .values_list("narration_id", flat=True)
        .distinct()
    )
    return {recording.language for recording in recordings(asset_ids=list(ids)).values()}


def _record(item: dict, language: str, folder: Path) -> int:
    wav = speech(
        narration_text(item, language), voice="ar", target=folder / f"{item['slug']}-{language}.wav"
    )
    asset = asset_ingest_now(
        path=wav, title=f"Demo narration: {item['slug']} ({language})", language=language
    )
    return asset.pk


@transaction.atomic
def _attach(page: LessonPage, by_language: dict[str, int]) -> None:
    """The source page's narration, the other languages' as overrides, then every translation
    saved again from the source so that none is left out of date."""
    if SOURCE in by_language:
        page.narration_id = by_language[SOURCE]
        page.save_revision().publish()  # the signal refreshes the translation source
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    segment = OverridableSegment.objects.filter(source=source, context__path="narration").first()
    for code, asset_id in by_language.items():
        if code != SOURCE and segment is not None:
            SegmentOverride.objects.update_or_create(
                locale=Locale.objects.get(language_code=code),
                context=segment.context,
                defaults={"data_json": json.dumps(asset_id)},
            )
    _save_translations(source)


def _save_translations(source: TranslationSource) -> None:
    for translation in Translation.objects.filter(source=source, enabled=True):
        translation.save_target(publish=True)


@transaction.atomic
def _add_video(page: LessonPage, item: dict, asset) -> None:
    """A video block first in the lesson, titled with the lesson's title in each language."""
    page.body.insert(0, ("video", {"asset": asset, "title": item["title"][SOURCE]}))
    page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    title = item["title"][SOURCE]
    segments = StringSegment.objects.filter(
        source=source, string__data=title, context__path__endswith=".title"
    )
    for segment in segments:
        for code, text in item["title"].items():
            if code != SOURCE:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=Locale.objects.get(language_code=code),
                    context=segment.context,
                    defaults={"data": text},
                )
    _save_translations(source)


def _video(item: dict, page: LessonPage, folder: Path) -> bool:
    if any(block.block_type == "video" for block in page.body):
        return False
    sound = speech(narration_text(item, SOURCE), voice="ar", target=folder / "video-sound.wav")
    clip = video_with_sound(sound, target=folder / f"{item['slug']}.mp4", seconds=VIDEO_SECONDS)
    asset = asset_ingest_now(path=clip, title=f"Demo video: {item['slug']}", language=SOURCE)
    _add_video(page, item, asset)
    return True


def demo_narration_load(*, slugs: tuple[str, ...] | None = None) -> NarrationReport:
    """Record what is missing (after ``demo_academy_load``), for every lesson or those of
    ``slugs``; nothing when espeak-ng is absent."""
    report = NarrationReport()
    if not speech_available():
        report.skipped = "espeak-ng is not installed: no demo recordings"
        return report
    with tempfile.TemporaryDirectory(prefix="demo-narration-") as folder:
        for item in _lessons():
            if slugs is not None and item["slug"] not in slugs:
                continue
            page = _source_page(item["slug"])
            if page is None:
                continue
            done = _narrated_languages(page)
            wanted = [code for code in VOICED if code in item["title"] and code not in done]
            made = {code: _record(item, code, Path(folder)) for code in wanted}
            if made:
                _attach(page, made)
                report.recordings += len(made)
            if item["slug"] == VIDEO_LESSON and _video(
                item, _source_page(item["slug"]), Path(folder)
            ):
                report.videos += 1
    return report
