"""Learner figures for `make bench` (called by run.py, in its environment):

- database queries of the learner dashboard with 1 and with 20 enrolled courses (in process; the
  19 extra courses are created in a transaction that is rolled back);
- the progress endpoint under 16 concurrent connections against gunicorn: each request carries a
  new position event of one of 16 signed-in learners (sessions made in process, in the same
  database). Run it with DATABASE_URL set to PostgreSQL for the production figure: SQLite
  serialises every write.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlencode

from run import (
    LOAD_MAX_REQUESTS,
    LOAD_SECONDS,
    LOAD_THREADS,
    BenchError,
    bench,
    committed_as_if,
    percentile,
    say,
)

EXTRA_COURSES = 19


class _RollBack(Exception):  # noqa: N818
    pass


def _learner(number: int):
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        phone_number=f"+2126610{number:05d}", defaults={"first_name": f"Bench {number}"}
    )
    return user


def _dashboard_queries(learner) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(learner)
    client.get("/ar/me/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/ar/me/")
    if response.status_code != 200:
        raise BenchError(f"/ar/me/ answered {response.status_code}")
    return len(captured.captured_queries)


def measure_dashboard_queries() -> None:
    from django.db import transaction

    from courses.models import CourseIndexPage, CoursePage
    from courses.progress import enrolment_create, lesson_mark_done
    from courses.tests.crowd import add_course

    say("== Learner dashboard: queries with 1 and with 20 enrolled courses ==")
    with contextlib.suppress(_RollBack), transaction.atomic():
        learner = _learner(0)
        demo = CoursePage.objects.get(locale__language_code="ar")
        enrolment_create(learner=learner, course_key=demo.translation_key)
        first = demo.get_descendants().filter(depth=demo.depth + 2).first()
        lesson_mark_done(learner=learner, lesson_key=first.translation_key)
        one = _dashboard_queries(learner)
        catalogue = CourseIndexPage.objects.get(locale__language_code="ar")
        for number in range(EXTRA_COURSES):
            course = add_course(catalogue, number, slug_prefix="bench-course")
            enrolment_create(learner=learner, course_key=course.translation_key)
            first = course.get_descendants().filter(depth=course.depth + 2).first()
            lesson_mark_done(learner=learner, lesson_key=first.translation_key)
        committed_as_if()
        twenty = _dashboard_queries(learner)
        raise _RollBack
    bench("queries_dashboard_1_course", one, "queries")
    bench(f"queries_dashboard_{EXTRA_COURSES + 1}_courses", twenty, "queries")
    bench("queries_dashboard_independent_of_courses", int(twenty <= one), "flag")


@dataclass
class _Session:
    cookie: str
    csrf: str


def _sessions(count: int) -> list[_Session]:
    from django.middleware.csrf import _get_new_csrf_string
    from django.test import Client

    sessions = []
    for number in range(1, count + 1):
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(_learner(number))
        csrf = _get_new_csrf_string()
        cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={csrf}"
        sessions.append(_Session(cookie=cookie, csrf=csrf))
    return sessions


@dataclass
class _Load:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    issued: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _post_progress(port: int, session: _Session, lesson_key: str) -> bool:
    event = {
        "id": str(uuid.uuid4()),
        "lesson": lesson_key,
        "kind": "position",
        "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "position": 12.0,
        "duration": 600.0,
    }
    body = urlencode({"csrfmiddlewaretoken": session.csrf, "events": json.dumps([event])})
    headers = {"Cookie": session.cookie, "Content-Type": "application/x-www-form-urlencoded"}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("POST", "/api/progress/", body=body, headers=headers)
        return connection.getresponse().status == 200
    finally:
        connection.close()


def _worker(port: int, session: _Session, lesson_key: str, deadline: float, load: _Load) -> None:
    while time.perf_counter() < deadline:
        with load.lock:
            if load.issued >= LOAD_MAX_REQUESTS:
                return
            load.issued += 1
        started = time.perf_counter()
        try:
            ok = _post_progress(port, session, lesson_key)
        except OSError:
            ok = False
        with load.lock:
            load.latencies.append(time.perf_counter() - started)
            load.errors += not ok


def measure_progress_endpoint(port: int) -> None:
    from courses.models import LessonPage

    say(f"== Progress endpoint: {LOAD_THREADS} connections, {LOAD_SECONDS:.0f} s ==")
    sessions = _sessions(LOAD_THREADS)
    lesson_key = str(LessonPage.objects.filter(locale__language_code="ar").first().translation_key)
    if not _post_progress(port, sessions[0], lesson_key):
        raise BenchError("the progress endpoint refused a valid event")
    load = _Load()
    started = time.perf_counter()
    threads = [
        threading.Thread(
            target=_worker,
            args=(port, session, lesson_key, started + LOAD_SECONDS, load),
            daemon=True,
        )
        for session in sessions
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    bench("progress_rps", round(len(load.latencies) / elapsed, 1), "req/s")
    bench("progress_latency_p50_ms", round(percentile(load.latencies, 0.50) * 1000, 1), "ms")
    bench("progress_latency_p99_ms", round(percentile(load.latencies, 0.99) * 1000, 1), "ms")
    bench("progress_errors", load.errors, "requests")
