"""``media_ingest`` and voice-over tracks, with the real ffmpeg."""

from io import StringIO

import pytest
from django.core.files import File
from django.core.management import call_command

from media_pipeline.models import MediaAsset
from media_pipeline.services.voice_overs import voice_over_add, voice_over_process

from .factories import asset_from

pytestmark = pytest.mark.django_db


def test_media_ingest_prints_the_id_and_with_wait_the_final_status(clips, settings):
    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, "WHISPER_MODEL_DIR": None}
    out = StringIO()
    call_command("media_ingest", str(clips["audio"]), "--language", "fr", "--sync", stdout=out)
    asset = MediaAsset.objects.get()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"{asset.pk}\t{asset.uuid}")
    assert lines[1].startswith(f"{asset.pk}\tready")


def test_a_voice_over_is_normalised_into_an_audio_rendition(clips):
    asset = asset_from(clips["video"], language="ar")
    with clips["audio"].open("rb") as handle:
        track = voice_over_add(asset=asset, language="shi", file=File(handle), filename="shi.m4a")
    voice_over_process(track_id=track.pk)
    track.refresh_from_db()
    assert track.status == "ready", track.error_message
    assert 0 < track.bitrate <= 48_000
    assert track.download.endswith("voice-over/shi/audio.m4a")
