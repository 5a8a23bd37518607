"""Production settings refuse to start on what would make a deployment unsafe, and every entry
point (manage.py, WSGI, ASGI, Celery) runs them unless development is chosen explicitly.

Each test starts a new Python process, as a deployment would, with its own environment."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from academy.settings import env as environment

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "academy.settings.production",
    "SECRET_KEY": "a-production-secret-that-is-long-and-random-enough-0123456789abcdef",
    "ALLOWED_HOSTS": "academy.example.ma",
    "SMS_SENDER": "academy.sms.HttpSender",
    "SMS_HTTP_URL": "https://sms-gateway.example.ma/api/send",
    "DATABASE_URL": "postgres://academy@127.0.0.1:5432/academy",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}
SETTINGS = "DJANGO_SETTINGS_MODULE"
WHICH_SETTINGS = (
    "from django.conf import settings; "
    "print(settings.SETTINGS_MODULE, settings.DEBUG, settings.CELERY_BROKER_URL)"
)


def python(*args: str, env: dict) -> subprocess.CompletedProcess:
    """Run ``python ARGS`` in the project's folder with only ``env`` of the variables above."""
    test_only = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in test_only}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    return python("manage.py", *args, env=env)


def assert_refused(result: subprocess.CompletedProcess, message: str) -> None:
    assert result.returncode != 0, result.stdout
    assert message in result.stderr, result.stderr[-2000:]


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": ""})
    assert_refused(result, "SECRET_KEY must be set")


@pytest.mark.parametrize(
    "key",
    [
        pytest.param("short-but-random-Zq81x", id="shorter-than-50"),
        pytest.param("ab" * 40, id="two-distinct-characters"),
    ],
)
def test_production_refuses_a_weak_secret_key(key):
    result = manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": key})
    assert_refused(result, "SECRET_KEY is too weak for production")
    assert key not in result.stderr  # the key itself is never printed


@pytest.mark.parametrize(
    "key",
    [
        pytest.param(environment.DEVELOPMENT_SECRET_KEY, id="development"),
        pytest.param(environment.TEST_SECRET_KEY, id="test"),
        pytest.param(
            "django-insecure-7#q0xk2p9m$w4@n1e8r5t3y6u0i2o4p6a8s0d2f4g6h8j0k2l4", id="startproject"
        ),
    ],
)
def test_production_refuses_a_key_published_for_development_or_tests(key):
    result = manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": key})
    assert_refused(result, "SECRET_KEY holds a development or test key")


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", env={**PRODUCTION_ENV, "ALLOWED_HOSTS": ""})
    assert_refused(result, "ALLOWED_HOSTS must be set")


def test_production_refuses_any_host():
    result = manage("check", env={**PRODUCTION_ENV, "ALLOWED_HOSTS": "academy.example.ma,*"})
    assert_refused(result, 'ALLOWED_HOSTS may not contain "*"')


@pytest.mark.parametrize("name", ["DATABASE_URL", "REDIS_URL"])
def test_production_has_no_fallback_database_cache_or_broker(name):
    result = manage("check", env={**PRODUCTION_ENV, name: ""})
    assert_refused(result, f"{name} must be set in production")


def test_production_passes_the_deployment_checklist():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_the_console_and_file_sms_senders():
    for sender in ("academy.sms.ConsoleSender", "academy.sms.FileSender"):
        result = manage("check", env={**PRODUCTION_ENV, "SMS_SENDER": sender})
        assert result.returncode != 0
        assert f"SMS_SENDER={sender} is for development and tests" in result.stderr


def test_production_needs_the_gateway_url():
    result = manage("check", env={**PRODUCTION_ENV, "SMS_HTTP_URL": ""})
    assert result.returncode != 0
    assert "SMS_HTTP_URL must be set" in result.stderr


@pytest.mark.parametrize("module", ["academy.wsgi", "academy.asgi", "academy.celery"])
def test_entry_points_run_production_settings_by_default(module):
    defaults = {key: value for key, value in PRODUCTION_ENV.items() if key != SETTINGS}
    loaded = python("-c", f"import {module}; {WHICH_SETTINGS}", env=defaults)
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    assert loaded.stdout.split() == ["academy.settings.production", "False", defaults["REDIS_URL"]]

    refused = python("-c", f"import {module}; {WHICH_SETTINGS}", env={**defaults, "SECRET_KEY": ""})
    assert_refused(refused, "SECRET_KEY must be set in production")


def test_the_worker_refuses_to_start_with_a_development_key():
    defaults = {
        key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_SETTINGS_MODULE"
    }
    command = ["-m", "celery", "-A", "academy", "worker", "--pool", "solo", "-Q", "none"]
    result = python(*command, env={**defaults, "SECRET_KEY": environment.DEVELOPMENT_SECRET_KEY})
    assert_refused(result, "SECRET_KEY holds a development or test key")


def test_manage_py_runs_production_settings_unless_development_is_chosen():
    defaults = {
        key: value for key, value in PRODUCTION_ENV.items() if key != "DJANGO_SETTINGS_MODULE"
    }
    without_key = {**defaults, "SECRET_KEY": "", "DATABASE_URL": "", "REDIS_URL": ""}
    assert_refused(manage("check", env=without_key), "SECRET_KEY must be set in production")

    development = {**without_key, "DJANGO_SETTINGS_MODULE": "academy.settings.dev"}
    assert manage("check", env=development).returncode == 0
