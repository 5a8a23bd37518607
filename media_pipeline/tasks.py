"""Celery tasks: each takes an id and calls one service. Queues and time limits come from
settings (``CELERY_TASK_ROUTES`` and ``MEDIA_PIPELINE``); see docs/decisions/0005."""

from celery import shared_task
from celery.signals import worker_ready

from . import conf
from .services import processing, sweep, transcription, voice_overs

TRANSCODE_LIMIT = conf.get("TRANSCODE_TIME_LIMIT")
TRANSCRIBE_LIMIT = conf.get("TRANSCRIBE_TIME_LIMIT")


@shared_task(
    name="media_pipeline.asset_process_task",
    acks_late=True,
    time_limit=TRANSCODE_LIMIT,
    soft_time_limit=TRANSCODE_LIMIT - 60,
)
def asset_process_task(asset_id: int) -> None:
    processing.asset_process(asset_id=asset_id)


@shared_task(
    name="media_pipeline.asset_transcribe_task",
    acks_late=True,
    time_limit=TRANSCRIBE_LIMIT,
    soft_time_limit=TRANSCRIBE_LIMIT - 60,
)
def asset_transcribe_task(asset_id: int) -> None:
    transcription.asset_transcribe(asset_id=asset_id)


@shared_task(
    name="media_pipeline.voice_over_process_task",
    acks_late=True,
    time_limit=TRANSCODE_LIMIT,
    soft_time_limit=TRANSCODE_LIMIT - 60,
)
def voice_over_process_task(track_id: int) -> None:
    voice_overs.voice_over_process(track_id=track_id)


@shared_task(name="media_pipeline.assets_sweep_task", time_limit=300, soft_time_limit=240)
def assets_sweep_task() -> None:
    sweep.assets_sweep()


@worker_ready.connect
def sweep_when_a_worker_starts(sender=None, **kwargs) -> None:
    """A worker (re)started: send again what a killed one may have left behind."""
    assets_sweep_task.apply_async(ignore_result=True)
