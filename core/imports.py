"""Imports that run in the background (a Celery task) with a progress bar.

An app registers a runner per kind (``import_runner_register``, from its ``AppConfig.ready``).
The runner reads ``job.data``, calls ``progress(done)`` as rows go by, and returns the report to
keep (JSON); raising ``ImportRejectedError`` with a report means nothing was imported. While it
runs, progress goes to the cache, not the database: the all-or-nothing import holds its
transaction open, and the page that polls must see the count move (no cache: the bar waits).
"""

import logging
from collections.abc import Callable

from django.core.cache import cache
from django.utils import timezone, translation

from . import outbox
from .models import ImportJob

logger = logging.getLogger(__name__)
Runner = Callable[..., dict]
RUNNERS: dict[str, Runner] = {}
PROGRESS_SECONDS = 6 * 60 * 60
RUN_TASK = "core.import_job_run_task"


class ImportRejectedError(Exception):
    """The file has problems: nothing was imported; ``report`` says which."""

    def __init__(self, report: dict):
        super().__init__("rejected")
        self.report = report


def import_runner_register(kind: str, runner: Runner) -> None:
    RUNNERS[kind] = runner


def import_job_create(
    *, kind: str, created_by, file_name: str, data: bytes, total: int, language: str = ""
) -> ImportJob:
    """Store the file; the import goes to a worker through the outbox once the row is committed."""
    job = ImportJob.objects.create(
        kind=kind,
        created_by=created_by,
        file_name=file_name[:255],
        language=language,
        data=data,
        total=total,
    )
    outbox.enqueue(RUN_TASK, job.pk)
    return job


def import_job_run(*, job_id: int) -> None:
    """Run a waiting job once (a second delivery finds it taken and does nothing)."""
    if not ImportJob.objects.filter(pk=job_id, state=ImportJob.State.WAITING).update(
        state=ImportJob.State.RUNNING
    ):
        return
    job = ImportJob.objects.get(pk=job_id)
    state, report = ImportJob.State.DONE, {}
    try:
        with translation.override(job.language or None):
            report = RUNNERS[job.kind](job=job, progress=_progress_writer(job.pk))
    except ImportRejectedError as rejected:
        state, report = ImportJob.State.REJECTED, rejected.report
    except Exception:
        logger.exception("Import job %s failed", job_id)
        state = ImportJob.State.FAILED
    done = job.total if state == ImportJob.State.DONE else import_job_done(job=job)
    ImportJob.objects.filter(pk=job_id).update(
        state=state, report=report, data=b"", done=done, finished_at=timezone.now()
    )


def _progress_key(job_id: int) -> str:
    return f"core:import-job:{job_id}:done"


def _progress_writer(job_id: int) -> Callable[[int], None]:
    def progress(done: int) -> None:
        try:
            cache.set(_progress_key(job_id), done, PROGRESS_SECONDS)
        except Exception:  # no cache: the bar only jumps at the end
            logger.warning("Could not record the progress of import job %s", job_id)

    return progress


def import_job_done(*, job: ImportJob) -> int:
    """Rows done so far: the row's count once finished, the cache's while running."""
    if job.state != ImportJob.State.RUNNING:
        return job.done
    try:
        return int(cache.get(_progress_key(job.pk)) or 0)
    except Exception:
        return 0


def import_job_report_forget(*, job: ImportJob, keys: tuple[str, ...]) -> None:
    """Remove what may be shown only once (activation codes) from a finished job's report."""
    report = {key: value for key, value in job.report.items() if key not in keys}
    ImportJob.objects.filter(pk=job.pk).update(report=report)
