"""A background import sent through Redis to a real Celery worker.

Transactional (the worker reads committed rows on its own connection): it lives here, after the
apps' tests, because it empties the database when it ends (see the top conftest).
"""

import pytest

from core import imports


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_takes_the_job_from_the_broker_after_commit(django_user_model):
    """The job goes through Redis to a Celery worker (in a thread) once its row is committed."""
    import time

    from celery import current_app as app
    from celery.contrib.testing.worker import start_worker
    from django.db import transaction

    def runner(*, job, progress):
        progress(1)
        return {"count": job.total}

    imports.import_runner_register("worker-test", runner)
    user = django_user_model.objects.create_user(phone_number="+212600000302", password="x")
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        with transaction.atomic():
            job = imports.import_job_create(
                kind="worker-test", created_by=user, file_name="w.csv", data=b"x", total=3
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.is_finished:
                break
            time.sleep(0.2)
    assert (job.state, job.report) == ("done", {"count": 3})
