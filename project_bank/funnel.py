"""Read-only figures for the staff statistics (``insights``): the first stages of the project
bank's funnel (idea views, adopted projects, complete founding groups) per month, region and
sector of the idea."""

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncMonth

from .models import IdeaEvent, Project, ProjectMember


def _founders():
    members = ProjectMember.objects.filter(project=OuterRef("pk")).order_by()
    return members.values("project").annotate(n=Count("pk")).values("n")


def funnel_figures() -> list[dict]:
    views = (
        IdeaEvent.objects.filter(kind=IdeaEvent.Kind.VIEW)
        .values("region", sector=F("idea__sector"), month=TruncMonth("created_at"))
        .annotate(views=Count("pk"))
        .order_by()
    )
    projects = (
        Project.objects.annotate(founders=Coalesce(Subquery(_founders()), 0))
        .values("region", sector=F("idea__sector"), month=TruncMonth("created_at"))
        .annotate(
            adopted=Count("pk"), groups=Count("pk", filter=Q(founders__gte=F("min_founders")))
        )
        .order_by()
    )
    return [{**row, "adopted": 0, "groups": 0} for row in views] + [
        {**row, "views": 0} for row in projects
    ]
