"""Two web servers and two workers, each with folders of its own, sharing only PostgreSQL, Redis
and the object store (moto's S3 server), serve one learner consistently: she signs in on A,
her progress goes to B, a trainer uploads on A, a worker transcodes, she plays it from B and
saves it for offline use from B (docs/decisions/0041)."""

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin
from uuid import uuid4

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.storage import storages
from django.db import connection

from core.object_store import bucket_prepare
from tests.media.conftest import QUEUES, Worker, _database_url, wait_for
from tests.object_store import StoreServer, fetch, new_bucket

ROOT = Path(__file__).resolve().parents[2]
STORE_PORT, PORT_A, PORT_B = 8152, 8153, 8154
PIN = "2468"


class WebServer:
    """gunicorn serving the project from its own folder (MEDIA_ROOT, scratch, SMS file)."""

    def __init__(self, port: int, folder: Path, env: dict) -> None:
        self.port, self.folder, self.env, self.process = port, folder, env, None
        self.log = folder / "web.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.folder.mkdir(parents=True)
        command = [sys.executable, "-m", "gunicorn", "academy.wsgi:application"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--threads", "4"]
        with self.log.open("a") as log:
            self.process = subprocess.Popen(  # noqa: S603
                command, cwd=ROOT, env=self.env, stdout=log, stderr=log, start_new_session=True
            )

    def wait_until_ready(self) -> None:
        def answers() -> bool:
            try:
                return requests.get(f"{self.url}/sw.js", timeout=20).status_code == 200
            except requests.RequestException:
                return False

        wait_for(answers, timeout=90, log=self.log)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, 15)
            self.process.wait(timeout=20)


def _environment(folder: Path, bucket, redis_url: str) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "academy.settings.test",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(folder / "media"),
        "MEDIA_SCRATCH_DIR": str(folder / "scratch"),
        "SMS_FILE_PATH": str(folder / "sms.jsonl"),
        "CELERY_TASK_ALWAYS_EAGER": "0",
        **bucket.environment(),
    }
    env.pop("WHISPER_MODEL_DIR", None)
    return env


@pytest.fixture
def cluster(transactional_db, settings, tmp_path):
    if not settings.REDIS_URL or connection.vendor != "postgresql":
        pytest.skip("two servers share PostgreSQL and Redis: set DATABASE_URL and REDIS_URL")
    from academy.celery import app
    from core.geography.loading import is_loaded, load_geography
    from courses.api import load_demo_academy
    from tests import database_snapshot

    if not database_snapshot.taken():  # the session's rows, put back after each such test
        if not is_loaded():
            load_geography()
        load_demo_academy()
    settings.CELERY_TASK_ALWAYS_EAGER = False
    with app.connection_for_write() as broker:
        for queue in QUEUES:
            broker.default_channel.queue_purge(queue)
    store = StoreServer(STORE_PORT)
    store.start()
    bucket = new_bucket(store)
    settings.STORAGES = bucket.storages()
    bucket_prepare(storages["default"], origins=[f"http://127.0.0.1:{PORT_B}"])
    folders = {name: tmp_path / name for name in ("web-a", "web-b", "worker-1", "worker-2")}
    webs = [
        WebServer(port, folders[name], _environment(folders[name], bucket, settings.REDIS_URL))
        for port, name in ((PORT_A, "web-a"), (PORT_B, "web-b"))
    ]
    workers = []
    for name in ("worker-1", "worker-2"):
        folders[name].mkdir()
        env = _environment(folders[name], bucket, settings.REDIS_URL)
        workers.append(Worker(folders[name] / "media", folders[name] / "worker.log", env=env))
    for process in [*webs, *workers]:
        process.start()
    try:
        for process in [*webs, *workers]:
            process.wait_until_ready()
        yield webs, workers, bucket, folders
    finally:
        for process in [*webs, *workers]:
            process.stop()
        store.stop()


