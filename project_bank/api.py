"""What other apps may use of ``project_bank``."""

from .choices import YOUTH_MAX_AGE, Sector
from .conf import min_founders
from .funnel import funnel_figures
from .models import Project
from .register_figures import cooperatives_by_sector_provide
from .selectors import project_for_member


def project_for_founding(*, public_id, user) -> Project | None:
    """Her project (she is one of its founders), or None: the founding file starts from it."""
    return project_for_member(public_id=public_id, user=user)


def project_founders(project: Project) -> list:
    """The project's founders (users), the one who started it first, then by joining order."""
    members = project.members.select_related("user").order_by("-is_owner", "joined_at", "pk")
    return [member.user for member in members]


def project_founders_count(project: Project) -> int:
    return project.members.count()


__all__ = [
    "YOUTH_MAX_AGE",
    "Project",
    "Sector",
    "cooperatives_by_sector_provide",
    "funnel_figures",
    "min_founders",
    "project_for_founding",
    "project_founders",
    "project_founders_count",
]
