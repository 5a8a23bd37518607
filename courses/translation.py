"""The translation workflow around wagtail-localize: sync on publish, and status per course."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    TranslationSource,
)

from core.languages import LANGUAGES, Language, get_language

from .models import CoursePage

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
UP_TO_DATE = "up_to_date"
STATE_LABELS = {
    MISSING: _("Missing"),
    OUT_OF_DATE: _("Out of date"),
    UP_TO_DATE: _("Up to date"),
}


def translation_source_sync(*, page: Page) -> bool:
    """Refresh the translation source of a just-published original page.

    Translations then show the changed segments as waiting, so the status turns "out of date".
    Returns whether ``page`` is the source of any translation.
    """
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    if source is None:
        return False
    source.update_from_db()
    return True


@dataclass(frozen=True)
class LanguageStatus:
    language: Language
    state: str
    pages_total: int
    pages_translated: int
    segments_waiting: int

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def pages_missing(self) -> int:
        return self.pages_total - self.pages_translated


@dataclass(frozen=True)
class CourseStatus:
    course: CoursePage
    languages: list[LanguageStatus]


def _waiting_segments(sources, locale_id: int) -> int:
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale_id,
        has_error=False,
    )
    return StringSegment.objects.filter(source__in=sources).exclude(Exists(translated)).count()


def _state(pages_translated: int, pages_total: int, waiting: int) -> str:
    if pages_translated == 0:
        return MISSING
    if waiting or pages_translated < pages_total:
        return OUT_OF_DATE
    return UP_TO_DATE


def course_translation_status(course: CoursePage) -> CourseStatus:
    """For each other language: how many of the course's pages are translated, and how many
    segments wait for a translator since the source last changed."""
    keys = list(
        Page.objects.descendant_of(course, inclusive=True)
        .filter(alias_of__isnull=True)
        .values_list("translation_key", flat=True)
    )
    translated = Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
    sources = TranslationSource.objects.filter(object_id__in=keys, locale_id=course.locale_id)
    locale_ids = dict(Locale.objects.values_list("language_code", "pk"))
    statuses = []
    for language in LANGUAGES:
        if language.code == course.locale.language_code:
            continue
        locale_id = locale_ids[language.code]
        waiting = _waiting_segments(
            sources.filter(translations__target_locale_id=locale_id), locale_id
        )
        count = translated.filter(locale_id=locale_id).count()
        statuses.append(
            LanguageStatus(
                language=language,
                state=_state(count, len(keys), waiting),
                pages_total=len(keys),
                pages_translated=count,
                segments_waiting=waiting,
            )
        )
    return CourseStatus(course=course, languages=statuses)


def original_courses():
    """Courses in the language they were written in (not their translations or aliases)."""
    return [
        course
        for course in CoursePage.objects.filter(alias_of__isnull=True).select_related("locale")
        if course.locale.language_code == get_language(course.original_language).code
    ]
