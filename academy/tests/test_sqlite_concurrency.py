"""The embedded database (SQLite, what `make run` uses) keeps every write under concurrency.

One development server runs in a subprocess on a SQLite file of its own; learners sign up and
staff upload media at the same time, from threads, each from its own local address (as many
phones would), and editors create courses. Every request must be answered (no 500 "database is
locked"); every account and every media asset must be in the database afterwards, each original
next to its row, and each course in every language.

Migrating a fresh SQLite database takes a while, so the migrated database is kept under
var/test-sqlite/, named after the migrations it was made with, and copied for each run.
"""

import hashlib
import http.client
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings

SIGN_UPS = 16
UPLOADS = 4
COURSES = 3
STAFF_NUMBER = "+212600009990"
STAFF_PASSWORD = "a-long-staff-password-42"
REPO = Path(settings.BASE_DIR)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _environment(database: Path, var: Path) -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DATABASE_URL", "MEDIA_ROOT", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="academy.tests.sqlite_server_settings",
        DATABASE_URL=f"sqlite:///{database}",
        ACADEMY_VAR_DIR=str(var),
        MEDIA_ROOT=str(var / "media"),
        PYTHONUNBUFFERED="1",
    )
    return environment


def _manage(*args: str, environment: dict, timeout: float) -> None:
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=environment,
        check=True,
        timeout=timeout,
        capture_output=True,
    )


# Run in the migrated database: one staff account, and a course index (with its copies in every
# language) to create courses under.
SETUP = f"""
from wagtail.models import Page
from wagtail_localize.synctree import create_aliases_for_new_page
from academy.models import User
from courses.models import CourseIndexPage
User.objects.create_superuser({STAFF_NUMBER!r}, {STAFF_PASSWORD!r})
home = Page.objects.get(depth=2, locale__language_code="ar")
index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
create_aliases_for_new_page(index)
"""


