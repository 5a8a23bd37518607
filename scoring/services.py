"""Writes of the scoring: versions of the weights, the computation of every score."""

import time

from django.db import connection, transaction
from django.utils import timezone

from . import indicators
from .facts import facts_all
from .models import Score, ScoreRun, ScoringVersion
from .rules import indicator_values, score_of

BATCH = 5000
VERSION_LOCK = 140039  # the advisory lock that orders the creation of versions
RUNS_KEPT = 30  # older runs (and their scores) are deleted after a new one


def version_current() -> ScoringVersion:
    """The latest version; the first one (the documented defaults) if there is none yet."""
    version = ScoringVersion.objects.order_by("-number").first()
    if version is None:
        version, _created = ScoringVersion.objects.get_or_create(
            number=1,
            defaults={
                "settings": indicators.defaults(),
                "visit_threshold": indicators.VISIT_THRESHOLD,
            },
        )
    return version


@transaction.atomic
def version_create(*, settings: dict, visit_threshold: float, user=None, note="") -> ScoringVersion:
    """A new version if anything differs from the current one (versions are never edited, so
    every past score keeps the weights it was computed with); the current one otherwise."""
    with connection.cursor() as cursor:  # two staff saving at once: one after the other
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [VERSION_LOCK])
    current = version_current()
    if settings == current.settings and visit_threshold == current.visit_threshold:
        return current
    return ScoringVersion.objects.create(
        number=current.number + 1,
        settings=settings,
        visit_threshold=visit_threshold,
        created_by=user,
        note=note,
    )


def scores_compute(*, ids=None) -> ScoreRun:
    """Score every active cooperative (or those of ``ids``) with the current version."""
    started = time.perf_counter()
    version = version_current()
    now = timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        run = ScoreRun.objects.create(version=version, started_at=now)
        scores = [
            _score(run, version, row, indicator_values(facts, today=today))
            for row, facts in facts_all(now=now, ids=ids)
        ]
        Score.objects.bulk_create(scores, batch_size=BATCH)
        run.cooperatives, run.finished_at = len(scores), timezone.now()
        run.seconds = round(time.perf_counter() - started, 2)
        run.save(update_fields=["cooperatives", "finished_at", "seconds"])
    _prune()
    return run


def _score(run, version, row, values) -> Score:
    result = score_of(values, settings=version.settings, visit_threshold=version.visit_threshold)
    return Score(
        run=run,
        version=version,
        cooperative_id=row["id"],
        region_id=row["region_id"],
        risk=result.risk,
        score=result.score,
        flagged=result.flagged,
        values=values,
        contributions=result.contributions,
    )


def _prune() -> None:
    kept = ScoreRun.objects.order_by("-started_at").values_list("pk", flat=True)[:RUNS_KEPT]
    ScoreRun.objects.exclude(pk__in=list(kept)).delete()
