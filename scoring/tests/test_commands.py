"""The command, the task and the beat entry all run the same bulk computation."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from scoring.models import ScoreRun
from scoring.tasks import COMPUTE_TASK, scores_compute_task

from .factories import cooperative_make

pytestmark = pytest.mark.django_db


def test_command_scores_every_active_cooperative_and_says_how_long():
    cooperative_make(members_count=10)
    cooperative_make(members_count=10, status="struck_off")
    out = StringIO()
    call_command("compute_scores", stdout=out)
    run = ScoreRun.objects.get()
    assert run.cooperatives == run.scores.count() >= 1
    assert f"{run.cooperatives} cooperatives scored in" in out.getvalue()
    assert not run.scores.filter(cooperative__status="struck_off").exists()


def test_task_runs_the_computation_and_beat_schedules_it():
    cooperative_make(members_count=10)
    scores_compute_task()
    assert ScoreRun.objects.filter(finished_at__isnull=False).count() == 1
    entries = [entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()]
    assert COMPUTE_TASK in entries
