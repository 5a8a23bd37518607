"""Celery tasks of the register link: each calls one service."""

from celery import shared_task

from . import sync


@shared_task(name="registry_link.register_sync_task", ignore_result=True, time_limit=60 * 60)
def register_sync_task() -> None:
    """Apply the register's changes since the last synchronisation (schedule it with beat)."""
    sync.register_sync()
