"""From course to idea: ideas recommended after a course, and the courses to learn first."""

from dataclasses import dataclass
from uuid import UUID

from django.utils.translation import gettext as _
from wagtail.models import Page

from core.regions import Region
from courses.api import CourseProgress, Entry, entries, learner_courses

from .models import Idea
from .selectors import ideas_for_courses


@dataclass(frozen=True)
class Recommendation:
    idea: Idea
    reason: str


@dataclass(frozen=True)
class CourseStep:
    entry: Entry
    progress: CourseProgress | None

    @property
    def percent(self) -> int:
        return self.progress.percent if self.progress else 0

    @property
    def done(self) -> bool:
        return bool(self.progress and self.progress.completed_at)


def course_entries(keys, language_code: str) -> dict[str, Entry]:
    """Course key (text) → the course in the reader's tree (or any tree) with its shown words."""
    keys = [str(key) for key in keys]
    pages = {}
    for page in Page.objects.filter(translation_key__in=keys).select_related("locale"):
        current = pages.get(str(page.translation_key))
        if current is None or page.locale.language_code == language_code:
            pages[str(page.translation_key)] = page
    return {
        str(entry.page.translation_key): entry for entry in entries(pages.values(), language_code)
    }


def _fits_profile(idea: Idea, user) -> bool:
    groups = idea.target_groups
    return (user.gender == "woman" and "women" in groups) or not groups


def _reason(idea: Idea, user, course_titles: list[str]) -> str:
    parts = []
    if user.region:
        parts.append(_("Fits %(region)s") % {"region": Region(user.region).label})
    if course_titles:
        parts.append(_("uses what you learned in “%(course)s”") % {"course": course_titles[0]})
    if user.gender == "woman" and "women" in idea.target_groups:
        parts.append(_("meant for women"))
    return " · ".join(parts)


def recommendations_for(
    *, user, language_code: str, course_key: UUID | None = None, limit: int = 3
) -> list[Recommendation]:
    """Ideas linked to the courses she finished (or to ``course_key``), fitting her region.

    None when she finished nothing, or when no idea is linked to her courses in her region.
    """
    if course_key is not None:
        keys = [course_key]
    else:
        keys = [
            c.entry.page.translation_key
            for c in learner_courses(user, language_code)
            if c.completed_at
        ]
    if not keys:
        return []
    ideas = list(ideas_for_courses(keys, user.region))
    ideas.sort(key=lambda idea: not _fits_profile(idea, user))
    titles = course_entries(keys, language_code)
    finished = {str(key) for key in keys}
    result = []
    for idea in ideas[:limit]:
        learned = [
            titles[str(k)].content.title
            for k in idea.course_keys
            if str(k) in titles and str(k) in finished
        ]
        result.append(Recommendation(idea=idea, reason=_reason(idea, user, learned)))
    return result


def learn_first(*, idea: Idea, user, language_code: str) -> list[CourseStep]:
    """The idea's courses, in order, with her progress in each (none when signed out)."""
    found = course_entries(idea.course_keys or [], language_code)
    progress = {}
    if user.is_authenticated:
        progress = {
            str(course.entry.page.translation_key): course
            for course in learner_courses(user, language_code)
        }
    return [
        CourseStep(entry=found[str(key)], progress=progress.get(str(key)))
        for key in idea.course_keys or []
        if str(key) in found
    ]
