"""The probes of load balancers: /health/live answers while the process runs; /health/ready
answers 503 naming what is down when the database, the cache, the broker or the media store does
not answer (each pointed at a port where nothing listens), 200 when all answer."""

import json
import socket
from functools import partial

import pytest
from celery import Celery
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.test import override_settings

from academy import health
from core.cache import ResilientRedisCache

pytestmark = pytest.mark.django_db

CLOSED_PORT = 8169  # in this suite's range; nothing listens there


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", CLOSED_PORT)) != 0, "something listens on 8169"
    return CLOSED_PORT


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def down_cache(port: int) -> ResilientRedisCache:
    return ResilientRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}},
    )


def down_database(port: int):
    if connection.vendor != "postgresql":
        pytest.skip("a database server at a closed port needs PostgreSQL (DATABASE_URL)")
    settings_dict = {**connection.settings_dict, "HOST": "127.0.0.1", "PORT": str(port)}
    return connection.__class__(settings_dict, alias="down")


def down_broker(port: int) -> Celery:
    return Celery("down", broker=f"redis://127.0.0.1:{port}/0", set_as_current=False)


def ready(client):
    response = client.get("/health/ready")
    return response, json.loads(response.content)


def test_liveness_answers_any_host_without_language_cookie_or_cache(client):
    with override_settings(ALLOWED_HOSTS=["academy.example.ma"]):
        response = client.get("/health/live", HTTP_HOST="10.0.3.7:8000")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_readiness_passes_when_every_part_answers(client, media_root, settings):
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql" or not (
        settings.REDIS_URL
    ):
        pytest.skip("readiness of the production stack needs DATABASE_URL and REDIS_URL")
    response, payload = ready(client)
    assert response.status_code == 200, payload
    assert payload["status"] == "ok"
    assert set(payload["checks"]) == {"database", "cache", "broker", "store"}
    assert all(check["ok"] for check in payload["checks"].values())
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("part", "check"),
    [
        ("database", lambda port: partial(health.database_check, databases=[down_database(port)])),
        ("cache", lambda port: partial(health.cache_check, cache=down_cache(port))),
        ("broker", lambda port: partial(health.broker_check, app=down_broker(port))),
    ],
)
def test_readiness_fails_when_a_part_is_down(
    client, media_root, closed_port, monkeypatch, part, check
):
    monkeypatch.setitem(health.READINESS_CHECKS, part, check(closed_port))
    with override_settings(ALLOWED_HOSTS=["academy.example.ma"]):
        response, payload = ready(client)
    assert response.status_code == 503
    assert payload["status"] == "unavailable"
    assert payload["checks"][part]["ok"] is False
    assert "no-store" in response["Cache-Control"]
    assert payload["checks"][part]["ms"] < 5000  # a closed port fails fast


def test_readiness_fails_when_the_media_folder_is_missing(client, tmp_path, monkeypatch):
    store = FileSystemStorage(location=tmp_path / "not-mounted")
    monkeypatch.setitem(
        health.READINESS_CHECKS, "store", partial(health.store_check, storage=store)
    )
    response, payload = ready(client)
    assert response.status_code == 503
    assert payload["checks"]["store"]["ok"] is False


def test_readiness_fails_when_the_object_store_does_not_answer(client, media_root, closed_port):
    s3 = pytest.importorskip("storages.backends.s3")
    store = s3.S3Storage(
        bucket_name="academy-media",
        endpoint_url=f"http://127.0.0.1:{closed_port}",
        access_key="probe",
        secret_key="probe-secret",
        region_name="us-east-1",
    )
    failed = health.run_checks({"store": partial(health.store_check, storage=store)})
    assert failed["store"]["ok"] is False


def test_a_failing_check_is_logged_without_reaching_the_caller(
    client, media_root, closed_port, monkeypatch, caplog
):
    monkeypatch.setitem(
        health.READINESS_CHECKS, "cache", partial(health.cache_check, cache=down_cache(closed_port))
    )
    response, payload = ready(client)
    assert payload["checks"]["cache"]["ok"] is False
    assert str(closed_port) not in response.content.decode()
    assert any("cache unavailable" in record.getMessage() for record in caplog.records)


def test_probes_answer_only_reads(client):
    response = client.post("/health/ready")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
