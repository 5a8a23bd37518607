"""Writes: rebuilding the summary tables (decision 0038). Nothing else in the app writes."""

import time
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from marketplace.api import market_figures
from project_bank.api import funnel_figures
from registry_link.api import founding_figures, register_figures

from . import refresh
from .conf import setting
from .models import (
    CoverageSummary,
    FunnelSummary,
    LearningRollup,
    LearningSummary,
    MarketSummary,
    Refresh,
    RegisterSummary,
)

REFRESH_LOCK = 14_0038  # PostgreSQL advisory lock key of the refresh
SUMMARIES = (LearningSummary, RegisterSummary, MarketSummary, FunnelSummary, CoverageSummary)
DERIVED = (LearningRollup,)  # computed from the summaries, not counted in a refresh's rows


@dataclass(frozen=True)
class RefreshReport:
    rows: int
    seconds: float


def _month(value):
    return timezone.localtime(value).date().replace(day=1) if value else None


def _register_rows() -> list[RegisterSummary]:
    return [
        RegisterSummary(
            region=row["region_id"] or "",
            province=row["province_id"] or "",
            sector=row["sector"] or "",
            **{k: row[k] for k in ("cooperatives", "unions", "members", "women", "youth")},
        )
        for row in register_figures()
    ]


def _market_rows() -> list[MarketSummary]:
    measures = ("shops", "products", "orders", "delivered", "delivered_value")
    return [
        MarketSummary(
            month=row["month"] and row["month"].date(),
            region=row["region"] or "",
            sector=row["sector"] or "",
            **{k: row[k] for k in measures if k in row},
        )
        for row in market_figures()
    ]


def _funnel_rows() -> list[FunnelSummary]:
    stages = FunnelSummary.Stage
    rows = []
    for row in funnel_figures():
        place = {"month": _month(row["month"]), "region": row["region"] or ""}
        for stage, key in ((stages.VIEWS, "views"), (stages.ADOPTED, "adopted")):
            if row[key]:
                rows.append(
                    FunnelSummary(**place, sector=row["sector"] or "", stage=stage, count=row[key])
                )
        if row["groups"]:
            rows.append(
                FunnelSummary(
                    **place, sector=row["sector"] or "", stage=stages.GROUPS, count=row["groups"]
                )
            )
    for row in founding_figures():
        place = {"month": _month(row["month"]), "region": row["region_id"] or ""}
        for stage, key in ((stages.FILES, "files"), (stages.REGISTERED, "registered")):
            if row[key]:
                rows.append(
                    FunnelSummary(**place, sector=row["sector"] or "", stage=stage, count=row[key])
                )
    return rows


def _analyze() -> None:
    """Fresh statistics for the planner: the summaries were just rewritten, and autovacuum
    would otherwise plan the dashboard's sums on the previous refresh's row counts."""
    with connection.cursor() as cursor:
        for model in (*SUMMARIES, *DERIVED):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def refresh_summaries() -> RefreshReport:
    """Rebuild every summary table in one transaction: readers see the old figures until the
    new ones are all there. Idempotent; the Celery beat task and ``refresh_statistics`` call it."""
    started, now = time.monotonic(), timezone.localtime()
    year_start = now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    params = {
        "year": now.year,
        "youth_max_age": setting("YOUTH_MAX_AGE"),
        "zone": str(now.tzinfo),
        "year_start": year_start,
    }
    with transaction.atomic():
        # Two refreshes at once (beat and the command) would each delete the rows they see and
        # both insert: the second waits here until the first has committed.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REFRESH_LOCK])
        for model in (*SUMMARIES, *DERIVED):
            model.objects.all().delete()
        refresh.learning_rebuild(params=params)
        refresh.rollup_rebuild()
        refresh.coverage_rebuild(params=params)
        RegisterSummary.objects.bulk_create(_register_rows(), batch_size=2000)
        MarketSummary.objects.bulk_create(_market_rows(), batch_size=2000)
        FunnelSummary.objects.bulk_create(_funnel_rows(), batch_size=2000)
        rows = sum(model.objects.count() for model in SUMMARIES)
        seconds = time.monotonic() - started
        Refresh.objects.create(started_at=now, seconds=seconds, rows=rows)
        _analyze()
    return RefreshReport(rows=rows, seconds=seconds)
