"""Asking for the pipeline's tasks through the outbox (core/outbox.py): the request is written in
the transaction that changes the asset and published once it commits. A broker that is down
delays it and loses nothing: it is published as soon as a worker is connected again."""

import logging

from celery import current_app

from core import outbox

logger = logging.getLogger(__name__)


def send(task_name: str, object_id: int) -> None:
    """Ask for ``task_name`` on ``object_id``; published after the caller's transaction commits."""
    outbox.enqueue(f"media_pipeline.{task_name}", object_id)


def on_commit(task_name: str, object_id: int) -> None:
    """The same as ``send``: the name the services use inside their transactions."""
    send(task_name, object_id)


def send_later(task_name: str, object_id: int, *, seconds: float) -> None:
    """Ask for ``task_name`` on ``object_id`` in ``seconds`` (a retry's back-off). Not through the
    outbox, which knows no delays: if the broker refuses, the sweep sends it once the asset's
    ``retry_at`` has passed."""
    try:
        current_app.send_task(
            f"media_pipeline.{task_name}", args=[object_id], countdown=seconds, retry=False
        )
    except Exception as error:  # any broker failure: the sweep is the fallback
        logger.warning("%s %s not sent for later (%r); the sweep will", task_name, object_id, error)
