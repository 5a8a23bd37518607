"""The translation workflow around wagtail-localize: sync on publish, and status per course.

A language's status is *out of date* as soon as the source is published again after the
translation was last saved (the publish refreshes the translation source, whose changed segments
then wait in the translator's editor, listed by ``source_changes``), or while pages are not
translated at all.
"""

from dataclasses import dataclass, replace

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from core.languages import LANGUAGES, Language, get_language

from .models import CoursePage

MISSING = "missing"
OUT_OF_DATE = "out_of_date"
IN_PROGRESS = "in_progress"
UP_TO_DATE = "up_to_date"
STATE_LABELS = {
    MISSING: _("Missing"),
    OUT_OF_DATE: _("Out of date"),
    IN_PROGRESS: _("Being translated or reviewed"),
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
    pages_stale: int = 0  # the source was published again since the translation was saved
    pages_unpublished: int = 0  # drafts, or changes not yet published by a reviewer

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


def _stale_pages(sources, locale_id: int) -> int:
    """Translated pages last saved before their source was last refreshed (on its publishing)."""
    refreshed = dict(sources.values_list("object_id", "last_updated_at"))
    saved = Page.objects.filter(
        translation_key__in=list(refreshed), locale_id=locale_id, alias_of__isnull=True
    ).values_list("translation_key", "latest_revision_created_at")
    return sum(1 for key, at in saved if at is None or at < refreshed[key])


def _state(status: "LanguageStatus") -> str:
    if status.pages_translated == 0:
        return MISSING
    if status.pages_stale or status.pages_translated < status.pages_total:
        return OUT_OF_DATE
    if status.segments_waiting or status.pages_unpublished:
        return IN_PROGRESS
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
        translated_sources = sources.filter(translations__target_locale_id=locale_id)
        in_language = translated.filter(locale_id=locale_id)
        status = LanguageStatus(
            language=language,
            state=MISSING,
            pages_total=len(keys),
            pages_translated=in_language.count(),
            segments_waiting=_waiting_segments(translated_sources, locale_id),
            pages_stale=_stale_pages(translated_sources, locale_id),
            pages_unpublished=in_language.filter(
                Q(live=False) | Q(has_unpublished_changes=True)
            ).count(),
        )
        statuses.append(replace(status, state=_state(status)))
    return CourseStatus(course=course, languages=statuses)


def original_courses():
    """Courses in the language they were written in (not their translations or aliases)."""
    return [
        course
        for course in CoursePage.objects.filter(alias_of__isnull=True).select_related("locale")
        if course.locale.language_code == get_language(course.original_language).code
    ]


@dataclass(frozen=True)
class SourceChange:
    """A source text the translator has not translated yet, with what it replaced, if anything."""

    field: str  # the segment's place in the page ("title", "body.<block id>", …)
    text: str
    previous_text: str | None
    previous_translation: str | None


def source_changes(translation: Translation) -> list[SourceChange]:
    """The source's texts without a translation into ``translation``'s language, in page order.

    For a text that replaced another in the same place, the former text and its translation are
    given, so that the translator sees what changed.
    """
    locale_id = translation.target_locale_id
    segments = list(
        StringSegment.objects.filter(source_id=translation.source_id)
        .exclude(
            Exists(
                StringTranslation.objects.filter(
                    translation_of_id=OuterRef("string_id"),
                    context_id=OuterRef("context_id"),
                    locale_id=locale_id,
                    has_error=False,
                )
            )
        )
        .select_related("string", "context")
        .order_by("order")
    )
    former = {
        former.context_id: former
        for former in StringTranslation.objects.filter(
            locale_id=locale_id, context_id__in=[segment.context_id for segment in segments]
        )
        .select_related("translation_of")
        .order_by("updated_at", "id")
    }
    changes = []
    for segment in segments:
        previous = former.get(segment.context_id)
        if previous is not None and previous.translation_of_id == segment.string_id:
            previous = None
        changes.append(
            SourceChange(
                field=segment.context.path,
                text=segment.string.data,
                previous_text=previous.translation_of.data if previous else None,
                previous_translation=previous.data if previous else None,
            )
        )
    return changes
