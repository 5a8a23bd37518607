"""Celery tasks of core: each takes an id and calls one service."""

from celery import shared_task

from . import imports


@shared_task(name="core.import_job_run_task", acks_late=True, time_limit=30 * 60)
def import_job_run_task(job_id: int) -> None:
    imports.import_job_run(job_id=job_id)
