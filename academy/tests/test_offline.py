"""The server side of offline use: what a save downloads, freshness, the worker, the manifest,
queues that belong to one learner."""

import json
from uuid import uuid4

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from wagtail.models import Page

from academy.offline import AUDIO, VIDEO, files_in
from core.sizes import human_size
from courses.api import LessonPage, LessonProgress, learner_tag

pytestmark = pytest.mark.django_db
PLAYER = """
<figure data-media-player data-kind="video">
  <video poster="/media/p/poster.jpg"><source src="/media/p/low.mp4">
    <track src="/media-pipeline/subtitles/1.vtt" srclang="shi" default>
    <track src="/media-pipeline/subtitles/2.vtt" srclang="fr"></video>
  <audio class="media-player__audio"><source src="/media/p/audio.m4a"></audio>
  <select data-quality><option value="/media/p/hls/master.m3u8">auto</option></select>
  <select data-voice><option data-src="/media/p/audio.m4a">original</option>
    <option data-src="/media/p/voice/shi.m4a" selected>shi</option></select>
</figure>
<figure data-media-player data-kind="audio">
  <audio><source src="/media/q/audio.m4a"></audio></figure>
<img srcset="/media/images/a.width-360.webp 360w, /media/images/a.width-720.webp 720w">
<img data-src="/media/images/b.width-360.webp" alt="">
<img src="https://elsewhere.example/x.png">
<link rel="stylesheet" href="/static/assessments/quiz.css"><script src="/static/x.js"></script>
"""


@pytest.fixture
def learner():
    return get_user_model().objects.create_user(
        "+212661234567", "2468", first_name="Itto", preferred_language="shi"
    )


@pytest.fixture
def client_of(learner):
    client = Client()
    client.force_login(learner)
    return client


def test_a_page_s_files_are_sorted_by_the_choice_that_needs_them():
    found = files_in(PLAYER, base="/shi/lesson/")
    assert found.video == ["/media/p/low.mp4"]
    assert found.audio == ["/media/p/audio.m4a"]  # the video's sound, for "sound only"
    assert found.always == [
        "/media/p/poster.jpg",
        "/media-pipeline/subtitles/1.vtt",  # the subtitles shown by default, not the others
        "/media/p/voice/shi.m4a",  # the voice-over in her language
        "/media/q/audio.m4a",  # a recording without a video is needed either way
        "/media/images/a.width-360.webp",  # one size of a picture: the smallest
        "/media/images/b.width-360.webp",  # a picture left for later (save data)
        "/static/assessments/quiz.css",
        "/static/x.js",
    ]  # no stream playlists, nothing from another site


def test_saving_a_course_lists_every_page_with_its_files_and_sizes(client_of):
    course = Page.objects.get(locale__language_code="shi", slug="founding-a-cooperative")
    response = client_of.get(f"/shi/offline/save/{course.translation_key}/")
    assert response.status_code == 200
    plan = response.json()
    assert plan["kind"] == "course"
    lessons = LessonPage.objects.live().descendant_of(course)
    urls = plan["choices"][AUDIO]["urls"]
    assert urls[0] == course.url
    assert {lesson.url for lesson in lessons} <= set(urls)
    assert any(url.startswith("/media/images/") for url in urls)  # the lessons' pictures
    assert plan["choices"][AUDIO]["bytes"] > 10_000
    assert plan["choices"][VIDEO]["bytes"] >= plan["choices"][AUDIO]["bytes"]
    assert plan["choices"][AUDIO]["label"].startswith("≈ ")
    assert plan["version"]


def test_saving_needs_a_learner_and_a_real_lesson(client_of):
    lesson = LessonPage.objects.filter(locale__language_code="shi").first()
    assert Client().get(f"/shi/offline/save/{lesson.translation_key}/").status_code == 401
    assert client_of.get(f"/shi/offline/save/{uuid4()}/").status_code == 404
    plan = client_of.get(f"/shi/offline/save/{lesson.translation_key}/").json()
    assert plan["kind"] == "lesson"
    assert plan["choices"][AUDIO]["urls"][0] == lesson.url


