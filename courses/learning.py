"""Reads about a learner's courses: her progress, where to continue, what she finished.

Each function takes a bounded number of queries, whatever the number of courses or lessons.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from wagtail.models import Page

from .completion import original_courses, required_lesson_keys
from .models import Enrolment, LessonProgress
from .page_cache import per_request, remember_many
from .selectors import Entry, entries


@dataclass(frozen=True)
class Resume:
    page: Page | None  # in the reader's language tree; None for a step another app offers
    position_seconds: float = 0.0
    link: str = ""  # that step's address (e.g. the test still to pass)

    @property
    def url(self) -> str:
        if self.page is None:
            return self.link
        url = self.page.url
        return f"{url}?t={int(self.position_seconds)}" if self.position_seconds >= 1 else url


# Once every lesson is done, what comes next (a test to pass) is another app's to say:
# ``(learner, course_keys) -> {course_key: address}``, one call for all her courses.
NextSteps = Callable[[object, list[UUID]], dict[UUID, str]]
_next_steps: list[NextSteps] = []


def register_next_steps(next_steps: NextSteps) -> NextSteps:
    if next_steps not in _next_steps:
        _next_steps.append(next_steps)
    return next_steps


# After a module's last lesson, what comes before the next module (its test, not yet passed) is
# another app's to say: ``(learner, module_key) -> address or None``.
ModuleStep = Callable[[object, UUID], str | None]
_module_steps: list[ModuleStep] = []


def register_module_step(module_step: ModuleStep) -> ModuleStep:
    if module_step not in _module_steps:
        _module_steps.append(module_step)
    return module_step


def module_step_after(learner, module_key: UUID) -> str | None:
    """The address the "next" of a module's last lesson opens (its test), or None."""
    for module_step in _module_steps:
        link = module_step(learner, module_key)
        if link:
            return link
    return None


def _steps_after_lessons(learner, course_keys: list[UUID]) -> dict[UUID, Resume]:
    steps: dict[UUID, Resume] = {}
    for next_steps in _next_steps:
        for key, link in next_steps(learner, course_keys).items():
            steps.setdefault(key, Resume(page=None, link=link))
    return steps


@dataclass(frozen=True)
class CourseProgress:
    entry: Entry
    done: int
    total: int
    completed_at: datetime | None
    resume: Resume | None
    last_activity: datetime | None = None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def _pages_in(language_code: str, keys) -> dict[UUID, Page]:
    pages = Page.objects.filter(translation_key__in=list(keys), locale__language_code=language_code)
    return {page.translation_key: page for page in pages.select_related("locale")}


def _next_lesson(order: list[UUID], progress: dict[UUID, LessonProgress]) -> tuple[UUID, float]:
    """The lesson to continue: the last one touched if unfinished, else the next one not done."""
    touched = sorted(progress.values(), key=lambda item: item.event_at)
    if touched and touched[-1].status != LessonProgress.Status.DONE:
        return touched[-1].lesson_key, touched[-1].position_seconds
    last = (
        order.index(touched[-1].lesson_key) if touched and touched[-1].lesson_key in order else -1
    )
    following = order[last + 1 :] + order[: last + 1]
    for key in following:
        if progress.get(key) is None or progress[key].status != LessonProgress.Status.DONE:
            return key, progress[key].position_seconds if key in progress else 0.0
    return order[0], 0.0


@dataclass(frozen=True)
class CourseShape:
    """What a course is for a reader of one language, the same for every learner: cached until
    the next publish (docs/decisions/0040)."""

    entry: Entry | None  # the course in her tree, with the content she reads
    lessons: list[UUID]  # its required lessons, in course order
    lesson_pages: dict[UUID, Page]  # those lessons in her tree (for "continue")


def _course_shapes_build(keys: list[UUID], language_code: str) -> dict[UUID, CourseShape]:
    lessons = required_lesson_keys(list(original_courses(keys).values()))
    reader_pages = _pages_in(language_code, keys)
    resolved = {
        entry.page.translation_key: entry for entry in entries(reader_pages.values(), language_code)
    }
    lesson_pages = _pages_in(language_code, [key for order in lessons.values() for key in order])
    return {
        key: CourseShape(
            entry=resolved.get(key),
            lessons=lessons.get(key, []),
            lesson_pages={k: lesson_pages[k] for k in lessons.get(key, []) if k in lesson_pages},
        )
        for key in keys
    }


