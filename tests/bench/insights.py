"""The statistics at national scale (run by `make bench`): the dataset's build, the refresh of
the summary tables, every dashboard page and the national export of every table.

- The national dataset (``manage.py generate_national``: 65,315 cooperatives, ~790,000 learners
  with their learning, 20 courses in eight languages, 10,000 products, 30,000 orders) lives in a
  database of its own, ``BENCH_NATIONAL_DATABASE`` (``taawounia_national_bench``) on the server of
  ``DATABASE_URL``. It is created, migrated and built when missing or built by another version
  of the generator (the version, scale and build time are kept as the database's comment), and
  reused otherwise: its build time is printed either way. ``BENCH_NATIONAL_SCALE`` (1) shrinks it.
- ``insights.services.refresh_summaries()`` is timed; without it (the statistics not there yet)
  the rest is skipped with a message.
- Each dashboard page (the whole country and its breakdowns and filters, as staff; their region
  as regional staff) is requested once to warm up, then ``BENCH_REQUESTS`` (20) times with
  Django's test client: p50 and p95 of the first view after a refresh (the cache emptied before
  each request, every figure computed) against the goal of 1 s at p95, and ``_cached_`` p50 and
  p95 of a later view (the figures from the cache).
- Each table is exported for the whole country as CSV and XLSX, three times: the slowest against
  the goal of 10 s.

Development settings (``DEBUG`` on: Django keeps the last 9,000 queries); one process, no server.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.dev")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

DATABASE = os.environ.get("BENCH_NATIONAL_DATABASE", "taawounia_national_bench")
SCALE = float(os.environ.get("BENCH_NATIONAL_SCALE", "1"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "20"))
PAGE_GOAL_MS, EXPORT_GOAL_S = 1000, 10
STAFF, REGIONAL = "+212700000801", "+212700000802"
REGION = "09"  # Souss-Massa
PAGES = {  # name → the dashboard's query string
    "national": {},
    "by_province": {"by": "province"},
    "by_sector": {"by": "sector"},
    "by_gender": {"by": "gender"},
    "by_youth": {"by": "youth"},
    "by_language": {"by": "language"},
    "by_role": {"by": "role"},
    "by_cohort": {"by": "cohort"},
    "by_month": {"by": "month"},
    "women": {"gender": "woman"},
    "young_women": {"gender": "woman", "youth": "young"},
    "argan_souss_women": {"region": REGION, "sector": "argan", "gender": "woman"},
    "year": {"start": "2026-01", "end": "2026-12"},
}
REGIONAL_PAGES = ("national", "by_province", "women", "argan_souss_women", "by_month")


def bench(name: str, value, unit: str, note: str = "") -> None:
    shown = f"{value:.1f}" if isinstance(value, float) else str(value)
    print(f"BENCH {name} {shown} {unit}" + (f"  # {note}" if note else ""), flush=True)


def _server_url(database: str) -> str:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


def _signature() -> str:
    from insights.national.build import SEED, VERSION

    return f"national dataset v{VERSION} seed {SEED} scale {SCALE:g}"


def _comment() -> str | None:
    """The bench database's comment, or None when there is no such database."""
    import psycopg

    with psycopg.connect(_server_url("postgres"), autocommit=True) as connection:
        row = connection.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [DATABASE],
        ).fetchone()
    return None if row is None else (row[0] or "")


def _recreate() -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(_server_url("postgres"), autocommit=True) as connection:
        name = sql.Identifier(DATABASE)
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        connection.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(name))


def _dataset() -> float:
    """Build the dataset if needed (before Django is set up); returns its build time."""
    os.environ["DATABASE_URL"] = _server_url(DATABASE)
    import django

    django.setup()
    comment = _comment()
    if comment and comment.startswith(_signature() + " built in "):
        from django.core.management import call_command

        seconds = float(comment.split(" built in ")[1].split()[0])
        print(f"National dataset reused ({comment}).", flush=True)
        call_command("migrate", verbosity=0)  # the apps' newer tables, if any
        return seconds
    return _build()


def _build() -> float:
    from django.core.management import call_command
    from django.db import connection

    from insights.national.build import national_generate

    connection.close()
    _recreate()
    print(f"Building the national dataset in {DATABASE} (scale {SCALE:g})…", flush=True)
    started = time.monotonic()
    call_command("migrate", verbosity=0)
    migrated = time.monotonic() - started
    figures = national_generate(scale=SCALE, out=lambda line: print(line, flush=True))
    seconds = figures["seconds"]
    bench("national_migrate_seconds", round(migrated, 1), "s")
    with connection.cursor() as cursor:
        comment = f"{_signature()} built in {seconds} s"
        cursor.execute(f"COMMENT ON DATABASE {connection.settings_dict['NAME']} IS %s", [comment])
    return seconds


