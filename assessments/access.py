"""Who may see a learner's certificate PDF or her voice note (docs/decisions/0020).

The learner herself; her cooperative leader (who registered her account); her trainers for that
course (owners of a cohort she consented to that follows the course); and report readers, who
hold ``assessments.view_reports``. Anyone else gets a 404, as if the thing did not exist.
"""

from courses.api import follows_learner

REPORT_READERS = "assessments.view_reports"
LEADERS = "academy.register_members"
TRAINERS = "academy.manage_cohorts"


def may_see_learner_work(viewer, *, learner, course_key=None) -> bool:
    """Whether ``viewer`` may see what ``learner`` did in the course ``course_key`` (None: a
    learning path, which no trainer follows as such)."""
    if not viewer.is_authenticated:
        return False
    if viewer.pk == learner.pk or viewer.has_perm(REPORT_READERS):
        return True
    if learner.registered_by_id == viewer.pk and viewer.has_perm(LEADERS):
        return True
    return bool(
        course_key
        and viewer.has_perm(TRAINERS)
        and follows_learner(viewer=viewer, learner=learner, course_key=course_key)
    )
