"""Failures heal: a killed ffmpeg is tried again later (bounded, with back-off) and leaves no
partial output; a permanent failure says why in words a trainer understands; failed assets are
not offered in the lesson's media chooser; a learner can play the first renditions early."""

import os
import stat
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import translation

from media_pipeline.av import run
from media_pipeline.models import MediaAsset
from media_pipeline.selectors import player_for
from media_pipeline.services.processing import asset_process
from media_pipeline.services.sweep import assets_sweep

from .factories import asset_from

pytestmark = pytest.mark.django_db

KILLED_LADDER = """#!/bin/sh
case "$*" in
  *-var_stream_map*) (sleep 0.4; kill -9 $$) & ;;
esac
exec ffmpeg "$@"
"""
BROKEN_LADDER = """#!/bin/sh
case "$*" in
  *-var_stream_map*) echo "[libx264 @ 0x5581] encoder gave up at fr" >&2; exit 1 ;;
esac
exec ffmpeg "$@"
"""


def _program(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def _leftovers(asset: MediaAsset) -> list[str]:
    root = Path(default_storage.path(asset.folder))
    return sorted(p.name for p in root.iterdir() if p.name != "original")


@pytest.fixture
def killed_ffmpeg(monkeypatch, tmp_path):
    """ffmpeg, killed (SIGKILL) 0.4 s into the ladder, as the out-of-memory killer would."""
    monkeypatch.setattr(run, "FFMPEG", _program(tmp_path, "ffmpeg-killed", KILLED_LADDER))


def test_a_killed_ffmpeg_is_tried_again_later_and_leaves_nothing(clips, killed_ffmpeg, sent,
                                                                  monkeypatch):  # fmt: skip
    asset = asset_from(clips["video"])
    sent.clear()
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert (asset.status, asset.error_code) == (MediaAsset.Status.UPLOADED, "interrupted")
    assert asset.error_message  # "…it will be tried again automatically…"
    assert sent == [("asset_process_task", asset.pk, 30)]  # back-off, not at once
    assert _leftovers(asset) == []
    assert not asset.renditions.exists()
    assert player_for(asset_id=asset.pk, language="en") is None

    sent.clear()
    assert assets_sweep().processing == []  # not before its time
    report = assets_sweep(now=asset.retry_at + timedelta(seconds=1))  # the delayed one was lost
    assert report.processing == [asset.pk]
    monkeypatch.undo()
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert (asset.status, asset.error_code) == (MediaAsset.Status.TRANSCRIBING, "")
    assert asset.attempts == 2


def test_a_recording_killed_every_time_fails_after_the_last_attempt(clips, killed_ffmpeg, sent,
                                                                    settings):  # fmt: skip
    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, "MAX_ATTEMPTS": 2}
    asset = asset_from(clips["video"])
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset.error_code == "interrupted"
    assert sent[-1] == ("asset_process_task", asset.pk, 30)
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert (asset.status, asset.error_code) == (MediaAsset.Status.FAILED, "interrupted_too_often")
    with translation.override("en"):
        assert "2 times" in asset.error_message
    assert _leftovers(asset) == []


def test_a_worker_lost_on_its_last_attempt_fails_and_its_outputs_go(clips, sent, settings):
    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, "MAX_ATTEMPTS": 1}
    asset = asset_from(clips["small_video"])
    MediaAsset.objects.filter(pk=asset.pk).update(
        status="transcoding", attempts=1, claimed_at=asset.created_at, heartbeat_at=asset.created_at
    )
    build = Path(default_storage.path(f"{asset.folder}/hls/144p"))
    build.mkdir(parents=True)
    (build / "seg_000.m4s").write_bytes(b"\0" * 1024)
    report = assets_sweep(now=asset.created_at + timedelta(hours=2))
    assert (report.failed, report.processing) == ([asset.pk], [])
    asset.refresh_from_db()
    assert asset.error_code == "interrupted_too_often"
    assert _leftovers(asset) == []


