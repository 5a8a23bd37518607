"""Reads of the scoring: who sees which region, the visit list, a score with its reasons."""

from dataclasses import dataclass

from django.db.models import QuerySet

from core.regions import Region

from .indicators import BY_CODE
from .models import Score, ScoreRun

VIEW = "scoring.view_score"
VIEW_ALL = "scoring.view_all_regions"
REASONS_SHOWN = 3


def sees_every_region(user) -> bool:
    return user.is_superuser or user.has_perm(VIEW_ALL)


def may_see_scores(user) -> bool:
    """Staff who see every region, or staff of a region (``User.region``) with the right."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    return sees_every_region(user) or bool(user.has_perm(VIEW) and user.region)


def region_for(*, user, asked: str) -> str:
    """The region whose list she sees: her own for regional staff, whatever the address asks;
    the one asked (or "" for every region) for staff who see every region."""
    if not sees_every_region(user):
        return user.region
    return asked if asked in Region.values else ""


def latest_run() -> ScoreRun | None:
    return ScoreRun.objects.filter(finished_at__isnull=False).order_by("-started_at").first()


def visit_list(*, run: ScoreRun, region: str) -> QuerySet[Score]:
    """The cooperatives to visit, riskiest first (training alone never puts one here)."""
    scores = Score.objects.filter(run=run, flagged=True)
    if region:
        scores = scores.filter(region_id=region)
    return scores.select_related(
        "cooperative", "cooperative__province", "region", "version"
    ).order_by("-risk", "cooperative_id")


def score_for(*, user, pk: int) -> Score | None:
    """One score if she may see its region; None otherwise (the same as unknown)."""
    scores = Score.objects.select_related("cooperative", "region", "version", "run")
    if not sees_every_region(user):
        scores = scores.filter(region_id=user.region)
    return scores.filter(pk=pk).first()


def history_of(*, score: Score) -> QuerySet[Score]:
    """The cooperative's scores in every run kept, newest first, each with its version."""
    return (
        Score.objects.filter(cooperative_id=score.cooperative_id)
        .select_related("run", "version")
        .order_by("-run__started_at")
    )


@dataclass(frozen=True)
class Reason:
    code: str
    label: str
    points: float  # added to the risk (negative: taken off)
    value: float | None

    @property
    def lowers(self) -> bool:
        return self.points < 0


def reasons_of(score: Score, *, limit: int | None = REASONS_SHOWN) -> list[Reason]:
    """The indicators that moved the risk, largest first (what raised it, then what lowered it);
    ``limit`` keeps the main ones."""
    reasons = []
    for code, points in score.contributions:
        indicator = BY_CODE.get(code)
        if indicator is None or not points:
            continue
        label = indicator.weak if points > 0 else indicator.label
        reasons.append(Reason(code, str(label), points, score.values.get(code)))
    raised = [reason for reason in reasons if not reason.lowers]
    return raised[:limit] if limit else reasons
