"""Claims, duplicates, crashes and the sweep."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from core import outbox
from core.models import OutboxMessage
from media_pipeline.av import ladder
from media_pipeline.models import MediaAsset
from media_pipeline.services.assets import asset_reprocess, asset_retry
from media_pipeline.services.processing import asset_process
from media_pipeline.services.sweep import assets_sweep

from .factories import asset_from

pytestmark = pytest.mark.django_db


def _files(asset: MediaAsset) -> set[str]:
    root = default_storage.path(asset.folder)
    return {str(p.relative_to(root)) for p in Path(root).rglob("*") if p.is_file()}


def test_the_same_task_twice_makes_one_set_of_outputs(clips):
    asset = asset_from(clips["small_video"])
    asset_process(asset_id=asset.pk)
    files = _files(asset)
    asset_process(asset_id=asset.pk)  # a duplicate message: nothing to claim
    assert _files(asset) == files
    assert asset.renditions.count() == 3  # 144p (the source is 180p), audio only: AAC, Opus
    asset.refresh_from_db()
    assert asset.attempts == 1


def test_reprocessing_overwrites_the_same_paths(clips, sent):
    asset = asset_from(clips["small_video"])
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    files, renditions = _files(asset), asset.renditions.count()
    MediaAsset.objects.filter(pk=asset.pk).update(status="ready")
    asset.refresh_from_db()
    assert asset_reprocess(asset=asset)
    asset_process(asset_id=asset.pk)
    assert _files(asset) == files
    assert asset.renditions.count() == renditions


def test_a_worker_killed_mid_transcode_is_completed_by_the_sweep(clips, monkeypatch, sent):
    asset = asset_from(clips["small_video"])
    real_transcode = ladder.transcode

    def killed(*args, **kwargs):
        raise SystemExit("worker killed")  # the process dies: no except clause runs

    monkeypatch.setattr(ladder, "transcode", killed)
    with pytest.raises(SystemExit):
        asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset.status == MediaAsset.Status.TRANSCODING  # left behind, claimed

    assert assets_sweep().processing == []  # its heartbeat is recent: still someone's
    later = timezone.now() + timedelta(hours=1)
    assert assets_sweep(now=later).processing == [asset.pk]
    assert ("asset_process_task", asset.pk) in sent

    monkeypatch.setattr(ladder, "transcode", real_transcode)
    asset_process(asset_id=asset.pk)  # what the re-sent task does
    asset.refresh_from_db()
    assert asset.status == MediaAsset.Status.TRANSCRIBING
    assert asset.attempts == 2


def test_an_upload_whose_message_was_lost_is_sent_again(clips, sent):
    asset = asset_from(clips["small_video"])
    sent.clear()  # the broker took the message, then lost it
    assert assets_sweep().processing == []
    report = assets_sweep(now=timezone.now() + timedelta(hours=1))
    assert report.processing == [asset.pk]
    assert sent == [("asset_process_task", asset.pk)]


def test_only_failed_assets_can_be_retried(clips):
    asset = asset_from(clips["text"])
    assert not asset_retry(asset=asset)
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset_retry(asset=asset)
    asset.refresh_from_db()
    assert (asset.status, asset.error_code) == ("uploaded", "")


def test_a_broker_outage_leaves_the_upload_waiting_in_the_outbox(
    clips, monkeypatch, django_capture_on_commit_callbacks
):
    from media_pipeline import tasks

    monkeypatch.undo()  # the real outbox, with a broker that refuses
    published = []

    def refused(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(tasks.asset_process_task, "apply_async", refused)
    with django_capture_on_commit_callbacks(execute=True):
        asset = asset_from(clips["small_video"])
    asset.refresh_from_db()
    assert asset.status == MediaAsset.Status.UPLOADED
    assert default_storage.exists(asset.original.name)
    message = OutboxMessage.objects.get(task_name="media_pipeline.asset_process_task")
    assert (message.args, message.published_at, message.attempts) == ([asset.pk], None, 1)

    monkeypatch.setattr(  # the broker is back
        tasks.asset_process_task, "apply_async", lambda **kwargs: published.append(kwargs)
    )
    assert outbox.relay() == 1
    assert [(p["args"], p["task_id"]) for p in published] == [([asset.pk], str(message.pk))]
    assert outbox.relay() == 0  # published once
