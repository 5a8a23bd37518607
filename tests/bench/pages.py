"""Learner pages under load, against a plain Wagtail page measured in the same run (issue 16).

Called by run.py, in its environment (production settings, PostgreSQL or SQLite, Redis):

- ``bench_settings``: the production settings plus one template folder of the bench's own, made
  in the run's temporary directory, holding ``wagtailcore/page.html`` — the minimal template of a
  bare Wagtail ``Page`` (no custom selectors, no fallback, no cache of ours): the baseline. The
  product has no such page; the bench adds one (``/ar/bench-plain-page/``) and removes it.
- ``set_up_pages``: 50,000 learners (bulk insert, removed at the end), the baseline page, and one
  signed-in learner enrolled in the demo course, whose session cookie the load generator sends.
- ``measure_pages``: queries per page (in process, warm), then wrk (16 connections, ~10 s per
  page, ``--latency``) against gunicorn; each page's req/s, p99 and queries are printed against
  the goals, with the machine's load average (the machine may be shared: compare the ratio to the
  baseline, measured minutes apart on the same machine).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from run import BenchError, bench, say

WRK = shutil.which("wrk")
SECONDS = 10
CONNECTIONS = 16
CROWD = 50_000
BASELINE = "/ar/bench-plain-page/"
LESSON = "/{language}/founding-a-cooperative/before-you-start/the-six-steps/"
FALLBACK = "/shi/founding-a-cooperative/money-and-registration/bank-and-registration/"
COURSE = "/ar/founding-a-cooperative/"
LEARNER_PHONE = "+212661099999"
MINIMAL_TEMPLATE = """<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{{ page.title }}</title></head>
<body><h1>{{ page.title }}</h1><p>{{ page.seo_title|default:page.title }}</p></body></html>
"""


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    signed_in: bool
    goal_rps: float
    goal_p99_ms: float
    versus_baseline: float = 0.0


TARGETS = [
    Target("lesson_ar_anonymous", LESSON.format(language="ar"), False, 300, 150, 4.0),
    Target("lesson_shi_anonymous", LESSON.format(language="shi"), False, 300, 150, 4.0),
    Target("lesson_fallback_anonymous", FALLBACK, False, 300, 150, 4.0),
    Target("course_anonymous", COURSE, False, 300, 150, 4.0),
    Target("home_anonymous", "/ar/", False, 300, 150, 4.0),
    Target("lesson_ar_signed_in", LESSON.format(language="ar"), True, 150, 250),
    Target("course_signed_in", COURSE, True, 150, 250),
    Target("dashboard", "/ar/me/", True, 150, 250),
]


def bench_settings(var_dir: Path, env: dict[str, str]) -> None:
    """Production settings with the baseline's template folder; gunicorn and this process use
    them (``DJANGO_SETTINGS_MODULE=bench_settings``, the module in ``var_dir``)."""
    templates = var_dir / "bench-templates" / "wagtailcore"
    templates.mkdir(parents=True, exist_ok=True)
    (templates / "page.html").write_text(MINIMAL_TEMPLATE, encoding="utf-8")
    folder = str(templates.parent)
    (var_dir / "bench_settings.py").write_text(
        "from academy.settings.production import *  # noqa: F403\n"
        f"TEMPLATES[0]['DIRS'] = [*TEMPLATES[0]['DIRS'], {folder!r}]  # noqa: F405\n",
        encoding="utf-8",
    )
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(var_dir), env.get("PYTHONPATH")]))
    env["DJANGO_SETTINGS_MODULE"] = "bench_settings"
    sys.path.insert(0, str(var_dir))


def set_up_pages() -> str:
    """The crowd, the baseline page and the signed-in learner; returns her session cookie."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from wagtail.models import Page

    from courses.models import CourseIndexPage, CoursePage
    from courses.progress import enrolment_create, lesson_mark_done

    if connection.vendor == "postgresql":
        from courses.tests.crowd import add_learners

        add_learners(CROWD)
        say(f"{get_user_model().objects.count()} learners in the database")
    home = CourseIndexPage.objects.get(locale__language_code="ar")
    if not Page.objects.child_of(home).filter(slug="bench-plain-page").exists():
        plain = Page(title="صفحة Wagtail عادية", slug="bench-plain-page")
        home.add_child(instance=plain)
        plain.save_revision().publish()
    learner, _created = get_user_model().objects.get_or_create(
        phone_number=LEARNER_PHONE, defaults={"first_name": "Bench"}
    )
    course = CoursePage.objects.get(locale__language_code="ar")
    enrolment_create(learner=learner, course_key=course.translation_key)
    first = course.get_descendants().filter(depth=course.depth + 2).first()
    lesson_mark_done(learner=learner, lesson_key=first.translation_key)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(learner)
    return client.cookies["sessionid"].value


