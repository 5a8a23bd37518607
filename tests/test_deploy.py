"""What an operator runs: gunicorn with deploy/gunicorn.conf.py and the production settings
answers its probes (ready with every part up, 503 naming each part down) and logs JSON lines;
the compose file is valid and runs one worker per queue and one beat; errors reach an error
reporting server only when a DSN is set."""

import gzip
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest
import yaml
from django.conf import settings

from academy.tests.test_production_settings import PRODUCTION_ENV

ROOT = Path(settings.BASE_DIR)
DEPLOY = ROOT / "deploy"
WEB_PORT, DOWN_WEB_PORT, REPORTS_PORT, CLOSED_PORT = 8160, 8161, 8162, 8169
QUEUES = {"default", "media-cpu", "media-gpu"}
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"]
DOCKER_BUILD = [
    "docker",
    "build",
    "-f",
    "deploy/Dockerfile",
    "--target",
    "web",
    "-t",
    "academy:test",
]


def clean_environment(**overrides: str) -> dict:
    """This process's environment without the test settings' variables, plus ``overrides``."""
    dropped = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE", "MEDIA_ROOT", "SENTRY_DSN"}
    base = {key: value for key, value in os.environ.items() if key not in dropped}
    return {**base, **PRODUCTION_ENV, "LOG_FORMAT": "json", **overrides}


