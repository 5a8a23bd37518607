"""The transactional outbox: tasks are written in the database with the change that calls for
them and handed to the broker once that change commits (docs/decisions/0019).

A broker that is down at commit time loses nothing: the message stays pending and the relay
publishes it as soon as a worker is connected again (on every worker (re)connection, and by the
beat every ``OUTBOX_RELAY_SECONDS``). A message is published at most once by this module; the
tasks it carries are idempotent all the same, since a broker may deliver a message twice.
"""

import logging
import threading
from datetime import datetime, timedelta
from functools import partial
from uuid import UUID

from celery import Task, current_app
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import OutboxMessage

logger = logging.getLogger(__name__)

# A broker that refuses is retried briefly, so that a request never waits long on it.
PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "interval_max": 1,
}


_IMPORTING = threading.Lock()


class PublishError(Exception):
    """The broker did not take the message; it stays pending."""


def enqueue(task_name: str, /, *args, **kwargs) -> OutboxMessage:
    """Write ``task_name(*args, **kwargs)`` in the caller's transaction; publish it after commit.

    Arguments must be JSON values (ids, not objects). Outside a transaction the message is
    published at once.
    """
    _task(task_name)  # a typo fails here, in the caller, not later in the relay
    message = OutboxMessage.objects.create(task_name=task_name, args=list(args), kwargs=kwargs)
    transaction.on_commit(partial(publish, message_id=message.pk), robust=True)
    return message


def publish(*, message_id: UUID) -> bool:
    """Hand one pending message to the broker. False if it is not pending or the broker failed."""
    try:
        return _publish(message_id)
    except PublishError:
        return False


def relay(*, limit: int = 500) -> int:
    """Publish pending messages, oldest first, until the broker fails; returns how many went."""
    pending = OutboxMessage.objects.filter(published_at=None).order_by("created_at")
    published = 0
    for message_id in pending.values_list("pk", flat=True)[:limit]:
        try:
            published += _publish(message_id)
        except PublishError:
            break  # the broker is down: the next relay tries again
    return published


def prune(*, now: datetime | None = None) -> int:
    """Delete messages published more than ``OUTBOX_KEEP_DAYS`` ago; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.OUTBOX_KEEP_DAYS)
    deleted, _ = OutboxMessage.objects.filter(published_at__lt=cutoff).delete()
    return deleted


def _publish(message_id: UUID) -> bool:
    """Publish under a row lock, so that the relay and the commit hook never both send it."""
    with transaction.atomic():
        message = (
            OutboxMessage.objects.select_for_update(skip_locked=True)
            .filter(pk=message_id, published_at=None)
            .first()
        )
        if message is None:
            return False
        failed = not _send(message)
        if failed:
            OutboxMessage.objects.filter(pk=message.pk).update(attempts=F("attempts") + 1)
        else:
            OutboxMessage.objects.filter(pk=message.pk).update(
                published_at=timezone.now(), attempts=F("attempts") + 1
            )
    if failed:
        raise PublishError(message_id)
    return True


def _task(name: str) -> Task:
    """The registered task ``name``; the apps' ``tasks`` modules are imported on first use.

    One thread imports them while the others wait: two first requests at once would otherwise
    see a half-imported module and miss its tasks.
    """
    if name not in current_app.tasks:
        with _IMPORTING:
            if name not in current_app.tasks:
                current_app.loader.import_default_modules()
    if name not in current_app.tasks:
        raise LookupError(f"No Celery task is named {name!r}.")
    return current_app.tasks[name]


def _send(message: OutboxMessage) -> bool:
    task = _task(message.task_name)
    try:
        task.apply_async(
            args=message.args,
            kwargs=message.kwargs,
            task_id=str(message.pk),
            retry=True,
            retry_policy=PUBLISH_RETRY_POLICY,
        )
    except Exception as error:  # any broker failure: the message stays pending
        logger.warning(
            "Outbox: %s %s not published (%r); it stays pending",
            message.task_name,
            message.pk,
            error,
        )
        return False
    return True
