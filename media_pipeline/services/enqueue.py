"""Asking for the pipeline's tasks through the outbox (core/outbox.py): the request is written in
the transaction that changes the asset and published once it commits. A broker that is down
delays it and loses nothing: it is published as soon as a worker is connected again."""

from core import outbox


def send(task_name: str, object_id: int) -> None:
    """Ask for ``task_name`` on ``object_id``; published after the caller's transaction commits."""
    outbox.enqueue(f"media_pipeline.{task_name}", object_id)


def on_commit(task_name: str, object_id: int) -> None:
    """The same as ``send``: the name the services use inside their transactions."""
    send(task_name, object_id)