def test_versions_change_when_a_lesson_is_published_and_vanish_when_it_is_gone(client):
    course = Page.objects.get(locale__language_code="ar", slug="founding-a-cooperative")
    lesson = LessonPage.objects.live().descendant_of(course).first()
    keys = f"{course.translation_key},{lesson.translation_key},{uuid4()}"
    before = client.get(f"/api/offline/versions/?keys={keys}").json()
    lesson.save_revision().publish()
    after = client.get(f"/api/offline/versions/?keys={keys}").json()
    assert after[str(course.translation_key)] != before[str(course.translation_key)]
    assert after[str(lesson.translation_key)] != before[str(lesson.translation_key)]
    assert list(after.values())[2] is None
    LessonPage.objects.filter(translation_key=lesson.translation_key).update(live=False)
    gone = client.get(f"/api/offline/versions/?keys={lesson.translation_key}").json()
    assert gone == {str(lesson.translation_key): None}
    assert client.get("/api/offline/versions/?keys=nonsense").status_code == 400


def test_the_worker_covers_the_whole_site_and_keeps_the_shell():
    response = Client().get("/sw.js")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    script = response.content.decode()
    assert '"/static/academy/css/site.css"' in script
    assert 'importScripts("/static/academy/js/store.js")' in script


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("shi", "ltr"), ("rif", "ltr")])
def test_the_manifest_speaks_the_interface_language(code, direction):
    manifest = Client().get(f"/{code}/manifest.webmanifest").json()
    assert manifest["lang"] == code
    assert manifest["dir"] == direction
    assert manifest["start_url"] == f"/{code}/"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


def test_the_offline_page_is_the_same_for_everyone(client_of):
    html = client_of.get("/shi/offline/").content.decode()
    assert "data-shell" in html
    assert "data-learner" not in html  # kept by the worker for whoever holds the phone
    assert 'lang="shi"' in html


def test_a_queue_is_taken_only_from_the_learner_it_belongs_to(client_of, learner):
    lesson = LessonPage.objects.filter(locale__language_code="shi").first()
    event = {"id": str(uuid4()), "lesson": str(lesson.translation_key), "kind": "done",
             "at": "2026-11-01T10:00:00+00:00"}  # fmt: skip
    form = {"events": json.dumps([event]), "learner": "someone-else"}
    assert client_of.post("/api/progress/", form).status_code == 409
    assert not LessonProgress.objects.filter(learner=learner).exists()
    form["learner"] = learner_tag(learner)
    assert client_of.post("/api/progress/", form).status_code == 200
    assert client_of.post("/api/progress/", form).json()["duplicates"] == [event["id"]]
    assert LessonProgress.objects.get(learner=learner).status == LessonProgress.Status.DONE


def test_learner_tags_are_opaque_and_stable(learner):
    assert learner_tag(learner) == learner_tag(learner)
    assert str(learner.pk) not in learner_tag(learner)
    assert learner_tag(None) == ""


def test_sizes_use_our_own_units():
    with translation.override("en"):
        assert human_size(500) == "500 bytes"
        assert human_size(14 * 1024 * 1024) == "14.0 MB"
        assert human_size(1536) == "1.5 KB"


OPUS_PLAYER = """
<figure data-media-player data-kind="video">
  <video><source src="/media/p/low.mp4"></video>
  <audio class="media-player__audio">
    <source src="/media/p/audio_opus.m4a" type='audio/mp4; codecs="opus"' data-lighter>
    <source src="/media/p/audio.m4a" type="audio/mp4"></audio>
</figure>
<figure data-media-player data-kind="audio">
  <audio><source src="/media/q/audio_opus.m4a" data-lighter><source src="/media/q/audio.m4a">
  </audio></figure>
<figure data-media-player data-kind="audio">
  <audio><source src="/media/r/audio.m4a"></audio></figure>
"""


def test_a_phone_that_plays_opus_saves_the_lighter_sound_only_files():
    """Decision 0046: with ?opus=1 (the phone's MediaSource plays Opus in MP4) the plan lists
    each sound-only file's lighter Opus alternative instead of it; AAC where there is none."""
    found = files_in(OPUS_PLAYER, base="/shi/lesson/")
    assert found.audio == ["/media/p/audio.m4a"]
    assert found.always == ["/media/q/audio.m4a", "/media/r/audio.m4a"]
    lighter = found.with_lighter()
    assert lighter.video == ["/media/p/low.mp4"]
    assert lighter.audio == ["/media/p/audio_opus.m4a"]
    assert lighter.always == ["/media/q/audio_opus.m4a", "/media/r/audio.m4a"]