def _counts() -> None:
    from insights.national.build import national_counts

    for name, count in national_counts().items():
        bench(f"national_rows_{name}", count, "rows")


def _refresh() -> bool:
    try:
        from insights.services import refresh_summaries
    except ImportError:
        print(
            "SKIP statistics: insights.services.refresh_summaries is not there yet "
            "(the statistics space is built in another branch); no page to time.",
            flush=True,
        )
        return False
    started = time.monotonic()
    report = refresh_summaries()
    bench("insights_refresh_seconds", round(time.monotonic() - started, 1), "s")
    bench("insights_summary_rows", getattr(report, "rows", 0), "rows")
    return True


def _users():
    """A staff member who sees the country and a regional one (Souss-Massa): made once."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    user_model = get_user_model()
    staff, _created = user_model.objects.get_or_create(
        phone_number=STAFF, defaults={"is_staff": True, "is_superuser": True}
    )
    regional, _created = user_model.objects.get_or_create(
        phone_number=REGIONAL, defaults={"is_staff": True, "region": REGION}
    )
    wanted = (("wagtailadmin", "access_admin"), ("insights", "view_statistics"))
    for app_label, codename in wanted:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission:
            regional.user_permissions.add(permission)
    return staff, regional


def _times(client, url: str, count: int, *, cached: bool = False) -> list[float]:
    from django.core.cache import cache

    response = client.get(url)  # warm-up
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(count):
        if not cached:
            cache.clear()  # the first view after a refresh: every figure computed
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)


def _percentile(times: list[float], share: float) -> float:
    return times[min(len(times) - 1, round(share * (len(times) - 1)))]


def _pages(client, who: str, names) -> list[str]:
    from django.urls import reverse

    slow = []
    for name in names:
        query = PAGES[name]
        url = reverse("insights_dashboard") + ("?" + urlencode(query) if query else "")
        cached = _times(client, url, REQUESTS, cached=True)
        bench(f"insights_page_{who}_{name}_cached_p50", round(statistics.median(cached), 1), "ms")
        bench(f"insights_page_{who}_{name}_cached_p95", round(_percentile(cached, 0.95), 1), "ms")
        times = _times(client, url, REQUESTS)
        p50, p95 = statistics.median(times), _percentile(times, 0.95)
        over = p95 > PAGE_GOAL_MS
        bench(f"insights_page_{who}_{name}_p50", round(p50, 1), "ms")
        bench(f"insights_page_{who}_{name}_p95", round(p95, 1), "ms",
              f"goal {PAGE_GOAL_MS} ms" + (" OVER GOAL" if over else ""))  # fmt: skip
        if over:
            slow.append(url)
    return slow


def _exports(client) -> list[str]:
    from django.urls import reverse

    from insights.selectors import TABLES

    slow = []
    for table in TABLES:
        for fmt in ("csv", "xlsx"):
            url = reverse("insights_export", kwargs={"table": table, "fmt": fmt})
            times, size = [], 0
            for _ in range(3):
                started = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - started)
                assert response.status_code == 200, (url, response.status_code)
                size = len(b"".join(response) if response.streaming else response.content)
            worst = max(times)
            over = worst > EXPORT_GOAL_S
            note = f"{size} bytes, goal {EXPORT_GOAL_S} s" + (" OVER GOAL" if over else "")
            bench(f"insights_export_{table}_{fmt}_seconds", round(worst, 2), "s", note)
            if over:
                slow.append(url)
    return slow


def main() -> int:
    if not os.environ.get("DATABASE_URL", "postgres").startswith("postgres"):
        print("insights bench: set DATABASE_URL to a PostgreSQL server", flush=True)
        return 0
    seconds = _dataset()
    bench("national_build_seconds", seconds, "s")
    _counts()
    if not _refresh():
        return 0
    from django.test import Client

    staff, regional = _users()
    slow = []
    for who, user, names in (("staff", staff, PAGES), ("regional", regional, REGIONAL_PAGES)):
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        slow += _pages(client, who, names)
    client = Client(HTTP_HOST="localhost")
    client.force_login(staff)
    slow += _exports(client)
    print("Over the goals: " + (", ".join(slow) if slow else "none"), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
