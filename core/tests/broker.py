"""A Redis broker of the test's own, which the test stops and starts again (by PID), and the
Celery application pointed at it for a while."""

import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from celery import current_app
from kombu import pools


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """``redis-server`` on a free port of 127.0.0.1, nothing saved to disk."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.port, self.process = folder, free_port(), None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed")
        command = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no", "--dir", str(self.folder)]
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        client = self.client()
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_connect_timeout=1)

    def queue_length(self, queue: str) -> int:
        return self.client().llen(queue)


def _forget_connections(app) -> None:
    pools.reset()  # kombu's process-wide producer pools would keep the closed connections
    if app._pool is not None:
        app._pool.force_close_all()
        app._pool = None
    if "amqp" in app.__dict__:
        app.amqp._producer_pool = None


@contextmanager
def celery_broker(url: str):
    """Publish to ``url`` from this process (tasks sent, not run here), then put things back.

    The keys carry the settings' ``CELERY_`` prefix, which Celery reads before unprefixed ones.
    """
    app = current_app._get_current_object()
    overrides = {
        "CELERY_BROKER_URL": url,
        "CELERY_BROKER_TRANSPORT_OPTIONS": {"socket_connect_timeout": 3},
        "CELERY_TASK_ALWAYS_EAGER": False,
    }
    changes = app.conf.changes
    saved = {key: changes[key] for key in overrides if key in changes}
    changes.update(overrides)
    _forget_connections(app)
    try:
        yield app
    finally:
        for key in overrides:
            changes.pop(key, None)
        changes.update(saved)
        _forget_connections(app)
