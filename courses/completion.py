"""When a course is complete: every requirement registered here holds for the learner.

The lessons requirement is built in; assessments register theirs (e.g. "final test passed") with
``register_requirement`` from their app's ``ready()``.
"""

from collections.abc import Callable
from uuid import UUID

from django.db.models import Q
from wagtail.models import Page

from .models import CoursePage, LessonPage, LessonProgress
from .page_cache import remember_in_process

Requirement = Callable[[object, UUID], bool]
_requirements: list[Requirement] = []


def register_requirement(requirement: Requirement) -> Requirement:
    if requirement not in _requirements:
        _requirements.append(requirement)
    return requirement


def original_courses(course_keys) -> dict[UUID, CoursePage]:
    """Each course as written (not an alias or a translation): its tree gives the lessons."""
    courses = CoursePage.objects.filter(
        translation_key__in=list(course_keys), alias_of__isnull=True
    )
    found: dict[UUID, CoursePage] = {}
    for course in courses.select_related("locale"):
        is_original = course.locale.language_code == course.original_language
        if is_original or course.translation_key not in found:
            found[course.translation_key] = course
    return found


def original_course(course_key: UUID) -> CoursePage | None:
    return original_courses([course_key]).get(course_key)


def required_lesson_keys(courses: list[Page]) -> dict[UUID, list[UUID]]:
    """For each course, the keys of its required live lessons in course order: one query."""
    if not courses:
        return {}
    in_any = Q()
    for course in courses:
        in_any |= Q(path__startswith=course.path, depth=course.depth + 2)
    lessons = (
        LessonPage.objects.live()
        .filter(in_any, required=True)
        .order_by("path")
        .values_list("path", "translation_key")
    )
    keys: dict[UUID, list[UUID]] = {course.translation_key: [] for course in courses}
    for path, key in lessons:
        course = next(c for c in courses if path.startswith(c.path))
        keys[course.translation_key].append(key)
    return keys


def _required_of(course_key: UUID) -> frozenset[UUID]:
    """The course's required lessons, kept in the process until the next publish."""

    def compute() -> frozenset[UUID]:
        course = original_course(course_key)
        return frozenset(required_lesson_keys([course])[course_key]) if course else frozenset()

    return remember_in_process("required-lessons", (course_key,), compute)


def lessons_done(learner, course_key: UUID) -> bool:
    required = _required_of(course_key)
    if not required:
        return False
    done = LessonProgress.objects.filter(
        learner=learner, lesson_key__in=required, status=LessonProgress.Status.DONE
    ).count()
    return done == len(required)


register_requirement(lessons_done)


def is_complete(learner, course_key: UUID) -> bool:
    return all(requirement(learner, course_key) for requirement in _requirements)