def tear_down_pages() -> None:
    from django.db import connection
    from wagtail.models import Page

    for page in Page.objects.filter(slug="bench-plain-page"):
        page.delete()
    if connection.vendor == "postgresql":
        from courses.tests.crowd import remove_learners

        remove_learners()


def count_queries(path: str, session: str | None) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if session:
        client.cookies["sessionid"] = session
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    if response.status_code != 200:
        raise BenchError(f"{path} answered {response.status_code} in process")
    return len(captured)


@dataclass(frozen=True)
class Load:
    rps: float
    p99_ms: float
    errors: int


def _milliseconds(text: str) -> float:
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(port: int, path: str, session: str | None) -> Load:
    command = [WRK, "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "-H"]
    command.append("Accept-Encoding: gzip")
    if session:
        command += ["-H", f"Cookie: sessionid={session}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)  # noqa: S603
    output = result.stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p99 = re.search(r"\s99%\s+(\S+)", output)
    if result.returncode != 0 or rps is None or p99 is None:
        raise BenchError(f"wrk failed on {path}:\n{output}\n{result.stderr}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    if socket_errors:
        say(f"   wrk socket errors on {path}: {socket_errors.group(1)}")
    return Load(
        float(rps.group(1)), _milliseconds(p99.group(1)), int(errors.group(1)) if errors else 0
    )


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def measure_pages(port: int, session: str) -> None:
    if WRK is None:
        raise BenchError("wrk is missing: make system-packages installs it")
    say(f"== Learner pages: wrk -c{CONNECTIONS}, {SECONDS} s each, against a plain Wagtail page ==")
    queries = {target.name: count_queries(target.path, session if target.signed_in else None)
               for target in TARGETS}  # fmt: skip
    queries["baseline"] = count_queries(BASELINE, None)
    say(f"load average before: {load_average()}")
    baseline = wrk(port, BASELINE, None)
    report("baseline_plain_wagtail", baseline, queries["baseline"])
    results = {}
    for target in TARGETS:
        results[target.name] = wrk(port, target.path, session if target.signed_in else None)
        report(target.name, results[target.name], queries[target.name])
    after = wrk(port, BASELINE, None)
    report("baseline_plain_wagtail_again", after, queries["baseline"])
    say(f"load average after: {load_average()}")
    bench("load_average_1min", round(os.getloadavg()[0], 2), "load")
    reference = (baseline.rps + after.rps) / 2
    say(f"{'page':<28} {'req/s':>8} {'x base':>7} {'p99 ms':>8} {'queries':>7}  goal")
    for target in TARGETS:
        load = results[target.name]
        ratio = load.rps / reference if reference else 0.0
        bench(f"{target.name}_x_baseline", round(ratio, 2), "x")
        goal = [f"≥{target.goal_rps:.0f} req/s", f"p99≤{target.goal_p99_ms:.0f} ms", "≤10 queries"]
        met = [load.rps >= target.goal_rps, load.p99_ms <= target.goal_p99_ms,
               queries[target.name] <= 10]  # fmt: skip
        if target.versus_baseline:
            goal.append(f"≥{target.versus_baseline:.0f}× baseline")
            met.append(ratio >= target.versus_baseline)
        verdict = ", ".join(
            f"{g} {'ok' if m else 'NOT MET'}" for g, m in zip(goal, met, strict=True)
        )
        say(f"{target.name:<28} {load.rps:>8.1f} {ratio:>7.2f} {load.p99_ms:>8.1f} "
            f"{queries[target.name]:>7}  {verdict}")  # fmt: skip
        bench(f"{target.name}_goals_met", int(all(met)), "flag")


def report(name: str, load: Load, queries: int) -> None:
    bench(f"{name}_rps", load.rps, "req/s")
    bench(f"{name}_p99_ms", round(load.p99_ms, 1), "ms")
    bench(f"{name}_queries", queries, "queries")
    if load.errors:
        bench(f"{name}_errors", load.errors, "requests")
