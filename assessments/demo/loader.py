"""Load the demo questions, a practice quiz in one lesson, a module test, the final test and a
learning path (idempotent)."""

import io
import math
import struct
import wave
from decimal import Decimal

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page

from core.languages import get_language
from courses.api import LessonPage

from ..models import Choice, LearningPath, LearningPathCourse, Question, Quiz, QuizItem
from .questions import (
    LANGUAGES,
    LEARNING_PATH,
    MODULE_TEST,
    PRACTICE,
    PRACTICE_LESSON,
    QUESTIONS,
)

COURSE_SLUG = "founding-a-cooperative"


def _tone(pitch: int) -> bytes:
    """A short beep as WAV: a stand-in for a recorded voice."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        frames = (int(8000 * 0.1 * math.sin(2 * math.pi * pitch * i / 8000)) for i in range(3200))
        out.writeframes(b"".join(struct.pack("<h", f) for f in frames))
    return buffer.getvalue()


def _audio(name: str, pitch: int) -> Document:
    title = f"Demo audio: {name}"
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title)
        document.file.save(f"demo-{name}.wav", ContentFile(_tone(pitch)), save=False)
        document.save()
    return document


def _picture(name: str) -> Image:
    """The demo course's pictogram of that name, or a plain tile if the course has none."""
    title = f"Demo pictogram: {name}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        buffer = io.BytesIO()
        PILImage.new("RGB", (240, 180), "#0b6e4f").save(buffer, format="PNG")
        image = Image(title=title)
        image.file = ImageFile(buffer, name=f"demo-{name}.png")
        image.save()
    return image


def _readable(texts: dict, language: str) -> str:
    """The text in ``language``, else in a language written in the same script (French for
    Tarifit, read in Latin letters: decision 0043), else in Arabic."""
    if language in texts:
        return texts[language]
    script = get_language(language).script
    same = [text for code, text in texts.items() if get_language(code).script == script]
    return same[0] if same else texts.get("ar", "")


def _question(data: dict, language: str, source: Question | None) -> Question:
    pitch = 300 + 40 * LANGUAGES.index(language)
    question = Question(
        locale=Locale.objects.get(language_code=language),
        kind=data["kind"],
        text=data["text"].get(language, data["text"]["ar"]),
        explanation=_readable(data.get("explanation", {}), language),
        audio=_audio(f"{data['id']}-{language}", pitch),
        is_true=data.get("is_true", True),
        correct_number=Decimal(data["number"]) if "number" in data else None,
    )
    if source is not None:
        question.translation_key = source.translation_key
    question.save()
    source_choices = list(source.choices.all()) if source else []
    for index, item in enumerate(data.get("choices", [])):
        choice = Choice(
            question=question,
            locale=question.locale,
            sort_order=index,
            text=item["text"].get(language, item["text"]["ar"]),
            feedback=_readable(item.get("feedback", {}), language),
            is_correct=item.get("correct", False),
            image=_picture(item["picture"]) if "picture" in item else None,
            audio=_audio(f"{data['id']}-{index}-{language}", pitch + 50 * index)
            if "picture" in item
            else None,
        )
        if source_choices:
            choice.translation_key = source_choices[index].translation_key
        choice.save()
    return question


def _questions() -> dict[str, Question]:
    sources = {}
    for data in QUESTIONS:
        existing = Question.objects.filter(
            locale__language_code="ar", text=data["text"]["ar"]
        ).first()
        if existing is None:
            existing = _question(data, "ar", None)
            for language in LANGUAGES[1:]:
                _question(data, language, existing)
        sources[data["id"]] = existing
    return sources


def _quiz(title: str, kind: str, questions: list[Question], **fields) -> Quiz:
    quiz, _created = Quiz.objects.get_or_create(title=title, defaults={"kind": kind, **fields})
    present = set(quiz.items.values_list("question_id", flat=True))
    for index, question in enumerate(questions):
        if question.pk not in present:
            QuizItem.objects.create(quiz=quiz, question=question, sort_order=index)
    return quiz


def _add_to_lesson(quiz: Quiz) -> None:
    lessons = LessonPage.objects.filter(slug=PRACTICE_LESSON, alias_of__isnull=True)
    for lesson in lessons:
        if any(block.block_type == "quiz" for block in lesson.body):
            continue
        lesson.body.append(("quiz", {"quiz": quiz}))
        lesson.save_revision().publish()


def _learning_path() -> LearningPath:
    """The demo path: Arabic source and its translations, each listing every demo course."""
    source = LearningPath.objects.filter(
        locale__language_code="ar", title=LEARNING_PATH["title"]["ar"]
    ).first()
    if source is not None:
        return source
    course_model = apps.get_model("courses", "CoursePage")  # by label: courses.api has no export
    courses = list(
        course_model.objects.filter(locale__language_code="ar", alias_of__isnull=True).order_by(
            "path"
        )
    )
    for language in LEARNING_PATH["title"]:
        path = LearningPath(
            locale=Locale.objects.get(language_code=language),
            title=LEARNING_PATH["title"][language],
            description=LEARNING_PATH["description"][language],
        )
        if source is not None:
            path.translation_key = source.translation_key
        path.save()
        for index, course in enumerate(courses):
            LearningPathCourse.objects.create(path=path, course=course, sort_order=index)
        source = source or path
    return source


@transaction.atomic
def demo_assessments_load(*, in_lesson: bool = True) -> dict:
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    sources = _questions()
    practice = _quiz(
        "Demo: check the six steps",
        Quiz.Kind.PRACTICE,
        [sources[key] for key in PRACTICE],
    )
    course = Page.objects.filter(slug=COURSE_SLUG, locale__language_code="ar").first()
    final = _quiz(
        "Demo: final test",
        Quiz.Kind.FINAL,
        list(sources.values()),
        course=course,
        passing_score=60,
        max_attempts=3,
        draw_count=7,
    )
    module = _quiz(
        "Demo: test of the first module",
        Quiz.Kind.MODULE,
        [sources[key] for key in MODULE_TEST],
        module=course.get_children().first() if course else None,
        passing_score=60,
        max_attempts=0,
        time_limit_minutes=10,
    )
    # The same questions before and after the course: the reports show the learning gain.
    pre, post = (
        _quiz(title, kind, list(sources.values()), course=course, passing_score=0, max_attempts=1)
        for title, kind in (
            ("Demo: pre-test", Quiz.Kind.PRE),
            ("Demo: post-test", Quiz.Kind.POST),
        )
    )
    if in_lesson:
        _add_to_lesson(practice)
    return {
        "pre": pre.pk,
        "post": post.pk,
        "questions": len(sources),
        "practice": practice.pk,
        "module": module.pk,
        "final": final.pk,
        "path": _learning_path().pk,
    }
