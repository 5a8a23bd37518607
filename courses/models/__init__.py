from .interface_strings import InterfaceString
from .learning import (
    Cohort,
    CohortCodeTry,
    CohortCourse,
    CohortInvitation,
    Enrolment,
    LessonProgress,
    ProgressEvent,
)
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
    "CohortCodeTry",
    "CohortCourse",
    "CohortInvitation",
    "CourseIndexPage",
    "CoursePage",
    "CourseSectorTag",
    "Enrolment",
    "InterfaceString",
    "LearnerPage",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "ProgressEvent",
]
