"""Sending tasks after the transaction commits. A broker that is down loses nothing: the asset
stays in its waiting state and the sweep sends it again."""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)
RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}


def send(task_name: str, object_id: int) -> None:
    """Send ``task_name`` for ``object_id`` now; log and carry on if the broker is unreachable."""
    from .. import tasks  # tasks import the services; resolved late

    task = getattr(tasks, task_name)
    try:
        task.apply_async(args=[object_id], retry=True, retry_policy=RETRY_POLICY)
    except Exception:  # any broker failure: the sweep sends it again
        logger.warning("Could not enqueue %s(%s); the sweep will retry", task_name, object_id)


def on_commit(task_name: str, object_id: int) -> None:
    transaction.on_commit(lambda: send(task_name, object_id))
