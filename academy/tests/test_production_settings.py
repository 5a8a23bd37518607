import os
import subprocess
import sys

from django.conf import settings

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "academy.settings.production",
    "SECRET_KEY": "a-production-secret-that-is-long-and-random-enough-0123456789abcdef",
    "ALLOWED_HOSTS": "academy.example.ma",
    "SMS_SENDER": "academy.sms.HttpSender",
    "SMS_HTTP_URL": "https://sms-gateway.example.ma/api/send",
}


def manage(*args: str, env: dict) -> subprocess.CompletedProcess:
    test_only = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in test_only}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    env = {**PRODUCTION_ENV, "ALLOWED_HOSTS": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


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