def course_shapes(keys: list[UUID], language_code: str) -> dict[UUID, CourseShape]:
    """The shape of each course of ``keys`` for ``language_code``: from the cache in one round
    trip, the missing ones built together in a fixed number of queries."""
    return remember_many(
        "course_shape",
        language_code,
        keys,
        lambda missing: _course_shapes_build(missing, language_code),
    )


def learner_courses(learner, language_code: str, course_keys=None) -> list[CourseProgress]:
    """Her enrolled courses (or those of ``course_keys``) with progress and where to continue,
    in her language. All her courses are read once per request (several parts of a page ask)."""
    if course_keys is not None:
        return _learner_courses(learner, language_code, course_keys)
    return per_request(
        ("learner_courses", learner.pk, language_code),
        lambda: _learner_courses(learner, language_code, None),
    )


def _learner_courses(learner, language_code: str, course_keys) -> list[CourseProgress]:
    enrolments = Enrolment.objects.filter(learner=learner).order_by("-enrolled_at")
    if course_keys is not None:
        enrolments = enrolments.filter(course_key__in=list(course_keys))
    enrolments = list(enrolments)
    keys = [enrolment.course_key for enrolment in enrolments]
    shapes = course_shapes(keys, language_code) if keys else {}
    lessons = {key: shape.lessons for key, shape in shapes.items() if shape.lessons}
    resolved = {key: shape.entry for key, shape in shapes.items() if shape.entry is not None}
    progress = (
        {
            item.lesson_key: item
            for item in LessonProgress.objects.filter(learner=learner, course_key__in=keys)
        }
        if keys
        else {}
    )
    targets = {}
    for key in keys:
        order = lessons.get(key, [])
        if order:
            targets[key] = _next_lesson(order, {k: progress[k] for k in order if k in progress})
    target_pages = {
        lesson: shapes[key].lesson_pages[lesson]
        for key, (lesson, _position) in targets.items()
        if lesson in shapes[key].lesson_pages
    }
    lessons_finished = [
        enrolment.course_key
        for enrolment in enrolments
        if not enrolment.completed_at
        and lessons.get(enrolment.course_key)
        and all(
            k in progress and progress[k].status == LessonProgress.Status.DONE
            for k in lessons[enrolment.course_key]
        )
    ]
    after_lessons = _steps_after_lessons(learner, lessons_finished) if lessons_finished else {}
    result = []
    for enrolment in enrolments:
        if enrolment.course_key not in resolved:
            continue
        order = lessons.get(enrolment.course_key, [])
        done = sum(
            1 for k in order if k in progress and progress[k].status == LessonProgress.Status.DONE
        )
        target = targets.get(enrolment.course_key)
        resume = after_lessons.get(enrolment.course_key) or (
            Resume(page=target_pages[target[0]], position_seconds=target[1])
            if target and target[0] in target_pages
            else None
        )
        touched = [progress[k].event_at for k in order if k in progress]
        result.append(
            CourseProgress(
                entry=resolved[enrolment.course_key],
                done=done,
                total=len(order),
                completed_at=enrolment.completed_at,
                resume=resume,
                last_activity=max(touched, default=None),
            )
        )
    return result


def course_progress(learner, course: Page, language_code: str) -> CourseProgress | None:
    """One course's progress for the learner, or None when she is not enrolled."""
    found = learner_courses(learner, language_code, course_keys=[course.translation_key])
    return found[0] if found else None


def latest_resume(courses: list[CourseProgress]) -> Resume | None:
    """Where she stopped last, among her unfinished courses."""
    active = [c for c in courses if c.last_activity and not c.completed_at and c.resume]
    return max(active, key=lambda course: course.last_activity).resume if active else None


def lesson_progress(learner, lesson_key: UUID) -> LessonProgress | None:
    if not learner.is_authenticated:
        return None
    return LessonProgress.objects.filter(learner=learner, lesson_key=lesson_key).first()


def done_lesson_keys(learner, lesson_keys) -> set[UUID]:
    """Which of ``lesson_keys`` she has done (one query; none for a visitor)."""
    if not learner.is_authenticated:
        return set()
    return set(
        LessonProgress.objects.filter(
            learner=learner,
            lesson_key__in=list(lesson_keys),
            status=LessonProgress.Status.DONE,
        ).values_list("lesson_key", flat=True)
    )


def is_enrolled(learner, course_key: UUID) -> bool:
    return (
        learner.is_authenticated
        and Enrolment.objects.filter(learner=learner, course_key=course_key).exists()
    )
