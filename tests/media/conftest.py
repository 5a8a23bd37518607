"""A real Celery worker against Redis and the test database (PostgreSQL), started and stopped by
PID by each test that asks for one."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
QUEUES = ("default", "media-cpu", "media-gpu")


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def redis_and_postgres(transactional_db, settings):
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: the real-worker test needs Redis (CI sets it)")
    if connection.vendor != "postgresql":
        pytest.skip("DATABASE_URL is not PostgreSQL: a worker process cannot see SQLite's test DB")
    from academy.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False  # this process sends; the worker runs
    with app.connection_for_write() as broker:
        for queue in QUEUES:
            broker.default_channel.queue_purge(queue)


class Worker:
    def __init__(
        self, media_root: Path, log: Path, *, redis_url: str = "", env: dict | None = None
    ) -> None:
        self.media_root, self.log, self.process = media_root, log, None
        self.redis_url, self.env = redis_url or settings.REDIS_URL, env or {}

    def start(self) -> None:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "academy.settings.test",
            "DATABASE_URL": _database_url(),
            "REDIS_URL": self.redis_url,
            "MEDIA_ROOT": str(self.media_root),
            "CELERY_TASK_ALWAYS_EAGER": "0",
            **self.env,
        }
        env.pop("WHISPER_MODEL_DIR", None)
        command = [sys.executable, "-m", "celery", "-A", "academy", "worker", "-l", "info"]
        command += ["-Q", ",".join(QUEUES), "-c", "1", "--without-heartbeat", "--without-gossip"]
        with self.log.open("a") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True
            )

    def wait_until_ready(self, timeout: float = 60) -> None:
        wait_for(lambda: " ready." in self.log.read_text(), timeout=timeout, log=self.log)

    def kill(self) -> None:
        """SIGKILL the worker and its children (ffmpeg included), as a crash would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def worker(redis_and_postgres, settings, tmp_path):
    media_root = tmp_path / "media-root"
    settings.MEDIA_ROOT = str(media_root)
    started = Worker(media_root, tmp_path / "worker.log")
    yield started
    started.stop()


def wait_for(predicate, *, timeout: float, log: Path | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := predicate():
            return result
        time.sleep(0.3)
    tail = log.read_text()[-3000:] if log and log.exists() else ""
    raise AssertionError(f"timed out after {timeout} s\n{tail}")
