"""Sessions live in the database and are read through Redis: a Redis outage signs nobody out.
Database connections: persistent and checked by default, a psycopg pool on request; production
still refuses unsafe values with either."""

import pytest
import redis
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import override as language

from academy.tests.test_cache_outage import cache_on, own_redis  # noqa: F401 - fixtures
from academy.tests.test_production_settings import PRODUCTION_ENV, manage, python


def test_sessions_are_cached_in_redis_and_kept_in_the_database():
    if not settings.REDIS_URL:
        pytest.skip("sessions are read through Redis only where REDIS_URL is set")
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"


@pytest.mark.django_db
def test_a_redis_outage_signs_nobody_out(client, cache_on):  # noqa: F811
    process, url = cache_on
    learner = get_user_model().objects.create_user("+212663333333", "1357", first_name="Ittu")
    client.force_login(learner)
    with language("en"):
        assert client.get("/en/me/").status_code == 200
    cached = list(redis.Redis.from_url(url).scan_iter("*sessions*"))
    assert cached, "the session was not cached in Redis"

    process.kill()
    process.wait()

    with language("en"):
        dashboard = client.get("/en/me/")
    assert dashboard.status_code == 200  # not sent to the sign-in page
    assert "Ittu" in dashboard.content.decode()


def test_connections_are_persistent_and_checked_by_default():
    database = settings.DATABASES["default"]
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert "pool" not in database.get("OPTIONS", {})


POOLED = {**PRODUCTION_ENV, "DATABASE_POOL_MAX_SIZE": "4", "DATABASE_POOL_MIN_SIZE": "2"}
SHOW_DATABASE = (
    "import django; django.setup(); from django.conf import settings; "
    "d = settings.DATABASES['default']; print(d['CONN_MAX_AGE'], d['OPTIONS'])"
)


def test_a_pool_replaces_persistent_connections_when_asked_for():
    result = python("-c", SHOW_DATABASE, env=POOLED)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("0 ")
    assert "'pool': {'min_size': 2, 'max_size': 4, 'timeout': 10.0}" in result.stdout
    assert "'connect_timeout': 5" in result.stdout


def test_production_with_a_pool_passes_the_checklist_and_still_refuses_any_host():
    checked = manage("check", "--deploy", "--fail-level", "WARNING", env=POOLED)
    assert checked.returncode == 0, checked.stderr[-2000:]
    refused = manage("check", env={**POOLED, "ALLOWED_HOSTS": "*"})
    assert refused.returncode != 0
    assert "ALLOWED_HOSTS may not contain" in refused.stderr