def _migrations_key() -> str:
    digest = hashlib.sha256((REPO / "requirements.txt").read_bytes())
    digest.update(SETUP.encode())
    digest.update(Path(__file__).with_name("sqlite_server_settings.py").read_bytes())
    for path in sorted(REPO.glob("*/migrations/*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _migrated_database(var: Path) -> Path:
    """A migrated SQLite database with one superuser, made once per set of migrations."""
    template = REPO / "var" / "test-sqlite" / f"{_migrations_key()}.sqlite3"
    if not template.exists():
        template.parent.mkdir(parents=True, exist_ok=True)
        building = template.with_suffix(f".{os.getpid()}.building")
        environment = _environment(building, var)
        migrate = ("migrate", "--no-input", "--skip-checks", "-v", "0")
        _manage(*migrate, environment=environment, timeout=300)
        _manage("shell", "-c", SETUP, environment=environment, timeout=120)
        for stale in template.parent.glob("*.sqlite3"):  # made with older migrations
            stale.unlink()
        os.replace(building, template)
    return template


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    var = tmp_path_factory.mktemp("sqlite-server")
    for folder in ("broker", "broker-processed", "broker-control", "media"):  # as `make install`
        (var / folder).mkdir()
    database = var / "academy.sqlite3"
    shutil.copyfile(_migrated_database(var), database)
    with closing(sqlite3.connect(database)) as connection:  # SQLite's default: the server decides
        connection.execute("PRAGMA journal_mode=DELETE")
    port = _free_port()
    log = (var / "server.log").open("wb")
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks", f"{port}"],
        cwd=REPO,
        env=_environment(database, var),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail((var / "server.log").read_text())
            time.sleep(0.1)
    yield port, database, var
    process.terminate()
    process.wait(timeout=10)
    log.close()


class Visitor:
    """One phone: its own local address and its own cookies."""

    def __init__(self, port: int, address: str) -> None:
        self.port, self.address, self.cookies = port, address, {}

    def request(self, method: str, path: str, body: bytes = b"", headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=50, source_address=(self.address, 0)
        )
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        sent = {
            "Cookie": cookie,
            "X-CSRFToken": self.cookies.get("csrftoken", ""),
            **(headers or {}),
        }
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, value = header.split(";")[0].partition("=")
            self.cookies[name.strip()] = value
        connection.close()
        return response.status, content

    def post_form(self, path: str, data: dict):
        self.request("GET", path)
        fields = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        return self.request(
            "POST",
            path,
            urlencode(fields).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )


def _number(index: int) -> str:
    return f"+21266310{index:04d}"


def _sign_up(port: int, index: int) -> list[int]:
    visitor = Visitor(port, f"127.0.1.{index + 1}")
    status, _content = visitor.post_form(
        "/en/signup/",
        {
            "phone_number": _number(index),
            "pin": "2468",
            "pin_again": "2468",
            "consent": "on",
            "first_name": f"Learner {index}",
            "preferred_language": "en",
        },
    )
    return [status]


def _upload(port: int, index: int) -> list[int]:
    visitor = Visitor(port, f"127.0.2.{index + 1}")
    statuses = [
        visitor.post_form("/en/signin/", {"phone_number": STAFF_NUMBER, "pin": STAFF_PASSWORD})[0]
    ]
    content = os.urandom(256 * 1024)
    json_headers = {"Content-Type": "application/json"}
    description = {"filename": f"clip-{index}.wav", "size": len(content), "title": f"Clip {index}"}
    status, body = visitor.request(
        "POST", "/media-pipeline/uploads/", json.dumps(description).encode(), json_headers
    )
    statuses.append(status)
    if status != 201:
        return statuses
    url = json.loads(body)["url"]
    status, _body = visitor.request(
        "PATCH", url, content, {"Upload-Offset": "0", "Content-Type": "application/octet-stream"}
    )
    statuses.append(status)
    status, _body = visitor.request("POST", f"{url}finish/", b"", json_headers)
    statuses.append(status)
    return statuses


def _course_title(index: int) -> str:
    return f"Course {index} made at the same time"


def _create_course(port: int, index: int, parent_id: int) -> list[int]:
    visitor = Visitor(port, f"127.0.3.{index + 1}")
    statuses = [
        visitor.post_form("/en/signin/", {"phone_number": STAFF_NUMBER, "pin": STAFF_PASSWORD})[0]
    ]
    status, _content = visitor.post_form(
        f"/admin/pages/add/courses/coursepage/{parent_id}/",
        {
            "title": _course_title(index),
            "slug": f"course-{index}",
            "summary": "Made while others sign up.",
            "level": "beginner",
            "duration_minutes": "30",
            "original_language": "ar",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "action-publish": "action-publish",
        },
    )
    return [*statuses, status]


def _course_index_id(database: Path) -> int:
    with closing(sqlite3.connect(database)) as connection:
        return connection.execute(
            "SELECT page.id FROM wagtailcore_page page"
            " JOIN wagtailcore_locale locale ON locale.id = page.locale_id"
            " WHERE page.slug = 'courses' AND locale.language_code = 'ar'"
        ).fetchone()[0]


def test_concurrent_sign_ups_uploads_and_pages_all_land(server):
    port, database, var = server
    parent_id = _course_index_id(database)
    answers: dict[str, list[int]] = {}

    def run(name, action, index, *args):
        try:
            answers[name] = action(port, index, *args)
        except Exception as error:  # reported below with the others
            answers[name] = [repr(error)]

    threads = (
        [
            threading.Thread(target=run, args=(f"sign-up {index}", _sign_up, index))
            for index in range(SIGN_UPS)
        ]
        + [
            threading.Thread(target=run, args=(f"upload {index}", _upload, index))
            for index in range(UPLOADS)
        ]
        + [
            threading.Thread(target=run, args=(f"course {index}", _create_course, index, parent_id))
            for index in range(COURSES)
        ]
    )
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=55)
    assert time.monotonic() - started < 55

    expected = (
        {f"sign-up {index}": [302] for index in range(SIGN_UPS)}
        | {f"upload {index}": [302, 201, 200, 201] for index in range(UPLOADS)}
        | {f"course {index}": [302, 302] for index in range(COURSES)}
    )
    assert answers == expected, (var / "server.log").read_text()[-3000:]

    with sqlite3.connect(database) as connection:
        numbers = {
            row[0]
            for row in connection.execute(
                "SELECT phone_number FROM academy_user WHERE phone_number LIKE '+21266310%'"
            )
        }
        originals = [
            row[0] for row in connection.execute("SELECT original FROM media_pipeline_mediaasset")
        ]
        languages = connection.execute("SELECT COUNT(*) FROM wagtailcore_locale").fetchone()[0]
        copies = dict(
            connection.execute(
                "SELECT title, COUNT(*) FROM wagtailcore_page WHERE title LIKE 'Course %'"
                " GROUP BY title"
            ).fetchall()
        )
    assert numbers == {_number(index) for index in range(SIGN_UPS)}
    assert len(originals) == UPLOADS
    on_disk = {
        str(path.relative_to(var / "media")) for path in (var / "media").glob("media/*/original/*")
    }
    assert on_disk == set(originals)  # every original has its row, every row its original
    assert copies == {_course_title(index): languages for index in range(COURSES)}
