"""The resumable upload protocol: create → PATCH at offsets → status → finish."""

import http.client
import json
from urllib.parse import urlparse

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.urls import reverse

from media_pipeline.models import MediaAsset, Upload

CHUNK = 64 * 1024


@pytest.fixture
def trainer(django_user_model):
    user = django_user_model.objects.create_user(phone_number="+212600009911", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def _create(client, data: bytes, name="lesson.mp4"):
    return client.post(
        reverse("media_pipeline:upload_create"),
        json.dumps({"filename": name, "size": len(data), "title": "Lesson", "language": "ar"}),
        content_type="application/json",
    )


def _patch(client, url, offset, body):
    return client.generic(
        "PATCH",
        url,
        body,
        content_type="application/offset+octet-stream",
        HTTP_UPLOAD_OFFSET=str(offset),
    )


@pytest.mark.django_db
def test_an_upload_in_chunks_becomes_an_asset_with_its_bytes_untouched(
    client, trainer, clips, django_capture_on_commit_callbacks, sent
):
    data = clips["video"].read_bytes()
    client.force_login(trainer)
    state = _create(client, data).json()
    offset = 0
    while offset < len(data):
        offset = _patch(client, state["url"], offset, data[offset : offset + CHUNK]).json()[
            "offset"
        ]
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(state["url"] + "finish/")
    assert done.status_code == 201
    asset = MediaAsset.objects.get(pk=done.json()["asset"])
    assert default_storage.open(asset.original.name).read() == data
    assert sent == [("asset_process_task", asset.pk)]  # stored first, then enqueued


@pytest.mark.django_db
def test_a_wrong_offset_gets_the_servers_offset_to_resume_from(client, trainer):
    client.force_login(trainer)
    state = _create(client, b"x" * 1000).json()
    _patch(client, state["url"], 0, b"x" * 300)
    conflict = _patch(client, state["url"], 0, b"x" * 300)
    assert (conflict.status_code, conflict.json()["offset"]) == (409, 300)
    assert client.get(state["url"]).json()["offset"] == 300
    early = client.post(state["url"] + "finish/")
    assert early.status_code == 409


@pytest.mark.django_db
def test_an_oversize_or_wrong_type_upload_is_refused_before_any_byte(client, trainer, settings):
    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, "MAX_UPLOAD_BYTES": 100}
    client.force_login(trainer)
    too_big = _create(client, b"x" * 101)
    assert (too_big.status_code, too_big.json()["code"]) == (422, "too_large")
    wrong = _create(client, b"x", name="setup.exe")
    assert wrong.json()["code"] == "extension_not_allowed"
    assert not Upload.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("size", [-1, 0, -(2**40), 1.5, "12.0", "-5", "ten", True, None, [3]])
def test_a_declared_size_that_is_not_a_number_of_bytes_above_zero_is_refused(client, trainer, size):
    client.force_login(trainer)
    response = client.post(
        reverse("media_pipeline:upload_create"),
        json.dumps({"filename": "lesson.mp4", "size": size, "title": "Lesson"}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_size"
    assert "أكبر من صفر" in response.json()["message"]  # said in the default language, Arabic
    assert not Upload.objects.exists()


@pytest.mark.django_db
def test_a_negative_offset_or_length_is_refused(client, trainer):
    client.force_login(trainer)
    state = _create(client, b"x" * 1000).json()
    negative = _patch(client, state["url"], -10, b"")
    assert negative.status_code == 400
    assert client.get(state["url"]).json()["offset"] == 0


@pytest.mark.django_db
def test_learners_cannot_upload(client, django_user_model):
    client.force_login(django_user_model.objects.create_user(phone_number="+212600009912"))
    assert _create(client, b"x").status_code == 403


@pytest.mark.django_db(transaction=True)
def test_a_connection_dropped_halfway_resumes_where_it_stopped(live_server, trainer, clips, client):
    """A real socket closed in the middle of a chunk: what arrived is kept; the rest follows."""
    data = clips["video"].read_bytes()
    client.force_login(trainer)
    state = _create(client, data).json()
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={'a' * 32}"
    host = urlparse(live_server.url)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=10)
    connection.putrequest("PATCH", state["url"])
    for name, value in {
        "Cookie": cookie,
        "X-CSRFToken": "a" * 32,
        "Upload-Offset": "0",
        "Content-Length": str(len(data)),
        "Content-Type": "application/offset+octet-stream",
    }.items():
        connection.putheader(name, value)
    connection.endheaders()
    half = len(data) // 2
    connection.send(data[:half])
    connection.sock.close()  # the connection drops halfway

    offset = _wait_for_offset(client, state["url"])
    assert 0 < offset <= half
    rest = _patch(client, state["url"], offset, data[offset:])
    assert rest.json()["offset"] == len(data)
    done = client.post(state["url"] + "finish/")
    asset = MediaAsset.objects.get(pk=done.json()["asset"])
    assert default_storage.open(asset.original.name).read() == data


def _wait_for_offset(client, url):
    import time

    for _ in range(50):
        offset = client.get(url).json()["offset"]
        if offset:
            return offset
        time.sleep(0.1)
    return 0
