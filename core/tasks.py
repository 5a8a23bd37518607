"""Celery tasks of the shared kernel: each takes an id (or nothing) and calls one service."""

from celery import shared_task

from . import imports, outbox
from .worker import RELAY_TASK


@shared_task(name=RELAY_TASK, ignore_result=True, time_limit=120, soft_time_limit=100)
def outbox_relay_task() -> None:
    """Publish what the outbox still holds (the broker was down), then forget old messages."""
    outbox.relay()
    outbox.prune()


@shared_task(name="core.import_job_run_task", acks_late=True, time_limit=30 * 60)
def import_job_run_task(job_id: int) -> None:
    imports.import_job_run(job_id=job_id)
