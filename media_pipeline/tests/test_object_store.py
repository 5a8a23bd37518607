"""Media on a real S3-compatible HTTP server (moto in server mode, started here): an upload in
chunks, the real ffmpeg on what the store holds, playback URLs a phone can fetch (types, cache
headers, cross-origin), a voice-over, and deletion (docs/decisions/0041)."""

import json
import re
from urllib.error import HTTPError
from urllib.parse import urljoin

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage, storages
from django.urls import reverse

from core.object_store import bucket_prepare
from media_pipeline.models import MediaAsset
from media_pipeline.selectors import player_for
from media_pipeline.services.assets import asset_delete
from media_pipeline.services.processing import asset_process
from media_pipeline.services.transcription import asset_transcribe
from media_pipeline.services.voice_overs import (
    voice_over_add,
    voice_over_process,
    voice_over_publish,
)
from tests.object_store import StoreServer, fetch, new_bucket, policy_of

PORT = 8151
ORIGIN = "http://academy.test"
CHUNK = 96 * 1024


@pytest.fixture(scope="module")
def store_server():
    server = StoreServer(PORT)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def bucket(store_server, settings, tmp_path, media_root):
    made = new_bucket(store_server)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    settings.STORAGES = made.storages()
    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, "SCRATCH_DIR": str(scratch)}
    bucket_prepare(storages["default"], origins=[ORIGIN])
    yield made
    assert not media_root.exists(), "nothing may be written to MEDIA_ROOT"
    assert not any(scratch.iterdir()), "scratch files left behind"


@pytest.fixture
def trainer(django_user_model):
    user = django_user_model.objects.create_user(phone_number="+212600004151", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def _upload(client, data: bytes, django_capture_on_commit_callbacks) -> MediaAsset:
    state = client.post(
        reverse("media_pipeline:upload_create"),
        json.dumps({"filename": "talk.mp4", "size": len(data), "title": "Talk", "language": "ar"}),
        content_type="application/json",
    ).json()
    offset = 0
    while offset < len(data):
        offset = client.generic(
            "PATCH",
            state["url"],
            data[offset : offset + CHUNK],
            content_type="application/offset+octet-stream",
            HTTP_UPLOAD_OFFSET=str(offset),
        ).json()["offset"]
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(state["url"] + "finish/")
    assert done.status_code == 201
    return MediaAsset.objects.get(pk=done.json()["asset"])


def _ready(asset: MediaAsset) -> MediaAsset:
    asset_process(asset_id=asset.pk)
    asset_transcribe(asset_id=asset.pk)  # no speech engine here: ready, with a note
    asset.refresh_from_db()
    assert asset.status == MediaAsset.Status.READY, asset.error_code
    return asset


def _uris(playlist: bytes) -> list[str]:
    lines = playlist.decode().splitlines()
    uris = [line for line in lines if line and not line.startswith("#")]
    return uris + re.findall(r'URI="([^"]+)"', playlist.decode())


@pytest.mark.django_db
def test_an_upload_is_transcoded_from_the_store_and_played_from_it(
    client, trainer, clips, bucket, django_capture_on_commit_callbacks
):
    data = clips["small_video"].read_bytes()
    client.force_login(trainer)
    asset = _upload(client, data, django_capture_on_commit_callbacks)
    assert bucket.keys(f"{asset.folder}/original/") == [asset.original.name]
    assert bucket.keys("uploads/") == []  # the chunks went once the original was committed

    asset = _ready(asset)
    player = player_for(asset_id=asset.pk, language="ar")
    assert player.master_url.startswith(f"{bucket.server.url}/{bucket.name}/{asset.folder}/hls/")

    status, headers, master = fetch(player.master_url, {"Origin": ORIGIN})
    assert status == 200
    assert headers["content-type"] == "application/vnd.apple.mpegurl"
    assert headers["cache-control"] == "public, max-age=5"
    assert headers.get("access-control-allow-origin") in {ORIGIN, "*"}
    variants = _uris(master)
    assert variants
    assert all(not uri.startswith(("/", "http")) for uri in variants)
    for variant in variants:
        variant_url = urljoin(player.master_url, variant)
        _status, _headers, media_playlist = fetch(variant_url)
        segments = _uris(media_playlist)
        assert segments
        assert all(not uri.startswith(("/", "http")) for uri in segments)
        status, headers, body = fetch(urljoin(variant_url, segments[-1]), {"Range": "bytes=0-99"})
        assert status == 206
        assert len(body) == 100
        assert headers["cache-control"] == "public, max-age=86400"

    for url, size in (
        (player.download_url, player.download_bytes),
        (player.audio_url, player.audio_bytes),
    ):
        status, _headers, body = fetch(url)
        assert status == 200
        assert len(body) == size > 0
    assert fetch(player.poster_url)[1]["content-type"] == "image/jpeg"
    assert bucket.keys(f"{asset.folder}/original/") == [asset.original.name]  # kept untouched
    assert default_storage.open(asset.original.name).read() == data
    with pytest.raises(HTTPError) as refused:  # an original is not for anyone to read
        fetch(f"{bucket.server.url}/{bucket.name}/{asset.original.name}")
    assert refused.value.code == 403


@pytest.mark.django_db
def test_a_voice_over_is_packaged_in_the_store_and_listed_in_the_master_playlist(
    clips, bucket, django_capture_on_commit_callbacks
):
    from django.core.files import File

    from .factories import asset_from

    asset = _ready(asset_from(clips["small_video"], language="ar"))
    with clips["audio"].open("rb") as sound, django_capture_on_commit_callbacks(execute=False):
        track = voice_over_add(asset=asset, language="fr", file=File(sound), filename="fr.m4a")
    voice_over_process(track_id=track.pk)
    voice_over_publish(track=track)
    track.refresh_from_db()
    assert track.status == track.Status.READY
    player = player_for(asset_id=asset.pk, language="fr")
    master = fetch(player.master_url)[2].decode()
    uri = re.search(r'TYPE=AUDIO.*URI="([^"]+)"', master).group(1)
    assert uri == "../voice-over/fr/hls/index.m3u8"
    assert fetch(urljoin(player.master_url, uri))[0] == 200
    assert fetch(player.voice_overs[0].url)[0] == 200


@pytest.mark.django_db
def test_deleting_an_asset_removes_every_object_it_had(
    clips, bucket, django_capture_on_commit_callbacks
):
    from .factories import asset_from

    asset = _ready(asset_from(clips["small_video"], language="ar"))
    other = asset_from(clips["audio"], language="ar")
    assert len(bucket.keys(f"{asset.folder}/")) > 5
    with django_capture_on_commit_callbacks(execute=True):
        asset_delete(asset=asset)
    assert bucket.keys(f"{asset.folder}/") == []
    assert bucket.keys(f"{other.folder}/") == [other.original.name]  # another asset's: kept


@pytest.mark.django_db
def test_the_bucket_lets_anyone_read_what_players_read_and_nothing_private(bucket):
    resources = policy_of(bucket)["Statement"][0]["Resource"]
    public = [resource.split(f"{bucket.name}/")[1] for resource in resources]
    assert "media/*/hls/*" in public
    assert "media/*/poster.jpg" in public
    assert not any(p.startswith(("media/*/original", "uploads", "assessments")) for p in public)
