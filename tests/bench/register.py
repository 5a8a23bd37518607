"""The register at national scale: ``python tests/bench/register.py`` against ``DATABASE_URL``.

Prints ``BENCH <name> <value> <unit>`` lines: generating 65,315 cooperatives (replacing an
earlier generated register), checking and importing a 5,000-row file (new rows, then the same
file again, then with every row changed), the public search and the admin list over the whole
register (median of 5 requests, and their database queries). Development settings; the
generated register stays (``manage.py generate_register --remove`` takes it away).
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.dev")


def bench(name: str, value, unit: str) -> None:
    print(f"BENCH {name} {value} {unit}")


def timed(function, times: int = 5) -> tuple[float, int]:
    """Median milliseconds of ``function()`` and the queries of the last call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    durations = []
    for _ in range(times):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            function()
            durations.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(durations), 1), len(queries)


def import_file(count: int, members: int) -> bytes:
    from registry_link.register_rows import COLUMNS

    lines = [",".join(COLUMNS)]
    for n in range(count):
        row = {
            "court": "Agadir", "local_number": f"BENCH-{n}", "name_ar": f"تعاونية الأمل {n}",
            "name_latin": f"Coopérative Al Amal {n}", "sector": "argan", "region": "09",
            "province": "09.001", "commune": "09.001.05.01", "members": str(members),
            "women": str(members), "capital": "10000", "share_value": "100",
        }  # fmt: skip
        lines.append(",".join(row.get(column, "") for column in COLUMNS))
    return "\n".join(lines).encode()


def main() -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from registry_link.demo import register_generate
    from registry_link.imports import register_rows_save, rows_read
    from registry_link.models import Cooperative

    Cooperative.objects.filter(local_number__startswith="BENCH-")._raw_delete("default")
    figures = register_generate(count=65_315)
    bench("register_generate_65315_seconds", figures["seconds"], "s")
    bench("register_generated_members", figures["members"], "members")
    for label, members in (("new", 7), ("same", 7), ("changed", 9)):
        started = time.perf_counter()
        rows = rows_read(name="bench.csv", data=import_file(5000, members))
        result = register_rows_save(rows=rows, reason="bench")
        bench(f"register_import_5000_{label}_seconds", round(time.perf_counter() - started, 2), "s")
        assert sum(result.counts.values()) == 5000
    client = Client(HTTP_HOST="localhost")
    for name, query in (("name", "tifawin"), ("arabic", "النور"), ("number", "G15/2020")):
        assert client.get("/fr/register/", {"q": query}).status_code == 200
        ms, queries = timed(lambda q=query: client.get("/fr/register/", {"q": q}))
        bench(f"register_public_search_{name}_ms", ms, "ms")
        bench(f"register_public_search_{name}_queries", queries, "queries")
    staff = get_user_model().objects.filter(is_superuser=True).first()
    if staff:
        client.force_login(staff)
        assert client.get("/admin/register/", {"q": "tifawin"}).status_code == 200
        ms, queries = timed(lambda: client.get("/admin/register/", {"q": "tifawin"}))
        bench("register_admin_search_ms", ms, "ms")
        bench("register_admin_search_queries", queries, "queries")
    bench_rows = Cooperative.objects.filter(local_number__startswith="BENCH-")
    Cooperative.history.filter(local_number__startswith="BENCH-").delete()
    bench_rows._raw_delete(bench_rows.db)


if __name__ == "__main__":
    main()
