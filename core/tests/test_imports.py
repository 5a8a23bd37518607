"""Background imports: progress seen while the import runs, one run per job, failures kept."""

import pytest

from core import imports
from core.models import ImportJob

pytestmark = pytest.mark.django_db


@pytest.fixture
def job(django_user_model):
    user = django_user_model.objects.create_user(phone_number="+212600000301", password="x")
    return imports.import_job_create(
        kind="test", created_by=user, file_name="f.csv", data=b"a\n1\n", total=20, language="fr"
    )


def test_progress_is_seen_while_the_import_runs_then_the_report_is_kept(job):
    seen = []

    def runner(*, job, progress):
        progress(7)
        seen.append(imports.import_job_done(job=ImportJob.objects.get(pk=job.pk)))
        return {"count": 20}

    imports.import_runner_register("test", runner)
    imports.import_job_run(job_id=job.pk)
    imports.import_job_run(job_id=job.pk)  # delivered twice: runs once
    job.refresh_from_db()
    assert seen == [7]
    assert (job.state, job.done, job.report, bytes(job.data)) == ("done", 20, {"count": 20}, b"")


def test_a_rejected_or_failed_import_says_so(job, django_user_model):
    def rejecting(*, job, progress):
        raise imports.ImportRejectedError({"problems": [{"row": 2}]})

    imports.import_runner_register("test", rejecting)
    imports.import_job_run(job_id=job.pk)
    job.refresh_from_db()
    assert (job.state, job.report) == ("rejected", {"problems": [{"row": 2}]})

    def failing(*, job, progress):
        raise RuntimeError("disk full")

    other = imports.import_job_create(
        kind="test", created_by=job.created_by, file_name="g.csv", data=b"x", total=1
    )
    imports.import_runner_register("test", failing)
    imports.import_job_run(job_id=other.pk)
    other.refresh_from_db()
    assert other.state == "failed"
    assert other.is_finished