def _csrf(session: requests.Session, url: str) -> str:
    html = session.get(url, timeout=10).text
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def _sign_in(server: WebServer, phone: str) -> requests.Session:
    session = requests.Session()
    token = _csrf(session, f"{server.url}/en/signin/")
    answer = session.post(
        f"{server.url}/en/signin/",
        {"csrfmiddlewaretoken": token, "phone_number": phone, "pin": PIN},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302, answer.text[-2000:]
    return session


def _token(session: requests.Session) -> dict:
    return {"X-CSRFToken": session.cookies["csrftoken"]}


def _upload(server: WebServer, session: requests.Session, data: bytes) -> int:
    session.get(f"{server.url}/admin/", timeout=20)  # the CSRF cookie of a signed-in editor
    created = session.post(
        f"{server.url}/media-pipeline/uploads/",
        json={"filename": "talk.mp4", "size": len(data), "title": "Talk", "language": "ar"},
        headers=_token(session),
        timeout=10,
    ).json()
    url, offset, chunk = urljoin(server.url, created["url"]), 0, 64 * 1024
    while offset < len(data):
        headers = {**_token(session), "Upload-Offset": str(offset),
                   "Content-Type": "application/offset+octet-stream"}  # fmt: skip
        body = data[offset : offset + chunk]
        offset = session.patch(url, data=body, headers=headers, timeout=10).json()["offset"]
    done = session.post(url + "finish/", headers=_token(session), timeout=30)
    assert done.status_code == 201, done.text
    return done.json()["asset"]


def _people():
    users = get_user_model().objects
    learner = users.create_user("+212661110041", PIN, first_name="Itto", preferred_language="ar")
    trainer = users.create_user("+212661110042", PIN, first_name="Hassan")
    trainer.groups.add(_editors())
    return learner, trainer


def _editors() -> Group:
    """Wagtail's Editors, as its data migrations make them (another test's flush removes them)."""
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "add_mediaasset", "change_mediaasset", "view_mediaasset"]
        )
    )
    return group


def _lesson_with(asset_id: int):
    from courses.models import LessonPage

    lesson = LessonPage.objects.filter(locale__language_code="ar").order_by("path").first()
    lesson.body = [{"type": "video", "value": {"asset": asset_id, "title": "Talk"}},
                   *lesson.body.raw_data]  # fmt: skip
    lesson.save_revision().publish()
    return lesson


@pytest.mark.django_db(transaction=True)
def test_two_servers_and_two_workers_serve_one_learner(cluster, tmp_path):
    from courses.api import LessonProgress
    from media_pipeline.models import MediaAsset
    from media_pipeline.tests import media

    started = time.monotonic()
    (web_a, web_b), _workers, bucket, folders = cluster
    learner, trainer = _people()
    phone = _sign_in(web_a, learner.phone_number)  # signed in on A…
    assert phone.get(f"{web_b.url}/en/me/", timeout=10, allow_redirects=False).status_code == 200

    from courses.models import LessonPage

    first = LessonPage.objects.filter(locale__language_code="ar").order_by("path").first()
    event = {"id": str(uuid4()), "lesson": str(first.translation_key), "kind": "position",
             "at": "2026-12-07T10:00:00+00:00", "position": 12.5, "duration": 60}  # fmt: skip
    phone.get(f"{web_b.url}/en/me/", timeout=10)
    kept = phone.post(f"{web_b.url}/api/progress/", {"events": json.dumps([event])},
                      headers={**_token(phone), "Referer": web_b.url}, timeout=10)  # fmt: skip
    assert kept.json()["accepted"] == [event["id"]]  # …her progress kept by B
    assert LessonProgress.objects.filter(learner=learner).exists()

    editor = _sign_in(web_a, trainer.phone_number)
    asset_id = _upload(
        web_a, editor, media.video(tmp_path, size="320x180", seconds=2).read_bytes()
    )  # uploaded on A
    try:
        wait_for(lambda: MediaAsset.objects.get(pk=asset_id).status == "ready", timeout=120)
    except AssertionError:
        asset = MediaAsset.objects.get(pk=asset_id)
        logs = [(folders[n] / "worker.log").read_text()[-1500:] for n in ("worker-1", "worker-2")]
        pytest.fail(f"{asset.status} {asset.error_code} {asset.progress}\n" + "\n".join(logs))
    lesson = _lesson_with(asset_id)

    html = phone.get(f"{web_b.url}{lesson.url}", timeout=10).text  # played from B
    master = re.search(rf'{bucket.server.url}/{bucket.name}/media/[^"]+/master\.m3u8', html)
    assert master, "the lesson names the master playlist on the store"
    playlist = fetch(master.group(0), {"Origin": web_b.url})
    assert playlist[0] == 200
    assert playlist[1]["access-control-allow-origin"] in {web_b.url, "*"}
    variant = next(line for line in playlist[2].decode().splitlines() if line.endswith(".m3u8"))
    segments = fetch(urljoin(master.group(0), variant))[2].decode()
    segment = next(line for line in segments.splitlines() if line and not line.startswith("#"))
    assert fetch(urljoin(urljoin(master.group(0), variant), segment))[0] == 200

    plan = phone.get(f"{web_b.url}/ar/offline/save/{lesson.translation_key}/", timeout=20).json()
    stored = [u for u in plan["choices"]["video"]["urls"] if u.startswith(bucket.server.url)]
    assert any(u.endswith("low.mp4") for u in stored)  # the offline save names the store's files
    for url in stored:
        assert fetch(url, {"Origin": web_b.url})[0] == 200

    assert not any(folder.joinpath("media").exists() for folder in folders.values())
    assert all(not any(folder.joinpath("scratch").glob("*")) for folder in folders.values())
    assert time.monotonic() - started < 120