def nothing_listens(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def get(port: int, path: str, *, host: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Gunicorn:
    """gunicorn started as the image starts it, stopped by its process id."""

    def __init__(self, port: int, environment: dict, logs: Path):
        self.port = port
        self.out = (logs / f"gunicorn-{port}.out").open("w+")
        self.err = (logs / f"gunicorn-{port}.err").open("w+")
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [*GUNICORN, "--bind", f"127.0.0.1:{port}", "academy.wsgi"],
            cwd=ROOT,
            env={**environment, "WEB_CONCURRENCY": "1"},
            stdout=self.out,
            stderr=self.err,
        )

    def wait_until_live(self) -> None:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log_text()
            try:
                if get(self.port, "/health/live", host="127.0.0.1")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        pytest.fail(f"gunicorn did not answer: {self.log_text()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_lines(self) -> list[str]:
        lines = []
        for stream in (self.out, self.err):
            stream.flush()
            stream.seek(0)
            lines += [line for line in stream.read().splitlines() if line.strip()]
        return lines

    def log_text(self) -> str:
        return "\n".join(self.log_lines())[-3000:]


@pytest.fixture
def gunicorn(tmp_path):
    started = []

    def start(port: int, **environment: str) -> Gunicorn:
        assert nothing_listens(port), f"port {port} is taken"
        server = Gunicorn(port, clean_environment(**environment), tmp_path)
        started.append(server)
        server.wait_until_live()
        return server

    yield start
    for server in started:
        server.stop()


def production_stack_or_skip() -> tuple[str, str]:
    database_url, redis_url = os.environ.get("DATABASE_URL", ""), os.environ.get("REDIS_URL", "")
    if not database_url.startswith("postgres") or not redis_url:
        pytest.skip("needs the production stack: DATABASE_URL (PostgreSQL) and REDIS_URL")
    # The server's own database, which every PostgreSQL has: readiness only asks for SELECT 1.
    return urlsplit(database_url)._replace(path="/postgres").geturl(), redis_url


def parsed(lines: list[str]) -> list[dict]:
    entries = []
    for line in lines:
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            pytest.fail(f"a log line is not JSON: {line!r}")
    return entries


def test_gunicorn_ready_with_every_part_up_and_logs_json(gunicorn, tmp_path):
    database_url, redis_url = production_stack_or_skip()
    server = gunicorn(
        WEB_PORT, DATABASE_URL=database_url, REDIS_URL=redis_url, MEDIA_ROOT=str(tmp_path)
    )
    status, headers, body = get(WEB_PORT, "/health/ready", host="10.0.3.7")
    assert status == 200, body
    assert json.loads(body)["status"] == "ok"
    assert "no-store" in headers["Cache-Control"]
    # Everything else keeps production's rules: the host check, then the HTTPS redirect.
    assert get(WEB_PORT, "/", host="10.0.3.7")[0] == 400
    status, headers, _ = get(WEB_PORT, "/", host="academy.example.ma")
    assert status == 301
    assert headers["Location"].startswith("https://academy.example.ma/")
    server.stop()

    entries = parsed(server.log_lines())
    access = [entry for entry in entries if entry["logger"] == "gunicorn.access"]
    probe = next(entry for entry in access if entry.get("path") == "/health/ready")
    assert probe["status"] == 200
    assert probe["method"] == "GET"
    assert isinstance(probe["duration_ms"], int)
    assert all({"time", "level", "logger", "message"} <= set(entry) for entry in entries)


def test_gunicorn_not_ready_names_each_part_that_is_down(gunicorn, tmp_path):
    assert nothing_listens(CLOSED_PORT)
    server = gunicorn(
        DOWN_WEB_PORT,
        DATABASE_URL=f"postgres://academy@127.0.0.1:{CLOSED_PORT}/academy",
        REDIS_URL=f"redis://127.0.0.1:{CLOSED_PORT}/0",
        MEDIA_ROOT=str(tmp_path / "not-mounted"),
    )
    started = time.monotonic()
    status, _, body = get(DOWN_WEB_PORT, "/health/ready", host="10.0.3.7")
    assert time.monotonic() - started < 15
    assert status == 503
    payload = json.loads(body)
    assert payload["status"] == "unavailable"
    assert {name: check["ok"] for name, check in payload["checks"].items()} == {
        "database": False,
        "cache": False,
        "broker": False,
        "store": False,
    }
    # The process itself is alive: an orchestrator must not restart it for a database outage.
    assert get(DOWN_WEB_PORT, "/health/live", host="10.0.3.7")[0] == 200
    server.stop()
    warnings = [entry for entry in parsed(server.log_lines()) if entry.get("check")]
    assert {entry["check"] for entry in warnings} == {"database", "cache", "broker", "store"}
    assert all(entry["level"] == "WARNING" for entry in warnings)


# --- error reporting ------------------------------------------------------------------------


class Reports(BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            body = brotli.decompress(body)
        self.received.append((self.path, body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def reports_server():
    assert nothing_listens(REPORTS_PORT)
    Reports.received = []
    server = HTTPServer(("127.0.0.1", REPORTS_PORT), Reports)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Reports.received
    server.shutdown()
    server.server_close()


LOG_AN_ERROR = """
import logging

import django
import sentry_sdk

django.setup()
print("active", sentry_sdk.get_client().is_active())


def certificate_issue(pin):
    logging.getLogger("academy").error("certificate failed for a learner")


certificate_issue("".join(["48", "26"]))  # a PIN, built at run time
sentry_sdk.flush(10)
"""


def run_script(folder: Path, **environment: str) -> subprocess.CompletedProcess:
    script = folder / "log_an_error.py"
    script.write_text(LOG_AN_ERROR)
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, str(script)],
        cwd=ROOT,
        env=clean_environment(PYTHONPATH=str(ROOT), **environment),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_errors_reach_the_reporting_server_when_a_dsn_is_set(reports_server, tmp_path):
    dsn = f"http://public@127.0.0.1:{REPORTS_PORT}/7"
    result = run_script(tmp_path, SENTRY_DSN=dsn)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "active True" in result.stdout
    assert "/api/7/envelope/" in [path for path, _ in reports_server], result.stderr[-3000:]
    assert "/api/7/envelope/" in [path for path, _ in reports_server]
    sent = b"".join(body for _, body in reports_server).decode("utf-8", "replace")
    assert "certificate failed for a learner" in sent
    assert "4826" not in sent  # local variables of stack frames stay home


def test_nothing_is_reported_without_a_dsn(reports_server, tmp_path):
    result = run_script(tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "active False" in result.stdout
    assert reports_server == []


# --- the compose file -----------------------------------------------------------------------


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def command_of(service: dict) -> list[str]:
    return service.get("command") or []


def test_compose_runs_one_worker_per_queue_and_one_beat():
    services = compose()["services"]
    workers = {
        name: command_of(service)[command_of(service).index("-Q") + 1]
        for name, service in services.items()
        if command_of(service)[:4] == ["celery", "-A", "academy", "worker"]
    }
    assert sorted(workers.values()) == sorted(QUEUES)
    assert {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()} <= QUEUES
    beats = [name for name, service in services.items() if "beat" in command_of(service)]
    assert beats == ["beat"]
    assert "-B" not in " ".join(" ".join(command_of(service)) for service in services.values())
    assert {"web", "postgres", "redis", "minio", "migrate", "backup"} <= set(services)


def test_every_setting_read_from_the_environment_is_documented():
    documented = (DEPLOY / "README.md").read_text()
    read = {"GUNICORN_BIND", "WEB_CONCURRENCY", "GUNICORN_THREADS", "GUNICORN_TIMEOUT"}
    for module in ("base.py", "production.py"):
        text = (ROOT / "academy" / "settings" / module).read_text()
        read |= set(re.findall(r'env\.\w+\(\s*"([A-Z0-9_]+)"', text))
    assert sorted(name for name in read if f"`{name}`" not in documented) == []


def compose_command() -> list[str] | None:
    if shutil.which("docker"):
        plugin = subprocess.run(
            ["docker", "compose", "version"],  # noqa: S607
            capture_output=True,
            check=False,
        )
        if plugin.returncode == 0:
            return ["docker", "compose"]
    return ["docker-compose"] if shutil.which("docker-compose") else None


def test_compose_file_is_valid(tmp_path):
    command = compose_command()
    if command is None:
        pytest.skip("neither `docker compose` nor `docker-compose` is installed")
    shutil.copytree(DEPLOY, tmp_path / "deploy")
    example = (DEPLOY / "env.example").read_text()
    filled = example.replace("POSTGRES_PASSWORD=\n", "POSTGRES_PASSWORD=p\n").replace(
        "MINIO_ROOT_PASSWORD=\n", "MINIO_ROOT_PASSWORD=m\n"
    )
    (tmp_path / "deploy" / ".env").write_text(filled)
    result = subprocess.run(  # noqa: S603
        [*command, "-f", str(tmp_path / "deploy" / "compose.yaml"), "config"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    resolved = yaml.safe_load(result.stdout)["services"]
    assert resolved["web"]["environment"]["DATABASE_URL"] == (
        "postgres://academy:p@postgres:5432/academy"
    )
    assert resolved["worker-media-gpu"]["build"]["target"] == "speech"


def test_the_image_builds_where_a_docker_daemon_answers():
    if not shutil.which("docker"):
        pytest.skip("docker is not installed")
    daemon = subprocess.run(["docker", "info"], capture_output=True, check=False)  # noqa: S607
    if daemon.returncode != 0:
        pytest.skip("no Docker daemon answers here: the image is not built")
    result = subprocess.run(  # noqa: S603
        [*DOCKER_BUILD, "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=3600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