def test_ffmpeg_stopped_by_a_signal_is_transient_and_an_error_is_not():
    import subprocess

    process = subprocess.Popen(
        ["ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2",  # noqa: S607
         "-f", "null", "-"],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    time.sleep(1)
    process.terminate()  # a worker shutting down
    _, stderr = process.communicate(timeout=30)
    assert run.ToolError("ffmpeg", process.returncode, stderr).transient
    assert run.ToolError("ffmpeg", -9, "").transient  # SIGKILL: the out-of-memory killer
    assert run.ToolError("ffmpeg", 1, "[out] No space left on device").transient
    assert not run.ToolError("ffmpeg", 1, "Invalid data found when processing input").transient


def test_a_permanent_failure_speaks_plainly(clips, monkeypatch, tmp_path):
    monkeypatch.setattr(run, "FFMPEG", _program(tmp_path, "ffmpeg-broken", BROKEN_LADDER))
    asset = asset_from(clips["small_video"])
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert (asset.status, asset.error_code) == (MediaAsset.Status.FAILED, "transcode_failed")
    assert "libx264" not in asset.error_message
    assert "0x5581" not in asset.error_message
    assert asset.error_message.endswith(".")
    assert asset.error_params == {}
    assert _leftovers(asset) == []


def test_failed_assets_are_not_offered_in_the_lesson_chooser(clips, admin_client):
    good = asset_from(clips["small_video"], title="Good lesson")
    damaged = asset_from(clips["truncated"], title="Damaged lesson")
    asset_process(asset_id=damaged.pk)
    damaged.refresh_from_db()
    assert damaged.status == MediaAsset.Status.FAILED
    url = reverse("wagtailsnippetchoosers_media_pipeline_mediaasset:choose")
    page = admin_client.get(url).content.decode()
    assert good.title in page
    assert damaged.title not in page
    results = admin_client.get(
        reverse("wagtailsnippetchoosers_media_pipeline_mediaasset:choose_results"),
        {"q": "lesson"},
    ).content.decode()
    assert good.title in results
    assert damaged.title not in results


def test_the_first_renditions_are_playable_before_the_higher_rungs(clips, monkeypatch):
    """Audio-only and the lowest rung are published (and playable) before the higher rungs are
    done, which run at the same time (decision 0046) and join the master playlist when done."""
    from media_pipeline.av import ladder
    from media_pipeline.services import processing

    events = []
    real_transcode, real_publish = ladder.transcode, processing._publish

    def transcoding(source, plan, hls_dir, **kwargs):
        events.append(("start", plan.audio_only))
        real_transcode(source, plan, hls_dir, **kwargs)
        events.append(("done", plan.audio_only))

    def publishing(asset, plans, hls_dir, described, *, final):
        done = real_publish(asset, plans, hls_dir, described, final=final)
        if not final:
            playable = player_for(asset_id=asset.pk, language="en") is not None
            master = (hls_dir / "master.m3u8").read_text()
            events.append(("published", playable, master))
        return done

    monkeypatch.setattr(ladder, "transcode", transcoding)
    monkeypatch.setattr(processing, "_publish", publishing)
    asset = asset_from(clips["video"])
    asset_process(asset_id=asset.pk)
    names = [event[:2] for event in events if event[0] != "published"]
    [(_, playable, master)] = [e for e in events if e[0] == "published"]
    published_at = next(i for i, e in enumerate(events) if e[0] == "published")
    assert names[:2] == [("start", False), ("start", True)] or names[:2] == [
        ("start", True),
        ("start", False),
    ]  # both runs at once
    assert events.index(("done", True)) < published_at  # the first run, then published
    assert playable
    assert "144p/index.m3u8" in master
    assert "audio/index.m3u8" in master
    assert "360p" not in master
    asset.refresh_from_db()
    assert asset.status == MediaAsset.Status.TRANSCRIBING
    final = Path(default_storage.path(asset.master_playlist)).read_text()
    assert all(f"{name}/index.m3u8" in final for name in ("144p", "240p", "360p", "audio"))
    assert asset.playable_at is not None


def test_work_taken_back_from_a_lost_worker_loses_its_partial_outputs(clips, sent):
    asset = asset_from(clips["small_video"])
    MediaAsset.objects.filter(pk=asset.pk).update(
        status="transcoding",
        attempts=1,
        claimed_at=asset.created_at,
        heartbeat_at=asset.created_at,
        playable_at=asset.created_at,
        master_playlist=f"{asset.folder}/hls/master.m3u8",
    )
    partial = Path(default_storage.path(f"{asset.folder}/hls/144p"))
    partial.mkdir(parents=True)
    (partial / "seg_000.m4s").write_bytes(b"\0" * 1024)
    report = assets_sweep(now=asset.created_at + timedelta(hours=2))
    assert report.processing == [asset.pk]
    asset.refresh_from_db()
    assert (asset.status, asset.playable_at, asset.master_playlist) == ("uploaded", None, "")
    assert _leftovers(asset) == []
    assert player_for(asset_id=asset.pk, language="en") is None


FIRST_RUN_BREAKS = """#!/bin/sh
case "$*" in
  *name:audio*) sleep 0.5; echo "[libx264 @ 0x5581] encoder gave up" >&2; exit 1 ;;
esac
exec ffmpeg "$@"
"""


def _ffmpeg_children() -> list[int]:
    """Processes this test started that are still alive (an orphan ffmpeg would be one)."""
    mine = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid() and fields[0] != "Z":
            mine.append(int(entry.name))
    return mine


def test_a_failed_first_run_stops_the_higher_rungs_run(clips, monkeypatch, tmp_path):
    """The higher rungs run at the same time as the first run (decision 0046): when the first
    fails, theirs is stopped; no ffmpeg outlives the task and nothing is left behind."""
    monkeypatch.setattr(run, "FFMPEG", _program(tmp_path, "ffmpeg-first", FIRST_RUN_BREAKS))
    asset = asset_from(clips["video"])
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert (asset.status, asset.error_code) == (MediaAsset.Status.FAILED, "transcode_failed")
    assert _ffmpeg_children() == []
    assert _leftovers(asset) == []


def test_a_lower_limit_makes_the_higher_rungs_again_with_it(clips, monkeypatch, settings):
    """The first run's encoded peak above the ceiling: the higher rungs' run (started with the
    former limit) is stopped and made again with the lower one, like the first."""
    from media_pipeline.av import ladder

    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, "PEAK_CEILING_DBTP": -30.0}
    runs = []
    real = ladder.transcode

    def transcoding(source, plan, hls_dir, **kwargs):
        runs.append((plan.audio_only, kwargs["audio_filter"]))
        real(source, plan, hls_dir, **kwargs)

    monkeypatch.setattr(ladder, "transcode", transcoding)
    asset = asset_from(clips["video"])
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset.status == MediaAsset.Status.TRANSCRIBING
    assert len(runs) == 4  # both runs, then both again
    first_filters = {audio for only, audio in runs[:2]}
    second_filters = {audio for only, audio in runs[2:]}
    assert len(first_filters) == len(second_filters) == 1
    assert first_filters != second_filters  # the lower limit, for every rung
    assert {only for only, _ in runs[2:]} == {True, False}
    assert _ffmpeg_children() == []
    final = Path(default_storage.path(asset.master_playlist)).read_text()
    assert all(f"{name}/index.m3u8" in final for name in ("144p", "240p", "360p", "audio"))
