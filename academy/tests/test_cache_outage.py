"""A Redis that goes down makes pages slower, never broken.

The test starts a Redis of its own, serves the lesson page and the dashboard through it, stops
that Redis by its process id, and asks for the same pages again.
"""

import shutil
import socket
import subprocess
import threading
import time

import pytest
import redis
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import override_settings
from django.utils.translation import override as language

from courses.api import Enrolment, LessonPage

pytestmark = pytest.mark.django_db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def own_redis():
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(  # noqa: S603
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no"],  # noqa: S607
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("the test's redis-server did not start")
            time.sleep(0.05)
    yield process, f"redis://127.0.0.1:{port}/0"
    if process.poll() is None:
        process.kill()
    process.wait()


@pytest.fixture
def cache_on(own_redis, settings):
    process, url = own_redis
    configured = settings.CACHES["default"]
    if "redis" not in configured["BACKEND"].lower():
        pytest.skip("the cache is Redis only where REDIS_URL is set")
    with override_settings(CACHES={"default": {**configured, "LOCATION": url}}):
        yield process, url
        cache.close()


def test_pages_are_served_without_the_cache_when_redis_goes_down(client, cache_on):
    learner = get_user_model().objects.create_user("+212662222222", "2468", first_name="Tuda")
    lesson = LessonPage.objects.live().filter(locale__language_code="en").first()
    course = lesson.get_ancestors().filter(content_type__model="coursepage").get()
    Enrolment.objects.create(learner=learner, course_key=course.translation_key)
    client.force_login(learner)

    def pages():
        with language("en"):
            return client.get("/en/me/"), client.get(lesson.url)

    process, url = cache_on
    for response in pages():
        assert response.status_code == 200
    assert redis.Redis.from_url(url).dbsize() > 0  # the pages did use this Redis

    process.kill()
    process.wait()

    started = time.monotonic()
    for _attempt in range(3):
        dashboard, lesson_page = pages()
        assert dashboard.status_code == 200
        assert course.title in dashboard.content.decode()
        assert lesson_page.status_code == 200
        assert lesson.title in lesson_page.content.decode()
    assert time.monotonic() - started < 5


@pytest.fixture
def silent_server():
    """A server that accepts connections and never answers, as a hung Redis does."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    listener.close()


def test_a_redis_that_hangs_costs_one_short_wait_not_one_per_call(settings, silent_server):
    configured = settings.CACHES["default"]
    if "redis" not in configured["BACKEND"].lower():
        pytest.skip("the cache is Redis only where REDIS_URL is set")
    answers = []

    def use_the_cache():
        answers.append(cache.get("anything", "missing"))
        cache.set("anything", 1)
        answers.append(cache.get_many(["a", "b"]))
        answers.append(cache.get_or_set("anything", 2))

    with override_settings(CACHES={"default": {**configured, "LOCATION": silent_server}}):
        worker = threading.Thread(target=use_the_cache, daemon=True)
        worker.start()
        worker.join(timeout=3)
    assert not worker.is_alive(), "a hung Redis stalled the request"
    assert answers == ["missing", {}, 2]
