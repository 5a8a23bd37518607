"""What other apps may use of ``courses``."""

from wagtail.models import Locale

from .cohort_members import follows as follows_learner
from .cohort_members import invitations_for
from .cohorts import CourseCell, CourseLine, LearnerProgress, learners_progress
from .completion import register_requirement
from .learning import (
    CourseProgress,
    Resume,
    latest_resume,
    learner_courses,
    register_module_step,
    register_next_steps,
)
from .models import Cohort, CohortInvitation, Enrolment, LessonPage, LessonProgress
from .offline import Saveable, content_versions, learner_tag, saveable
from .page_cache import key as page_cache_key
from .page_cache import remember as page_cache_remember
from .page_cache import remember_in_process as page_cache_remember_in_process
from .page_cache import site_prime, site_remember
from .page_cache import timeout as page_cache_timeout
from .panels import register_cohort_panel, register_completion_panel, register_page_panel
from .progress import course_completion_check, lesson_mark_done
from .selectors import Entry, entries
from .signals import cohort_invited, course_completed
from .urls import api_urlpatterns, learner_urlpatterns, page_urlpatterns

__all__ = [
    "Cohort",
    "CourseCell",
    "CourseLine",
    "CourseProgress",
    "Enrolment",
    "Entry",
    "LearnerProgress",
    "LessonProgress",
    "Resume",
    "Saveable",
    "api_urlpatterns",
    "cohort_invited",
    "content_versions",
    "course_completed",
    "course_completion_check",
    "follows_learner",
    "invitations_for",
    "latest_resume",
    "learner_courses",
    "learner_data",
    "learner_tag",
    "learner_urlpatterns",
    "learners_progress",
    "lesson_mark_done",
    "load_demo_academy",
    "load_demo_narration",
    "page_cache_key",
    "page_cache_remember",
    "page_cache_remember_in_process",
    "page_cache_timeout",
    "page_urlpatterns",
    "register_cohort_panel",
    "register_completion_panel",
    "register_module_step",
    "register_next_steps",
    "register_page_panel",
    "register_requirement",
    "saveable",
    "search_lessons",
    "site_prime",
    "site_remember",
]


def search_lessons(*, query: str, language_code: str, limit: int = 20) -> list[Entry]:
    """Lessons of the reader's tree matching ``query``, shown with their fallback content."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return []
    pages = LessonPage.objects.live().filter(locale=locale).search(query)[:limit]
    return entries(pages, language_code)


def learner_data(learner) -> dict:
    """Her enrolments, progress and answers to cohort invitations, for the download of her data."""
    return {
        "cohorts": list(
            CohortInvitation.objects.filter(learner=learner).values(
                "cohort__name", "status", "answered_at"
            )
        ),
        "enrolments": list(
            Enrolment.objects.filter(learner=learner).values(
                "course_key", "enrolled_at", "completed_at"
            )
        ),
        "lessons": list(
            LessonProgress.objects.filter(learner=learner).values(
                "lesson_key", "status", "position_seconds", "event_at", "done_at"
            )
        ),
    }


def load_demo_narration(*, slugs=None):
    """Recorded speech (and one video) for the demo course's lessons (all, or those of
    ``slugs``), through the media pipeline."""
    from .demo.narration import demo_narration_load

    return demo_narration_load(slugs=slugs)


def load_demo_academy():
    """Load the demo course and its translations (idempotent); returns a LoadReport."""
    from .demo.loader import demo_academy_load

    return demo_academy_load()
