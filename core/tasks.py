"""Celery tasks of the shared kernel."""

from celery import shared_task

from . import outbox
from .worker import RELAY_TASK


@shared_task(name=RELAY_TASK, ignore_result=True, time_limit=120, soft_time_limit=100)
def outbox_relay_task() -> None:
    """Publish what the outbox still holds (the broker was down), then forget old messages."""
    outbox.relay()
    outbox.prune()
