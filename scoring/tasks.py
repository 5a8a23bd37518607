"""Celery task of the scoring: it calls one service."""

from celery import shared_task

from . import services

COMPUTE_TASK = "scoring.scores_compute_task"


@shared_task(name=COMPUTE_TASK, ignore_result=True, time_limit=60 * 60)
def scores_compute_task() -> None:
    """Score every active cooperative with the current version (beat: every night)."""
    services.scores_compute()
