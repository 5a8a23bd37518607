from celery import shared_task

from .services import refresh_summaries


@shared_task(name="insights.refresh_summaries_task", time_limit=30 * 60)
def refresh_summaries_task() -> int:
    """Rebuild the statistics' summary tables (scheduled by Celery beat)."""
    return refresh_summaries().rows
