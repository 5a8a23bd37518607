"""Writes about learning: enrolment, progress events, completion.

Progress arrives as events with ids made on the device, so a replayed batch changes nothing;
a media position is kept only if it is newer than the one stored (last write wins by the time
the event happened); "done" is never undone by an older event.
"""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID, uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .completion import is_complete
from .models import CoursePage, Enrolment, LessonPage, LessonProgress, ProgressEvent
from .page_cache import remember_in_process
from .signals import course_completed


@dataclass(frozen=True)
class EventIn:
    id: UUID
    lesson_key: UUID
    kind: str
    occurred_at: datetime
    position_seconds: float | None = None
    duration_seconds: float | None = None


@dataclass(frozen=True)
class BatchOutcome:
    """What became of each event of a batch: new, already stored, or refused (id, code)."""

    accepted: list[UUID]
    duplicates: list[UUID]
    refused: list[tuple[UUID, str]]


def course_key_of_lesson(lesson_key: UUID) -> UUID:
    """The course a lesson belongs to (kept in the process until the next publish: every
    progress event asks)."""

    def compute() -> UUID | None:
        lesson = LessonPage.objects.filter(translation_key=lesson_key).first()
        course = lesson and Page.objects.ancestor_of(lesson).type(CoursePage).first()
        return course.translation_key if course else None

    course_key = remember_in_process("course-of-lesson", (lesson_key,), compute)
    if course_key is None:
        raise ValidationError(_("This lesson does not exist."), code="unknown_lesson")
    return course_key


def enrolment_create(*, learner, course_key: UUID, enrolled_by=None, cohort=None) -> Enrolment:
    if not CoursePage.objects.filter(translation_key=course_key).exists():
        raise ValidationError(_("This course does not exist."), code="unknown_course")
    enrolment, _created = Enrolment.objects.get_or_create(
        learner=learner,
        course_key=course_key,
        defaults={"enrolled_by": enrolled_by, "cohort": cohort},
    )
    return enrolment


def _reached_threshold(progress: LessonProgress) -> bool:
    if not progress.duration_seconds:
        return False
    share = progress.position_seconds / progress.duration_seconds
    return share >= settings.PROGRESS_DONE_THRESHOLD


def _apply(progress: LessonProgress, event: EventIn) -> bool:
    """Apply ``event``; True when it finished the lesson."""
    newer = event.occurred_at >= progress.event_at
    if event.kind == ProgressEvent.Kind.POSITION and newer:
        progress.position_seconds = max(0.0, event.position_seconds or 0.0)
        progress.duration_seconds = event.duration_seconds or progress.duration_seconds
    if newer:
        progress.event_at = event.occurred_at
    if progress.status == LessonProgress.Status.NOT_STARTED:
        progress.status = LessonProgress.Status.IN_PROGRESS
    finished = event.kind == ProgressEvent.Kind.DONE or _reached_threshold(progress)
    if finished and progress.status != LessonProgress.Status.DONE:
        progress.status = LessonProgress.Status.DONE
        progress.done_at = event.occurred_at
        return True
    return False


def _record_one(*, learner, event: EventIn, course_key: UUID) -> bool | None:
    """Store and apply a new event: None for a replay, else whether it finished the lesson."""
    _stored, created = ProgressEvent.objects.get_or_create(
        id=event.id,
        defaults={
            "learner": learner,
            "lesson_key": event.lesson_key,
            "kind": event.kind,
            "position_seconds": event.position_seconds,
            "duration_seconds": event.duration_seconds,
            "occurred_at": event.occurred_at,
        },
    )
    if not created:
        return None
    progress, _new = LessonProgress.objects.select_for_update().get_or_create(
        learner=learner,
        lesson_key=event.lesson_key,
        defaults={"course_key": course_key, "event_at": event.occurred_at},
    )
    finished = _apply(progress, event)
    progress.save()
    return finished


def course_completion_check(*, learner, course_key: UUID) -> bool:
    """Record the completion once (a conditional update), then tell other apps after commit."""
    if not is_complete(learner, course_key):
        return False
    now = timezone.now()
    recorded = Enrolment.objects.filter(
        learner=learner, course_key=course_key, completed_at__isnull=True
    ).update(completed_at=now)
    if recorded:
        transaction.on_commit(
            lambda: course_completed.send(
                sender=Enrolment, learner=learner, course_key=course_key, completed_at=now
            )
        )
    return bool(recorded)


def _record(*, learner, events: list[EventIn], course_keys: dict[UUID, UUID]) -> list[UUID]:
    """Enrol her in each course once, apply the new events in the order they happened, and
    check the completion of the courses where a lesson was finished (only that can complete
    a course through its lessons; tests check completion when she passes them)."""
    for course_key in dict.fromkeys(course_keys.values()):
        Enrolment.objects.get_or_create(learner=learner, course_key=course_key)
    applied, finished_in = [], set()
    for event in sorted(events, key=lambda item: item.occurred_at):
        course_key = course_keys[event.lesson_key]
        finished = _record_one(learner=learner, event=event, course_key=course_key)
        if finished is not None:
            applied.append(event.id)
        if finished:
            finished_in.add(course_key)
    for course_key in finished_in:
        course_completion_check(learner=learner, course_key=course_key)
    return applied


@transaction.atomic
def progress_record(*, learner, events: list[EventIn]) -> list[UUID]:
    """Store and apply new events; returns the ids applied (replayed ones are skipped)."""
    course_keys = {event.lesson_key: course_key_of_lesson(event.lesson_key) for event in events}
    return _record(learner=learner, events=events, course_keys=course_keys)


@transaction.atomic
def progress_record_batch(*, learner, events: list[EventIn]) -> BatchOutcome:
    """Keep every event whose lesson exists; say which were new, replays, or refused and why."""
    course_keys, refused = {}, []
    for lesson_key in dict.fromkeys(event.lesson_key for event in events):
        try:
            course_keys[lesson_key] = course_key_of_lesson(lesson_key)
        except ValidationError as error:
            refused += [(e.id, error.code) for e in events if e.lesson_key == lesson_key]
    valid = [event for event in events if event.lesson_key in course_keys]
    applied = set(_record(learner=learner, events=valid, course_keys=course_keys))
    ids = list(dict.fromkeys(event.id for event in valid))
    return BatchOutcome(
        accepted=[event_id for event_id in ids if event_id in applied],
        duplicates=[event_id for event_id in ids if event_id not in applied],
        refused=refused,
    )


def lesson_mark_done(*, learner, lesson_key: UUID, event_id: UUID | None = None) -> list[UUID]:
    event = EventIn(
        id=event_id or uuid4(),
        lesson_key=lesson_key,
        kind=ProgressEvent.Kind.DONE,
        occurred_at=timezone.now(),
    )
    return progress_record(learner=learner, events=[event])
