"""The benchmark of Taawounia Academy: `make bench` prints one ``BENCH <name> <value> <unit>`` line
per figure, among human-readable lines.

What it does, in order:

1. Set-up. ``manage.py migrate``, ``load_demo`` and ``collectstatic`` run in subprocesses with the
   *production* settings (DEBUG off, static files hashed and compressed by WhiteNoise), a random
   ``SECRET_KEY`` made for the run, ``ALLOWED_HOSTS=127.0.0.1,localhost``,
   ``SECURE_SSL_REDIRECT=false`` and ``ACADEMY_VAR_DIR`` set to a temporary directory, so the
   developer's ``var/`` is never touched. The temporary directory is removed at the end.
   Production settings need Redis: the caller's ``REDIS_URL``, else a private ``redis-server``
   on a free port, stopped by its PID at the end.
2. Database queries per page, in this process (``django.setup()`` with the same environment, the
   test ``Client`` and ``CaptureQueriesContext``), for the Arabic lesson, course and module pages;
   each page is requested once to warm up, then counted. Then 45 lessons are added to the first
   module inside a transaction that is rolled back, and the same pages are counted again: the
   figures must not grow with the number of lessons.
3. gunicorn (``academy.wsgi``, two sync workers) on a free port of 127.0.0.1, stopped by its PID
   at the end whatever happens.
4. Page weight in headless Chromium (Playwright, a 360x740 context with an empty cache): the bytes
   on the wire come from the DevTools protocol (``Network.loadingFinished.encodedDataLength``,
   response headers included); requests served from the browser's cache are not counted as
   requests. First visit, repeat visit and the next lesson in Arabic, and a first visit in
   Tachelhit (which needs the Tifinagh web font). Budget: a first visit of at most 60 KiB
   (61,440 bytes); every request of the first visits is listed with its size.
5. Load: 16 threads, each opening a connection per request (http.client, ``Accept-Encoding:
   gzip`` like a browser), against the Arabic lesson for about 10 seconds and at most 5,000
   requests.

   Then each learner page (lessons in Arabic and Tachelhit, a fallback page, the course page,
   home, signed-in lesson, course and dashboard) with wrk -c16 for ~10 s, against a plain
   Wagtail page measured in the same run, with 50,000 learners in the database (``pages.py``).

``run.py pages`` skips the name check, page weight, the load of step 5's first part and the
offline save: the learner pages against the baseline and the progress endpoint only.

6. The name check against a register of 65,315 cooperatives, on PostgreSQL when the run uses it
   and on SQLite, each in a process of its own, rolled back (``name_check.py``).

Databases: SQLite by default, a new file in the temporary directory (named in ``DATABASE_URL``:
production settings have no database of their own). When the caller sets
``DATABASE_URL`` (PostgreSQL), that database is used as it is: migrate and load_demo are applied
to it (both are idempotent), the pages read from it, and the 45 extra lessons are rolled back, so
only what any visitor leaves behind stays (image renditions; sequences advanced by the rolled-back
rows). Pass ``MEDIA_ROOT`` as well when that database's images live in a media folder of their
own; with SQLite the media folder is always in the temporary directory.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
CHROMIUM = "/usr/bin/chromium"

COURSE = "/ar/founding-a-cooperative/"
MODULE = "/ar/founding-a-cooperative/before-you-start/"
LESSON = "/{language}/founding-a-cooperative/before-you-start/the-six-steps/"
EXTRA_LESSONS = 45

BUDGET_BYTES = 60 * 1024
LOAD_THREADS = 16
LOAD_SECONDS = 10.0
LOAD_MAX_REQUESTS = 5000


def bench(name: str, value: float, unit: str) -> None:
    shown = f"{value:.1f}" if isinstance(value, float) else str(value)
    print(f"BENCH {name} {shown} {unit}", flush=True)


def say(text: str = "") -> None:
    print(text, flush=True)


class BenchError(RuntimeError):
    pass


# --- 1. Set-up -----------------------------------------------------------------------------------


def bench_environment(var_dir: Path, redis_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="academy.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        REDIS_URL=redis_url,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SERVE_MEDIA="true",
        SMS_SENDER="academy.sms.HttpSender",
        SMS_HTTP_URL="http://127.0.0.1:9/sms",  # the benchmark sends no SMS
        ACADEMY_VAR_DIR=str(var_dir),
        PYTHONUNBUFFERED="1",
    )
    if not env.get("DATABASE_URL", "").strip():
        env["DATABASE_URL"] = f"sqlite:///{var_dir / 'bench.sqlite3'}"
        env["MEDIA_ROOT"] = str(var_dir / "media")
    for folder in ("media", "broker", "broker-processed"):
        (var_dir / folder).mkdir(parents=True, exist_ok=True)
    return env


def manage(env: dict[str, str], *arguments: str) -> float:
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        say((result.stdout + result.stderr)[-4000:])
        raise BenchError(f"manage.py {' '.join(arguments)} failed ({result.returncode})")
    return elapsed


def set_up(env: dict[str, str]) -> None:
    say("== Set-up (production settings) ==")
    for name, arguments in (
        ("migrate", ("migrate", "--no-input")),
        ("load_demo", ("load_demo",)),
        ("collectstatic", ("collectstatic", "--no-input", "-v", "0")),
    ):
        elapsed = manage(env, *arguments)
        bench(f"setup_{name}_s", round(elapsed, 2), "s")


# --- 2. Database queries -------------------------------------------------------------------------


def measure_queries(env: dict[str, str]) -> None:
    say("== Database queries per page (in process, warm) ==")
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connections

    pages = {
        "lesson_page": LESSON.format(language="ar"),
        "course_page": COURSE,
        "module_page": MODULE,
    }
    try:
        before = {name: capture_queries(path) for name, path in pages.items()}
        after = queries_with_extra_lessons(pages)
    finally:
        connections.close_all()
    for name in pages:
        bench(f"queries_{name}_5_lessons", len(before[name]), "queries")
        bench(f"queries_{name}_{5 + EXTRA_LESSONS}_lessons", len(after[name]), "queries")
    growing = [name for name in pages if len(after[name]) > len(before[name])]
    for name in growing:
        say(f"{name}: the queries repeated most with {5 + EXTRA_LESSONS} lessons:")
        for sql, times in Counter(map(query_shape, after[name])).most_common(3):
            say(f"   {times:>3} x {sql[:160]}")
    say(f"Query counts independent of the number of lessons: {'NO' if growing else 'yes'}")
    bench("queries_independent_of_lessons", int(not growing), "flag")


def query_shape(sql: str) -> str:
    """The SQL with its literal values replaced, so that the same query for many rows groups."""
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)


def capture_queries(path: str, must_contain: bytes | None = None) -> list[str]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.get(path)  # warm-up: renditions, caches, lazily loaded things
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise BenchError(f"{path} answered {response.status_code} in process")
    if must_contain is not None and must_contain not in response.content:
        raise BenchError(f"{path} does not show {must_contain!r}")
    return [query["sql"] for query in captured.captured_queries]


class _RollBack(Exception):  # noqa: N818
    pass


def committed_as_if() -> None:
    """Pages added inside the bench's rolled-back transaction are cached as after a commit, so
    that counts before and after compare warm pages with warm pages (decision 0040)."""
    from courses import page_cache

    page_cache._committed()


def queries_with_extra_lessons(pages: dict[str, str]) -> dict[str, list[str]]:
    from django.db import transaction
    from wagtail.rich_text import RichText

    from courses.models import LessonPage, ModulePage

    counts: dict[str, list[str]] = {}
    with contextlib.suppress(_RollBack), transaction.atomic():
        module = ModulePage.objects.get(
            locale__language_code="ar", url_path__endswith=MODULE.removeprefix("/ar")
        )
        started = time.perf_counter()
        for number in range(1, EXTRA_LESSONS + 1):
            lesson = LessonPage(
                title=f"درس إضافي {number}",
                slug=f"bench-lesson-{number:02d}",
                summary="درس قصير للقياس.",
                body=[("text", RichText(f"<p>فقرة قصيرة رقم {number}.</p>"))],
            )
            module.add_child(instance=lesson)
            lesson.save_revision().publish()
        say(f"Added {EXTRA_LESSONS} lessons in {time.perf_counter() - started:.1f} s (rolled back)")
        committed_as_if()
        last = f"bench-lesson-{EXTRA_LESSONS:02d}".encode()
        for name, path in pages.items():
            counts[name] = capture_queries(path, None if name == "lesson_page" else last)
        raise _RollBack
    if LessonPage.objects.filter(slug__startswith="bench-lesson-").exists():
        raise BenchError("the extra lessons were not rolled back")
    return counts


# --- 3. gunicorn ---------------------------------------------------------------------------------


def free_port(offset: int = 0) -> int:
    """A free port of 127.0.0.1 (``BENCH_PORT`` + ``offset`` when the caller names a range)."""
    if os.environ.get("BENCH_PORT"):
        return int(os.environ["BENCH_PORT"]) + offset
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port: int, path: str, timeout: float = 10.0) -> tuple[int, int]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        return response.status, len(response.read())
    finally:
        connection.close()


def start_gunicorn(env: dict[str, str], port: int, log_path: Path) -> subprocess.Popen:
    executable = GUNICORN if GUNICORN.exists() else BIN / "gunicorn"
    with log_path.open("wb") as log:
        server = subprocess.Popen(  # noqa: S603
            [
                str(executable),
                "academy.wsgi",
                "-w",
                "2",
                "-b",
                f"127.0.0.1:{port}",
                "--access-logfile",
                str(log_path.with_name("access.log")),
                "--access-logformat",
                "%(U)s %(s)s %(B)s",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited ({server.returncode}):\n{log_tail(log_path)}")
        with contextlib.suppress(OSError):
            if get(port, LESSON.format(language="ar"), timeout=5)[0] == 200:
                return server
        time.sleep(0.25)
    raise BenchError(f"gunicorn did not answer within 60 s:\n{log_tail(log_path)}")


def start_redis(var_dir: Path) -> tuple[subprocess.Popen, str]:
    """A private Redis for the run, keeping nothing on disk."""
    port = free_port(1)
    executable = shutil.which("redis-server")
    if executable is None:
        raise BenchError("production settings need Redis: set REDIS_URL or install redis-server")
    log_path = var_dir / "redis.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(  # noqa: S603
            [
                executable,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                str(var_dir),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"redis-server exited ({server.returncode}):\n{log_tail(log_path)}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return server, f"redis://127.0.0.1:{port}/0"
        time.sleep(0.1)
    stop(server)
    raise BenchError(f"redis-server did not answer within 10 s:\n{log_tail(log_path)}")


def stop(server: subprocess.Popen | None) -> None:
    if server is None or server.poll() is not None:
        return
    os.kill(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


def log_tail(path: Path, size: int = 3000) -> str:
    try:
        return path.read_text(errors="replace")[-size:]
    except OSError:
        return ""


# --- 4. Page weight ------------------------------------------------------------------------------


@dataclass
class Request:
    url: str
    kind: str
    status: int | None = None
    size: int = 0
    cached: bool = False
    failed: str | None = None


@dataclass
class Visit:
    requests: list[Request] = field(default_factory=list)

    @property
    def network(self) -> list[Request]:
        return [request for request in self.requests if not request.cached]

    @property
    def bytes(self) -> int:
        return sum(request.size for request in self.network)


class Recorder:
    """Every request of a page, from the DevTools protocol, one visit at a time."""

    def __init__(self, page) -> None:
        self._requests: dict[str, Request] = {}
        self._done: list[Request] = []
        session = page.context.new_cdp_session(page)
        session.on("Network.requestWillBeSent", self._sent)
        session.on("Network.requestServedFromCache", self._from_cache)
        session.on("Network.responseReceived", self._response)
        session.on("Network.loadingFinished", self._finished)
        session.on("Network.loadingFailed", self._failed)
        session.send("Network.enable")

    def _sent(self, event: dict) -> None:
        url = event["request"]["url"]
        if not url.startswith("http"):
            return
        previous = self._requests.pop(event["requestId"], None)
        redirect = event.get("redirectResponse")
        if previous is not None and redirect is not None:
            previous.status = redirect["status"]
            previous.size = int(redirect.get("encodedDataLength", 0))
            self._done.append(previous)
        self._requests[event["requestId"]] = Request(url=url, kind=event.get("type", "?"))

    def _from_cache(self, event: dict) -> None:
        if request := self._requests.get(event["requestId"]):
            request.cached = True

    def _response(self, event: dict) -> None:
        if request := self._requests.get(event["requestId"]):
            response = event["response"]
            request.status = response["status"]
            if response.get("fromDiskCache") or response.get("fromPrefetchCache"):
                request.cached = True

    def _finished(self, event: dict) -> None:
        if request := self._requests.pop(event["requestId"], None):
            request.size = int(event.get("encodedDataLength", 0))
            self._done.append(request)

    def _failed(self, event: dict) -> None:
        if request := self._requests.pop(event["requestId"], None):
            request.failed = event.get("errorText", "failed")
            request.cached = request.cached or bool(event.get("canceled"))
            self._done.append(request)

    def take(self) -> Visit:
        visit = Visit([*self._done, *self._requests.values()])
        self._done, self._requests = [], {}
        return visit


def visit(page, recorder: Recorder, url: str) -> Visit:
    recorder.take()
    response = page.goto(url, wait_until="networkidle")
    if response is None or response.status != 200:
        raise BenchError(f"{url} answered {response and response.status} in Chromium")
    page.wait_for_timeout(200)
    return recorder.take()


def show(title: str, result: Visit, base: str, media_root: Path) -> None:
    say(f"-- {title}: {len(result.network)} requests, {result.bytes} bytes")
    for request in result.requests:
        where = "cache" if request.cached else f"{request.size:>7} B"
        status = request.failed or request.status
        path = request.url.removeprefix(base)
        say(f"   {where:>9}  {status!s:>5}  {request.kind:<10} {path}{unserved(path, media_root)}")


def unserved(path: str, media_root: Path) -> str:
    """For a media file that the server does not serve, the size it has on disk."""
    if not path.startswith("/media/"):
        return ""
    on_disk = media_root / path.removeprefix("/media/").split("?")[0]
    return f"  (not served; {on_disk.stat().st_size} B on disk)" if on_disk.is_file() else ""


def new_page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    return context, page, Recorder(page)


def measure_page_weight(port: int, media_root: Path) -> None:
    from playwright.sync_api import sync_playwright

    say("== Page weight (headless Chromium, 360x740, empty cache) ==")
    base = f"http://127.0.0.1:{port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            context, page, recorder = new_page(browser)
            first = visit(page, recorder, base + LESSON.format(language="ar"))
            cookies = {cookie["name"] for cookie in context.cookies()}
            next_href = page.get_attribute('a[rel="next"]', "href")
            repeat = visit(page, recorder, base + LESSON.format(language="ar"))
            following = visit(page, recorder, base + next_href)
            context.close()
            context, page, recorder = new_page(browser)
            tachelhit = visit(page, recorder, base + LESSON.format(language="shi"))
            context.close()
        finally:
            browser.close()
    show("Arabic lesson, first visit", first, base, media_root)
    show("Arabic lesson, repeat visit", repeat, base, media_root)
    show(f"Next lesson ({next_href})", following, base, media_root)
    show("Tachelhit lesson, first visit", tachelhit, base, media_root)
    if "academy_language" not in cookies:
        say("Note: the browser kept no academy_language cookie (Secure cookie over plain HTTP).")
    report_page_weight(first, repeat, following, tachelhit)


def report_page_weight(first: Visit, repeat: Visit, following: Visit, tachelhit: Visit) -> None:
    bench("lesson_first_visit_bytes", first.bytes, "bytes")
    bench("lesson_first_visit_requests", len(first.network), "requests")
    bench("lesson_repeat_visit_bytes", repeat.bytes, "bytes")
    bench("lesson_repeat_visit_requests", len(repeat.network), "requests")
    bench("next_lesson_bytes", following.bytes, "bytes")
    bench("next_lesson_requests", len(following.network), "requests")
    bench("lesson_shi_first_visit_bytes", tachelhit.bytes, "bytes")
    bench("lesson_shi_first_visit_requests", len(tachelhit.network), "requests")
    broken = [
        request
        for result in (first, repeat, following, tachelhit)
        for request in result.requests
        if request.failed or (request.status or 0) >= 400
    ]
    if broken:
        say(f"Warning: {len(broken)} request(s) failed:")
        for request in broken:
            say(f"   {request.failed or request.status}  {request.url}")
    bench("failed_requests", len(broken), "requests")
    say(f"Budget for a first visit: {BUDGET_BYTES} bytes")
    bench("budget_first_visit_ok", int(first.bytes <= BUDGET_BYTES), "flag")
    bench("budget_first_visit_shi_ok", int(tachelhit.bytes <= BUDGET_BYTES), "flag")


# --- 5. Load -------------------------------------------------------------------------------------


@dataclass
class LoadResult:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    issued: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def load_worker(port: int, path: str, deadline: float, result: LoadResult) -> None:
    while time.perf_counter() < deadline:
        with result.lock:
            if result.issued >= LOAD_MAX_REQUESTS:
                return
            result.issued += 1
        started = time.perf_counter()
        try:
            ok = get(port, path)[0] == 200
        except OSError:
            ok = False
        elapsed = time.perf_counter() - started
        with result.lock:
            result.latencies.append(elapsed)
            result.errors += not ok


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def measure_load(port: int) -> None:
    path = LESSON.format(language="ar")
    say(
        f"== Load: {LOAD_THREADS} connections, {LOAD_SECONDS:.0f} s, at most {LOAD_MAX_REQUESTS} =="
    )
    for _ in range(10):
        get(port, path)
    result = LoadResult()
    started = time.perf_counter()
    threads = [
        threading.Thread(
            target=load_worker, args=(port, path, started + LOAD_SECONDS, result), daemon=True
        )
        for _ in range(LOAD_THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    done = len(result.latencies)
    mean_ms = statistics.fmean(result.latencies) * 1000
    say(f"{done} requests in {elapsed:.1f} s, mean {mean_ms:.1f} ms")
    bench("lesson_rps", round(done / elapsed, 1), "req/s")
    bench("lesson_latency_p50_ms", round(percentile(result.latencies, 0.50) * 1000, 1), "ms")
    bench("lesson_latency_p99_ms", round(percentile(result.latencies, 0.99) * 1000, 1), "ms")
    bench("lesson_errors", result.errors, "requests")


# --- The run -------------------------------------------------------------------------------------


def main() -> int:
    sys.modules.setdefault("run", sys.modules[__name__])  # learners.py imports from this module
    from learners import measure_dashboard_queries, measure_progress_endpoint
    from maps import measure_map_sizes
    from name_check import measure_name_check
    from offline import measure_offline
    from pages import bench_settings, measure_pages, set_up_pages, tear_down_pages

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    only_pages = sys.argv[1:] == ["pages"]  # `run.py pages`: queries and page loads only
    started = time.perf_counter()
    var_dir = Path(tempfile.mkdtemp(prefix="academy-bench-"))
    server = redis = None
    pages_set_up = False
    database = "PostgreSQL (DATABASE_URL)" if os.environ.get("DATABASE_URL") else "SQLite"
    say(f"Taawounia Academy benchmark: {database}, var dir {var_dir}")
    try:
        redis_url = os.environ.get("REDIS_URL", "").strip()
        if not redis_url:
            redis, redis_url = start_redis(var_dir)
        env = bench_environment(var_dir, redis_url)
        bench_settings(var_dir, env)
        set_up(env)
        measure_queries(env)
        session = set_up_pages()
        pages_set_up = True
        measure_dashboard_queries()
        measure_map_sizes()
        if not only_pages:
            measure_name_check(env, bench=bench, var_dir=var_dir)
        port = free_port()
        server = start_gunicorn(env, port, var_dir / "gunicorn.log")
        say(f"gunicorn (PID {server.pid}) answers on http://127.0.0.1:{port}/")
        if not only_pages:
            media = Path(env["MEDIA_ROOT"]) if env.get("MEDIA_ROOT") else var_dir / "media"
            measure_page_weight(port, media)
            measure_load(port)
        measure_pages(port, session)
        measure_progress_endpoint(port)
        if not only_pages:
            measure_offline(port, var_dir / "access.log")
    except BenchError as error:
        say(f"Benchmark failed: {error}")
        return 1
    finally:
        stop(server)
        if pages_set_up:
            tear_down_pages()
        stop(redis)
        shutil.rmtree(var_dir, ignore_errors=True)
    bench("bench_total_s", round(time.perf_counter() - started, 1), "s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
