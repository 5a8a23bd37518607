"""A broker outage loses nothing and delays little: while a Redis of the test's own is stopped, a
learner signs up and a trainer uploads a video; both requests succeed, and once Redis is back a
real worker sends the SMS code and processes the video within seconds, not at the next sweep."""

import json
import time

import pytest
from django.db import connection

from core.models import OutboxMessage
from core.tests.broker import RedisServer, celery_broker
from media_pipeline.models import MediaAsset
from media_pipeline.tests import media
from media_pipeline.tests.factories import asset_from

from .conftest import Worker, wait_for

NUMBER = "+212661234567"
SIGN_UP = {
    "phone_number": "0661 23 45 67",
    "pin": "2468",
    "pin_again": "2468",
    "first_name": "Itto",
    "preferred_language": "fr",
    "consent": "on",
    "gender": "woman",
}


@pytest.fixture
def own_broker(transactional_db, settings, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("DATABASE_URL is not PostgreSQL: a worker process cannot see SQLite's test DB")
    broker = RedisServer(tmp_path)
    broker.start()
    yield broker
    broker.stop()


@pytest.fixture
def worker_on_own_broker(own_broker, settings, tmp_path):
    media_root = tmp_path / "media-root"
    settings.MEDIA_ROOT = str(media_root)
    sms_file = tmp_path / "sms.jsonl"
    worker = Worker(
        media_root,
        tmp_path / "worker.log",
        redis_url=own_broker.url,
        env={"SMS_FILE_PATH": str(sms_file)},
    )
    worker.sms_file = sms_file
    yield worker
    worker.stop()


def _texts(path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines()]


def _status(asset: MediaAsset) -> str:
    asset.refresh_from_db()
    return asset.status


def test_work_asked_while_the_broker_is_down_is_done_when_it_returns(
    own_broker, worker_on_own_broker, client, tmp_path
):
    worker = worker_on_own_broker
    clip = media.video(tmp_path, seconds=2)
    worker.start()
    worker.wait_until_ready()
    own_broker.stop()

    with celery_broker(own_broker.url):  # this process publishes to the stopped broker
        started = time.monotonic()
        response = client.post("/fr/signup/", SIGN_UP)
        asset = asset_from(clip, language="fr")  # committed: its message meets a dead broker
        assert time.monotonic() - started < 15  # neither request waited on the broker
    assert response.status_code == 302
    assert OutboxMessage.objects.filter(published_at=None).count() == 2  # kept, not lost
    assert _texts(worker.sms_file) == []

    own_broker.start()
    back = time.monotonic()
    [sms] = wait_for(lambda: _texts(worker.sms_file), timeout=60, log=worker.log)
    sms_after = time.monotonic() - back
    assert sms["to"] == NUMBER
    assert sms_after < 30, sms_after  # seconds after its return; the sweep would wait 10 minutes
    wait_for(lambda: _status(asset) in MediaAsset.FINAL_STATUSES, timeout=120, log=worker.log)
    assert asset.status == MediaAsset.Status.READY, asset.error_message
    assert not OutboxMessage.objects.filter(published_at=None).exists()
    assert len(_texts(worker.sms_file)) == 1  # sent once
