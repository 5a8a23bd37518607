"""End to end with a real Celery worker and Redis: upload → ready, and a worker killed in the
middle of a transcode whose asset the sweep completes."""

from datetime import timedelta
from pathlib import Path

from django.core.files.storage import default_storage
from django.utils import timezone

from media_pipeline.models import MediaAsset
from media_pipeline.services.sweep import assets_sweep
from media_pipeline.tests import media
from media_pipeline.tests.factories import asset_from

from .conftest import wait_for


def _status(asset: MediaAsset) -> str:
    asset.refresh_from_db()
    return asset.status


def test_an_upload_becomes_ready_through_a_real_worker(worker, tmp_path):
    clip = media.video(tmp_path, seconds=3)
    asset = asset_from(clip, language="ar")  # committed: the message goes to Redis now
    worker.start()
    wait_for(lambda: _status(asset) in MediaAsset.FINAL_STATUSES, timeout=120, log=worker.log)
    assert asset.status == MediaAsset.Status.READY, asset.error_message
    assert asset.renditions.filter(rung="audio").exists()
    assert default_storage.exists(asset.master_playlist)
    assert asset.subtitles_note_code == "no_speech_engine"  # no weights on this worker


def test_a_worker_killed_mid_transcode_leaves_what_the_sweep_completes(worker, tmp_path):
    clip = media.video(tmp_path, seconds=20)
    asset = asset_from(clip, language="fr")
    worker.start()
    wait_for(lambda: _status(asset) == MediaAsset.Status.TRANSCODING, timeout=60, log=worker.log)
    worker.kill()
    assert _status(asset) == MediaAsset.Status.TRANSCODING  # abandoned, still claimed

    report = assets_sweep(now=timezone.now() + timedelta(hours=1))  # the beat, an hour later
    assert report.processing == [asset.pk]
    assert not Path(default_storage.path(f"{asset.folder}/hls")).exists()  # partial: removed
    worker.start()
    wait_for(lambda: _status(asset) in MediaAsset.FINAL_STATUSES, timeout=180, log=worker.log)
    assert asset.status == MediaAsset.Status.READY, asset.error_message
    assert asset.attempts == 2
    assert asset.renditions.filter(rung="360p").count() == 1
