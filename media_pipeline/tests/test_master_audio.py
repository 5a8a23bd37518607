"""Voice-overs listed in the HLS master playlist as audio renditions (issue 19, item 8)."""

from pathlib import Path

import pytest
from django.core.files import File
from django.core.files.storage import default_storage

from media_pipeline.av.hls import read_master_playlist
from media_pipeline.av.hls_audio import AudioRendition, master_audio_renditions_set
from media_pipeline.models import MediaAsset
from media_pipeline.services.processing import asset_process
from media_pipeline.services.voice_overs import (
    voice_over_add,
    voice_over_process,
    voice_over_publish,
)

from .factories import asset_from

MASTER = """#EXTM3U
#EXT-X-VERSION:7
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-STREAM-INF:BANDWIDTH=300000,RESOLUTION=426x240,CODECS="avc1.42c015,mp4a.40.2"
240p/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=600000,RESOLUTION=640x360,CODECS="avc1.42c01e,mp4a.40.2"
360p/index.m3u8
"""


def test_renditions_are_written_once_and_replaced(tmp_path):
    master = tmp_path / "master.m3u8"
    master.write_text(MASTER)
    renditions = [
        AudioRendition(language="ar", name="العربية", uri=None, default=True),
        AudioRendition(language="shi", name='ⵜⴰ"ⵛⵍⵃⵉⵜ', uri="../voice-over/shi/hls/index.m3u8"),
    ]
    master_audio_renditions_set(master, renditions)
    master_audio_renditions_set(master, renditions)  # a second run changes nothing
    text = master.read_text()
    assert text.count("#EXT-X-MEDIA:TYPE=AUDIO") == 2
    assert 'LANGUAGE="shi",NAME="ⵜⴰ\'ⵛⵍⵃⵉⵜ",DEFAULT=NO,AUTOSELECT=YES,URI="../voice' in text
    assert text.index("#EXT-X-MEDIA") < text.index("#EXT-X-STREAM-INF")
    variants = read_master_playlist(master)
    assert [v.attributes["AUDIO"] for v in variants] == ["voice", "voice"]
    assert [v.attributes["BANDWIDTH"] for v in variants] == ["300000", "600000"]
    master_audio_renditions_set(master, renditions[:1])  # the voice-over withdrawn
    assert master.read_text() == MASTER


def test_the_opus_sound_only_variant_lists_the_voice_overs_codec_while_one_is_published(
    tmp_path,
):
    master = tmp_path / "master.m3u8"
    opus = '#EXT-X-STREAM-INF:BANDWIDTH=24000,CODECS="opus"\naudio_opus/index.m3u8\n'
    master.write_text(MASTER + opus)
    renditions = [
        AudioRendition(language="ar", name="العربية", uri=None, default=True),
        AudioRendition(language="shi", name="ⵜⴰⵛⵍⵃⵉⵜ", uri="../voice-over/shi/hls/index.m3u8"),
    ]
    master_audio_renditions_set(master, renditions)
    master_audio_renditions_set(master, renditions)
    codecs = [v.attributes["CODECS"] for v in read_master_playlist(master)]
    assert codecs == ["avc1.42c015,mp4a.40.2", "avc1.42c01e,mp4a.40.2", "opus,mp4a.40.2"]
    master_audio_renditions_set(master, renditions[:1])  # the voice-over withdrawn
    assert master.read_text() == MASTER + opus


@pytest.mark.django_db
def test_a_published_voice_over_is_an_audio_rendition_of_the_master(clips):
    asset = asset_from(clips["video"], language="ar")
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    with clips["audio"].open("rb") as handle:
        track = voice_over_add(asset=asset, language="shi", file=File(handle), filename="shi.m4a")
    voice_over_process(track_id=track.pk)
    track.refresh_from_db()
    master = Path(default_storage.path(asset.master_playlist))
    assert "EXT-X-MEDIA" not in master.read_text()  # a draft voice-over is not offered
    voice_over_publish(track=track)
    text = master.read_text()
    assert '#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="voice",LANGUAGE="ar"' in text
    (line,) = [line for line in text.splitlines() if 'LANGUAGE="shi"' in line]
    uri = line.split('URI="')[1].rstrip('"')
    assert (master.parent / uri).resolve() == Path(default_storage.path(track.playlist)).resolve()
    assert (master.parent / uri).exists()
    assert all(v.attributes["AUDIO"] == "voice" for v in read_master_playlist(master))
    # processing the asset again writes a new master playlist: the voice-over stays listed
    MediaAsset.objects.filter(pk=asset.pk).update(status="uploaded")
    asset_process(asset_id=asset.pk)
    assert 'LANGUAGE="shi"' in master.read_text()
    voice_over_publish(track=track, published=False)
    assert "EXT-X-MEDIA" not in master.read_text()
