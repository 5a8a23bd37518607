from .learning import Cohort, Enrolment, LessonProgress, ProgressEvent
from .pages import (
    CourseIndexPage,
    CoursePage,
    CourseSectorTag,
    LearnerPage,
    LessonPage,
    ModulePage,
)

__all__ = [
    "Cohort",
    "CourseIndexPage",
    "CoursePage",
    "CourseSectorTag",
    "Enrolment",
    "LearnerPage",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "ProgressEvent",
]
