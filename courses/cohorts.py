"""Cohorts and the progress of several learners: services (writes) and selectors (reads).

Who may manage cohorts is the views' business (``academy.manage_cohorts``); every selector here
takes the trainer and gives only what is hers, and a cohort's members are only learners who
consented (``cohort_members.py``). Reads about many learners take a fixed number of
queries, whatever the number of learners, courses or lessons.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.spreadsheets import csv_response

from .completion import required_lesson_keys
from .models import Cohort, CohortCourse, CoursePage, Enrolment, LessonProgress
from .models.learning import cohort_join_code
from .progress import enrolment_create
from .selectors import Entry, entries


@dataclass(frozen=True)
class CourseCell:
    """One learner in one course: lessons done out of the required ones, completion."""

    course_key: UUID
    done: int
    total: int
    completed_at: datetime | None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass(frozen=True)
class CourseLine:
    entry: Entry
    cell: CourseCell


@dataclass(frozen=True)
class LearnerProgress:
    """A learner and her enrolled courses (for a leader's list of her members)."""

    learner: object
    courses: list[CourseLine]


@dataclass(frozen=True)
class CohortRow:
    learner: object
    cells: list[CourseCell | None]  # aligned with CohortProgress.courses; None: not enrolled


@dataclass(frozen=True)
class CohortProgress:
    cohort: Cohort
    courses: list[Entry]
    rows: list[CohortRow]


# Selectors -------------------------------------------------------------------------------


def _original_courses(keys) -> list[CoursePage]:
    """One course per key, as written (its tree lists the required lessons): one query."""
    courses = CoursePage.objects.filter(translation_key__in=list(keys), alias_of__isnull=True)
    chosen: dict[UUID, CoursePage] = {}
    for course in courses.select_related("locale"):
        current = chosen.get(course.translation_key)
        if current is None or course.locale.language_code == course.original_language:
            chosen[course.translation_key] = course
    return list(chosen.values())


def course_entries(keys, language_code: str) -> dict[UUID, Entry]:
    """The courses as a reader of ``language_code`` sees them (her tree, else the original)."""
    keys = list(keys)
    if not keys:
        return {}

    def rank(page: Page) -> tuple[bool, bool]:
        return page.locale.language_code == language_code, page.alias_of_id is None

    chosen: dict[UUID, Page] = {}
    for page in Page.objects.filter(translation_key__in=keys).select_related("locale"):
        current = chosen.get(page.translation_key)
        if current is None or rank(page) > rank(current):
            chosen[page.translation_key] = page
    return {entry.page.translation_key: entry for entry in entries(chosen.values(), language_code)}


def course_cells(learner_ids, course_keys=None) -> dict[int, dict[UUID, CourseCell]]:
    """Each learner's enrolled courses (optionally only ``course_keys``) with lessons done."""
    learner_ids = list(learner_ids)
    enrolments = Enrolment.objects.filter(learner_id__in=learner_ids)
    if course_keys is not None:
        enrolments = enrolments.filter(course_key__in=list(course_keys))
    enrolments = list(enrolments.order_by("enrolled_at"))
    keys = {enrolment.course_key for enrolment in enrolments}
    lessons = required_lesson_keys(_original_courses(keys)) if keys else {}
    done = set(
        LessonProgress.objects.filter(
            learner_id__in=learner_ids, course_key__in=keys, status=LessonProgress.Status.DONE
        ).values_list("learner_id", "lesson_key")
    )
    cells: dict[int, dict[UUID, CourseCell]] = defaultdict(dict)
    for enrolment in enrolments:
        order = lessons.get(enrolment.course_key, [])
        cells[enrolment.learner_id][enrolment.course_key] = CourseCell(
            course_key=enrolment.course_key,
            done=sum(1 for key in order if (enrolment.learner_id, key) in done),
            total=len(order),
            completed_at=enrolment.completed_at,
        )
    return cells


def learners_progress(*, learners, language_code: str) -> list[LearnerProgress]:
    """Several learners with the progress of each in her courses: a fixed number of queries."""
    learners = list(learners)
    cells = course_cells([learner.pk for learner in learners])
    titles = course_entries(
        {key for by_course in cells.values() for key in by_course}, language_code
    )
    return [
        LearnerProgress(
            learner=learner,
            courses=[
                CourseLine(entry=titles[key], cell=cell)
                for key, cell in cells.get(learner.pk, {}).items()
                if key in titles
            ],
        )
        for learner in learners
    ]


def cohorts_of(owner) -> QuerySet[Cohort]:
    """The trainer's own cohorts, with how many members each has."""
    return Cohort.objects.filter(owner=owner).annotate(member_count=Count("members"))


def cohort_course_keys(cohort: Cohort) -> list[UUID]:
    keys = cohort.courses.order_by("added_at", "pk").values_list("course_key", flat=True)
    return list(keys)


def cohort_members(cohort: Cohort) -> QuerySet:
    return cohort.members.order_by("first_name", "phone_number")


def cohort_progress(*, cohort: Cohort, language_code: str) -> CohortProgress:
    """Learner × course for the courses the cohort was enrolled in."""
    members = list(cohort_members(cohort))
    titles = course_entries(cohort_course_keys(cohort), language_code)
    cells = course_cells([member.pk for member in members], course_keys=list(titles))
    return CohortProgress(
        cohort=cohort,
        courses=list(titles.values()),
        rows=[
            CohortRow(
                learner=member,
                cells=[cells.get(member.pk, {}).get(key) for key in titles],
            )
            for member in members
        ],
    )


def cohort_csv(progress: CohortProgress, *, filename: str) -> HttpResponse:
    """A CSV download: one line per learner and course of the cohort."""
    header = [
        gettext("First name"),
        gettext("Phone number"),
        gettext("Course"),
        gettext("Lessons done"),
        gettext("Lessons in the course"),
        gettext("Completed on"),
    ]
    lines = [
        [
            row.learner.first_name,
            row.learner.phone_number,
            course.content.title,
            cell.done if cell else "",
            cell.total if cell else "",
            cell.completed_at.date().isoformat() if cell and cell.completed_at else "",
        ]
        for row in progress.rows
        for course, cell in zip(progress.courses, row.cells, strict=True)
    ]
    return csv_response(filename=filename, header=header, rows=lines)


def registered_candidates(*, owner, cohort: Cohort) -> QuerySet:
    """Members the trainer registered herself who are not in the cohort yet (to invite)."""
    return (
        get_user_model()
        .objects.filter(registered_by=owner, is_active=True)
        .exclude(cohorts=cohort)
        .order_by("first_name", "phone_number")
    )


def course_choices(*, language_code: str) -> list[Entry]:
    """The live courses a cohort may be enrolled in, titled for the reader."""
    keys = CoursePage.objects.live().values_list("translation_key", flat=True).distinct()
    return sorted(
        course_entries(set(keys), language_code).values(), key=lambda entry: entry.content.title
    )


# Services --------------------------------------------------------------------------------


def free_join_code() -> str:
    code = cohort_join_code()
    while Cohort.objects.filter(join_code=code).exists():
        code = cohort_join_code()
    return code


def cohort_create(*, owner, name: str) -> Cohort:
    cohort = Cohort(owner=owner, name=name.strip(), join_code=free_join_code())
    cohort.full_clean()
    cohort.save()
    return cohort


@transaction.atomic
def cohort_enrol(*, cohort: Cohort, course_key: UUID, enrolled_by) -> int:
    """The cohort follows the course: every member (now, and each who joins later) is enrolled
    in it. Returns how many members it has now.

    A member already enrolled keeps her progress; her enrolment is counted for the cohort if it
    belonged to none.
    """
    if not CoursePage.objects.filter(translation_key=course_key).exists():
        raise ValidationError(_("This course does not exist."), code="unknown_course")
    CohortCourse.objects.get_or_create(cohort=cohort, course_key=course_key)
    members = list(cohort.members.all())
    for member in members:
        enrolment_create(
            learner=member, course_key=course_key, enrolled_by=enrolled_by, cohort=cohort
        )
    Enrolment.objects.filter(
        learner__in=members, course_key=course_key, cohort__isnull=True
    ).update(cohort=cohort)
    return len(members)
