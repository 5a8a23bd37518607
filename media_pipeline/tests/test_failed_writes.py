"""A write that fails leaves no original on disk without its row.

The failures are real ones: a database trigger refuses the row, as a locked or broken database
would, after the file was written.
"""

import json
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files import File
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from media_pipeline.models import MediaAsset, Upload, VoiceOverTrack
from media_pipeline.services.assets import asset_create
from media_pipeline.services.voice_overs import voice_over_add

from .factories import asset_from

pytestmark = pytest.mark.django_db


@pytest.fixture
def refuse():
    """Make the database refuse writes to ``table`` where ``condition`` holds (on NEW)."""

    def install(table: str, operation: str, condition: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                CREATE FUNCTION refuse_write() RETURNS trigger AS $$
                BEGIN
                    IF {condition} THEN RAISE EXCEPTION 'refused by the test'; END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql;
                CREATE TRIGGER refuse_write BEFORE {operation} ON {table}
                FOR EACH ROW EXECUTE FUNCTION refuse_write();
                """
            )

    return install


def _lift_refusal() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP FUNCTION refuse_write() CASCADE")


def _originals(media_root) -> list:
    return sorted((media_root / "media").glob("*/original/*")) if media_root.exists() else []


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(phone_number="+212600009912", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_a_failed_ingest_leaves_no_original(tmp_path, media_root, refuse):
    clip = tmp_path / "lesson.mp4"
    clip.write_bytes(os.urandom(64 * 1024))
    refuse("media_pipeline_mediaasset", "INSERT", "TRUE")
    with pytest.raises(Exception, match="refused by the test"):
        call_command("media_ingest", str(clip))
    assert not MediaAsset.objects.filter(original_name="lesson.mp4").exists()
    assert _originals(media_root) == []


def test_a_failed_finish_keeps_the_upload_whole_for_another_try(client, editor, media_root, refuse):
    data = os.urandom(96 * 1024)
    client.force_login(editor)
    description = {"filename": "lesson.mp4", "size": len(data), "title": "Lesson"}
    state = client.post(
        reverse("media_pipeline:upload_create"),
        json.dumps(description),
        content_type="application/json",
    ).json()
    client.generic(
        "PATCH",
        state["url"],
        data,
        content_type="application/offset+octet-stream",
        HTTP_UPLOAD_OFFSET="0",
    )
    refuse("media_pipeline_upload", "UPDATE", "NEW.status = 'complete'")
    client.raise_request_exception = False

    assert client.post(state["url"] + "finish/").status_code == 500
    assert _originals(media_root) == []
    assert not MediaAsset.objects.filter(original_name="lesson.mp4").exists()

    _lift_refusal()
    done = client.post(state["url"] + "finish/")
    assert done.status_code == 201
    asset = MediaAsset.objects.get(pk=done.json()["asset"])
    assert _originals(media_root) == [media_root / asset.original.name]
    assert (media_root / asset.original.name).read_bytes() == data
    assert Upload.objects.get(uuid=state["id"]).status == Upload.Status.COMPLETE


def test_a_failed_admin_save_leaves_no_original(admin_client, media_root, refuse):
    refuse("media_pipeline_mediaasset", "INSERT", "TRUE")
    admin_client.raise_request_exception = False
    with (media_root.parent / "lesson.mp4").open("wb+") as clip:
        clip.write(os.urandom(64 * 1024))
        clip.seek(0)
        response = admin_client.post(
            reverse("wagtailsnippets_media_pipeline_mediaasset:add"),
            {"title": "Lesson", "language": "ar", "original": clip},
        )
    assert response.status_code == 500
    assert not MediaAsset.objects.filter(title="Lesson").exists()
    assert _originals(media_root) == []


def test_a_failed_voice_over_leaves_no_file(tmp_path, media_root, refuse):
    clip = tmp_path / "lesson.mp4"
    clip.write_bytes(os.urandom(32 * 1024))
    with clip.open("rb") as handle:
        asset = asset_create(file=File(handle), filename="lesson.mp4", title="Lesson")
    refuse("media_pipeline_voiceovertrack", "UPDATE", "TRUE")
    with pytest.raises(Exception, match="refused by the test"), clip.open("rb") as handle:
        voice_over_add(asset=asset, language="shi", file=File(handle), filename="shi.m4a")
    assert not VoiceOverTrack.objects.filter(asset=asset).exists()
    assert list((media_root / "media").glob("*/voice-over/**/*.m4a")) == []


def test_an_original_left_by_a_killed_ingest_is_removed_by_the_sweep(tmp_path, media_root):
    """A process killed between storing the original and committing its row (no exception to
    undo it) leaves a file without a row: the sweep removes it once it is old enough, never a
    file whose row exists, nor one a write may still be committing."""
    from datetime import timedelta
    from uuid import uuid4

    from django.utils import timezone

    from media_pipeline.services.sweep import assets_sweep

    from . import media

    clip = media.audio(tmp_path)
    kept = asset_from(clip)
    orphan = media_root / "media" / str(uuid4()) / "original" / "talk.m4a"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(clip.read_bytes())
    assert assets_sweep().orphans == []  # a write may still be committing it
    later = timezone.now() + timedelta(days=1)
    assert assets_sweep(now=later).orphans == [orphan.parent.parent.name]
    assert not orphan.parent.parent.exists()
    assert [path.name for path in _originals(media_root)] == [Path(kept.original.name).name]
