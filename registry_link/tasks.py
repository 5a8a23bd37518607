"""Celery tasks of the register link: each calls one service."""

import logging

from celery import shared_task
from django.core.exceptions import ImproperlyConfigured

from . import sync

logger = logging.getLogger(__name__)
SYNC_TASK = "registry_link.register_sync_task"


@shared_task(name=SYNC_TASK, ignore_result=True, time_limit=60 * 60)
def register_sync_task(user_id: int | None = None) -> None:
    """Apply the register's changes since the last synchronisation (schedule it with beat)."""
    try:
        sync.register_sync(user_id=user_id)
    except ImproperlyConfigured as error:
        logger.warning("No synchronisation with the register: %s", error)
