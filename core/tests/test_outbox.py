"""The outbox: published after commit, never lost while the broker is down (a real Redis that
the test stops and starts)."""

import json
import time
from datetime import timedelta

import pytest
from celery import shared_task
from django.db import transaction
from django.utils import timezone

from core import outbox
from core.models import OutboxMessage

from .broker import RedisServer, celery_broker

pytestmark = pytest.mark.django_db

TASK = "core.tests.note_task"
noted: list[int] = []


@shared_task(name=TASK)
def note_task(number: int) -> None:
    noted.append(number)


@pytest.fixture(autouse=True)
def _nothing_noted():
    noted.clear()


def test_a_task_goes_out_only_when_its_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = outbox.enqueue(TASK, 7)
        assert noted == []  # written, not sent
        assert OutboxMessage.objects.filter(published_at=None).count() == 1
    assert noted == [7]  # tasks run in the test process once published
    message.refresh_from_db()
    assert message.published_at is not None


def test_a_rolled_back_change_sends_nothing(django_capture_on_commit_callbacks):
    def failed_change():
        with transaction.atomic():
            outbox.enqueue(TASK, 8)
            raise RuntimeError("the change failed")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        failed_change()
    assert noted == []
    assert not OutboxMessage.objects.exists()


def test_an_unknown_task_is_refused_at_once():
    with pytest.raises(LookupError):
        outbox.enqueue("core.tests.no_such_task", 1)


def test_work_written_while_the_broker_is_down_goes_out_when_it_returns(
    tmp_path, django_capture_on_commit_callbacks
):
    broker = RedisServer(tmp_path)  # not started: nothing listens on its port
    with celery_broker(broker.url):
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            message = outbox.enqueue(TASK, 9)
        assert time.monotonic() - started < 5  # the change is kept, the caller is not held
        message.refresh_from_db()
        assert (message.published_at, message.attempts) == (None, 1)
        assert outbox.relay() == 0  # still down: still pending

        broker.start()
        try:
            assert outbox.relay() == 1
            assert outbox.relay() == 0  # once only
            [raw] = broker.client().lrange("default", 0, -1)
        finally:
            broker.stop()
    headers = json.loads(raw)["headers"]
    assert (headers["task"], headers["id"]) == (TASK, str(message.pk))
    message.refresh_from_db()
    assert message.published_at is not None
    assert noted == []  # sent to the broker, not run here


def test_published_messages_are_forgotten_after_a_week():
    now = timezone.now()
    old = OutboxMessage.objects.create(task_name=TASK, published_at=now - timedelta(days=8))
    recent = OutboxMessage.objects.create(task_name=TASK, published_at=now - timedelta(days=1))
    pending = OutboxMessage.objects.create(task_name=TASK, created_at=now - timedelta(days=30))
    assert outbox.prune(now=now) == 1
    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {recent.pk, pending.pk}
    assert not OutboxMessage.objects.filter(pk=old.pk).exists()
