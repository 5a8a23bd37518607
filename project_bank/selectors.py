"""Reads: ideas for browsing and search, map counts, recommendations, projects, statistics."""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count, Q, QuerySet

from core.arabic import search_words
from core.regions import Region

from .choices import INVESTMENT_BANDS
from .models import Idea, IdeaRegion, Invitation, Project


@dataclass(frozen=True)
class IdeaFilters:
    region: str = ""
    province: str = ""  # an HCP province code inside ``region``
    sector: str = ""
    investment: str = ""
    target_group: str = ""
    query: str = ""


def ideas_published() -> QuerySet[Idea]:
    return Idea.objects.filter(is_published=True).prefetch_related("translations", "regions")


def _search(ideas: QuerySet[Idea], query: str) -> QuerySet[Idea]:
    """Every word of the query in the idea's stored text, as typed or by its root (core.arabic):
    a substring match on the normalised text, the same on PostgreSQL and SQLite."""
    match = Q()
    for word, root in search_words(query):
        found = Q(search_text__icontains=word)
        match &= found | Q(search_text__contains=root) if root else found
    return ideas.filter(match) if match else ideas


def ideas_filtered(filters: IdeaFilters) -> QuerySet[Idea]:
    ideas = ideas_published()
    if filters.region:
        ideas = ideas.filter(regions__region=filters.region)
    if filters.province:
        # An idea that names no province fits every province of its regions.
        ideas = ideas.filter(
            Q(provinces_text="") | Q(provinces_text__contains=f",{filters.province},")
        )
    if filters.sector:
        ideas = ideas.filter(sector=filters.sector)
    if filters.target_group:
        ideas = ideas.filter(target_groups_text__contains=f",{filters.target_group},")
    if filters.investment in INVESTMENT_BANDS:
        low, high = INVESTMENT_BANDS[filters.investment]
        ideas = ideas.filter(investment_min__gte=low)
        if high is not None:
            ideas = ideas.filter(investment_min__lt=high)
    return _search(ideas, filters.query).distinct().order_by("key")


def region_counts() -> dict[str, int]:
    """Published ideas per region code (every region present, 0 when none)."""
    counts = dict(
        IdeaRegion.objects.filter(idea__is_published=True)
        .values_list("region")
        .annotate(count=Count("idea", distinct=True))
    )
    return {region.value: counts.get(region.value, 0) for region in Region}


def idea_by_key(key: str) -> Idea | None:
    return ideas_published().filter(key=key).first()


def ideas_for_courses(course_keys: list[UUID], region: str) -> QuerySet[Idea]:
    """Published ideas linked to one of the courses and fitting the region (any, if none given).

    ``course_keys`` is a JSON list: compared in Python so it works on every database.
    """
    wanted = {str(key) for key in course_keys}
    ideas = ideas_published()
    if region:
        ideas = ideas.filter(regions__region=region)
    ids = [
        idea.pk
        for idea in ideas.only("pk", "course_keys")
        if wanted.intersection(str(key) for key in idea.course_keys or [])
    ]
    return ideas_published().filter(pk__in=ids).order_by("key")


def projects_of(user) -> QuerySet[Project]:
    return (
        Project.objects.filter(members__user=user)
        .select_related("idea")
        .annotate(founders=Count("members", distinct=True))
        .order_by("-updated_at")
    )


def project_for_member(*, public_id, user) -> Project | None:
    """The project, if ``user`` is one of its members; None otherwise (others never see it)."""
    if not user.is_authenticated:
        return None
    return (
        Project.objects.filter(public_id=public_id, members__user=user)
        .select_related("idea")
        .prefetch_related("members__user", "invitations")
        .first()
    )


def invitations_for(user) -> QuerySet[Invitation]:
    """Pending invitations addressed to her phone number."""
    return (
        Invitation.objects.filter(phone_number=user.phone_number, status=Invitation.Status.PENDING)
        .select_related("project", "invited_by")
        .annotate(founders=Count("project__members", distinct=True))
    )
