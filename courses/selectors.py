"""Reads for the learner's pages: what a template shows, in a bounded number of queries."""

from dataclasses import dataclass

from wagtail.models import Page

from core.content import readable, resolve_many
from core.languages import Language, fallback_chain, get_language
from media_pipeline.api import recordings


@dataclass(frozen=True)
class Entry:
    """A page in the reader's tree (for its URL) and the translation whose words are shown."""

    page: Page
    content: Page
    shown: Language


@dataclass(frozen=True)
class OutlineModule:
    entry: Entry
    lessons: list[Entry]
    panels: str = ""  # what other apps add under the module (courses.panels)


def entries(pages, language_code: str) -> list[Entry]:
    """Resolve a list of pages for a reader of ``language_code`` in a fixed number of queries."""
    pages = list(pages)
    best = resolve_many(pages, language_code)
    specific = Page.objects.filter(pk__in=[page.pk for page in best.values()]).specific()
    specific_by_pk = {page.pk: page for page in specific}
    result = []
    for page in pages:
        chosen = best.get(page.translation_key, page)
        result.append(
            Entry(
                page=page,
                content=specific_by_pk.get(chosen.pk, chosen),
                shown=get_language(chosen.locale.language_code),
            )
        )
    return result


def lesson_list(pages, parent: Page) -> list[Entry]:
    return entries(pages, parent.locale.language_code)


def course_outline(course: Page) -> list[OutlineModule]:
    """The course's modules, each with its lessons: a constant number of queries."""
    descendants = list(
        readable(course.get_descendants())
        .filter(depth__lte=course.depth + 2)
        .select_related("locale")
    )
    resolved = {entry.page.pk: entry for entry in entries(descendants, course.locale.language_code)}
    modules = [page for page in descendants if page.depth == course.depth + 1]
    return [
        OutlineModule(
            entry=resolved[module.pk],
            lessons=[
                resolved[page.pk]
                for page in descendants
                if page.depth == module.depth + 1 and page.path.startswith(module.path)
            ],
        )
        for module in modules
    ]


def lesson_context(lesson: Page) -> dict:
    """The module and course around a lesson, and the lessons before and after it."""
    module = lesson.get_parent()
    siblings = list(readable(module.get_children()).select_related("locale"))
    ancestors = [module.get_parent(), module]
    resolved = {
        entry.page.pk: entry
        for entry in entries([*ancestors, *siblings], lesson.locale.language_code)
    }
    position = next(i for i, page in enumerate(siblings) if page.pk == lesson.pk)
    return {
        "course_entry": resolved[ancestors[0].pk],
        "module_entry": resolved[module.pk],
        "previous_lesson": resolved[siblings[position - 1].pk] if position > 0 else None,
        "next_lesson": resolved[siblings[position + 1].pk]
        if position + 1 < len(siblings)
        else None,
        "lesson_number": position + 1,
        "lesson_count": len(siblings),
    }


@dataclass(frozen=True)
class Narration:
    """The recording a lesson's "Listen" button plays, and the language it speaks."""

    url: str
    duration: float
    bytes: int
    language: Language
    requested: Language

    @property
    def is_other_language(self) -> bool:
        return self.language.code != self.requested.code

    @property
    def language_name(self) -> str:
        """The recording's language named in the script of the page that offers it (Darija in
        Latin letters on a Tarifit page), else in its own."""
        return dict(self.language.names).get(self.requested.script, self.language.native_name)


def lesson_narration(lesson: Page, language_code: str) -> Narration | None:
    """The narration nearest to ``language_code`` along its fallback chain, among the
    recordings chosen for any translation of ``lesson``; ``None`` when none speaks a language
    of that chain (two queries)."""
    asset_ids = (
        type(lesson)
        .objects.live()
        .filter(translation_key=lesson.translation_key, narration__isnull=False)
        .values_list("narration_id", flat=True)
    )
    found = recordings(asset_ids=list(asset_ids)).values()
    by_language = {}
    for recording in sorted(found, key=lambda item: item.asset_id):
        by_language.setdefault(recording.language, recording)
    for code in fallback_chain(language_code):
        if code in by_language:
            recording = by_language[code]
            return Narration(
                url=recording.url,
                duration=recording.duration,
                bytes=recording.bytes,
                language=get_language(code),
                requested=get_language(language_code),
            )
    return None
