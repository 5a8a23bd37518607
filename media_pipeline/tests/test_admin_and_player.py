"""The admin pages of an asset, subtitle upload and cue editing, permissions, and the player."""

import re

import pytest
from django.contrib.auth.models import Group
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from media_pipeline.api import VideoBlock
from media_pipeline.models import MediaAsset, SubtitleTrack, VoiceOverTrack
from media_pipeline.selectors import voice_language
from media_pipeline.services.processing import asset_process
from media_pipeline.services.subtitles import subtitle_track_upload

from .factories import asset_from

pytestmark = pytest.mark.django_db

SRT = (
    "1\r\n00:00:00,500 --> 00:00:02,000\r\nⴰⵣⵓⵍ ⴼⵍⴰⵡⵏ\r\n\r\n"
    "2\r\n00:00:02,000 --> 00:00:03,500\r\nⵜⴰⵏⵎⵎⵉⵔⵜ\r\n"
)


@pytest.fixture
def trainer(django_user_model):
    user = django_user_model.objects.create_user(phone_number="+212600009901", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def learner(django_user_model):
    return django_user_model.objects.create_user(phone_number="+212600009902", password="x")


@pytest.fixture
def ready_asset(clips):
    asset = asset_from(clips["video"], language="ar")
    asset_process(asset_id=asset.pk)
    MediaAsset.objects.filter(pk=asset.pk).update(status="ready", progress=100)
    asset.refresh_from_db()
    return asset


def test_a_trainer_uploads_srt_which_is_stored_as_webvtt_draft(client, trainer, ready_asset):
    client.force_login(trainer)
    url = reverse("media_pipeline_admin:manage", args=[ready_asset.pk])
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        url,
        {
            "subtitles-language": "shi",
            "subtitles-file": SimpleUploadedFile("shi.srt", SRT.encode()),
        },
    )
    assert response.status_code == 302
    track = ready_asset.subtitles.get(language="shi")
    assert track.vtt.startswith("WEBVTT")
    assert "00:00:00.500 --> 00:00:02.000" in track.vtt
    assert (track.source, track.status) == ("human", "draft")


def test_an_invalid_subtitle_file_is_refused_with_a_message(client, trainer, ready_asset):
    client.force_login(trainer)
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("media_pipeline_admin:manage", args=[ready_asset.pk]),
        {"subtitles-language": "fr", "subtitles-file": SimpleUploadedFile("x.vtt", b"hello")},
    )
    assert response.status_code == 200
    assert not ready_asset.subtitles.exists()
    assert "WebVTT" in response.content.decode()


def test_a_trainer_corrects_a_cue_and_publishes(client, trainer, ready_asset):
    track = subtitle_track_upload(asset=ready_asset, language="ar", text=SRT)
    client.force_login(trainer)
    url = reverse("media_pipeline_admin:track_edit", args=[track.pk])
    assert client.get(url).status_code == 200
    data = {"cues-TOTAL_FORMS": "2", "cues-INITIAL_FORMS": "2"}
    data |= {"cues-0-start": "00:00:00.400", "cues-0-end": "00:00:01.900", "cues-0-text": "سلام"}
    data |= {"cues-1-start": "00:00:02.000", "cues-1-end": "00:00:03.500", "cues-1-text": "x"}
    data |= {"cues-1-DELETE": "on"}
    assert client.post(url, data).status_code == 302
    track.refresh_from_db()
    assert "00:00:00.400 --> 00:00:01.900\nسلام" in track.vtt
    assert "00:00:02.000" not in track.vtt
    client.post(reverse("media_pipeline_admin:track_publish", args=[track.pk]), {"published": "1"})
    track.refresh_from_db()
    assert track.is_published


def test_a_cue_ending_before_it_starts_is_refused(client, trainer, ready_asset):
    track = subtitle_track_upload(asset=ready_asset, language="ar", text=SRT)
    client.force_login(trainer)
    data = {"cues-TOTAL_FORMS": "1", "cues-INITIAL_FORMS": "1"}
    data |= {"cues-0-start": "00:00:03.000", "cues-0-end": "00:00:01.000", "cues-0-text": "x"}
    response = client.post(reverse("media_pipeline_admin:track_edit", args=[track.pk]), data)
    assert response.status_code == 200
    assert "help-critical" in response.content.decode()
    track.refresh_from_db()
    assert "00:00:03.000 --> 00:00:01.000" not in track.vtt


def test_learners_cannot_manage_assets_nor_read_drafts(client, learner, ready_asset):
    track = subtitle_track_upload(asset=ready_asset, language="ar", text=SRT)
    client.force_login(learner)
    assert client.get(
        reverse("media_pipeline_admin:manage", args=[ready_asset.pk])
    ).status_code in {302, 403}
    vtt = reverse("media_pipeline:subtitle_vtt", args=[track.pk])
    assert client.get(vtt).status_code == 404
    track.status = SubtitleTrack.Status.PUBLISHED
    track.save()
    assert client.get(vtt)["Content-Type"].startswith("text/vtt")


def test_retry_and_reprocess_from_the_admin(client, trainer, clips, sent):
    asset = asset_from(clips["text"])
    asset_process(asset_id=asset.pk)
    client.force_login(trainer)
    page = client.get(reverse("media_pipeline_admin:manage", args=[asset.pk])).content.decode()
    assert "<code>not_media</code>" in page
    client.post(reverse("media_pipeline_admin:retry", args=[asset.pk]))
    asset.refresh_from_db()
    assert asset.status == "uploaded"


def test_the_asset_list_shows_status_and_progress(client, trainer, ready_asset):
    client.force_login(trainer)
    response = client.get(reverse("wagtailsnippets_media_pipeline_mediaasset:list"))
    assert response.status_code == 200
    assert ready_asset.title in response.content.decode()


def test_the_video_block_offers_captions_in_the_learners_language_and_sizes(ready_asset):
    subtitle_track_upload(asset=ready_asset, language="zgh", text=SRT)
    published = subtitle_track_upload(asset=ready_asset, language="ar", text=SRT)
    published.status = "published"
    published.save()
    draft = ready_asset.subtitles.get(language="zgh")
    block = VideoBlock()
    value = block.to_python({"asset": ready_asset.pk, "title": "Lesson"})
    with translation.override("shi"):  # shi → zgh (draft, skipped) → ary → ar
        html = block.render(value)
    assert 'srclang="ar"' in html
    assert "default" in html
    assert f"subtitles/{draft.pk}.vtt" not in html
    assert 'data-bytes="' in html, "each quality carries its estimated size"
    assert "low.mp4" in html
    assert "audio.m4a" in html
    assert "data-media-player" in html


@pytest.mark.parametrize(
    ("voice_overs", "original", "page", "expected"),
    [
        (["shi", "fr"], "ar", "shi", "shi"),  # the page language itself
        (["zgh"], "ar", "shi", "zgh"),  # shi → zgh
        (["ar"], "ary", "shi", None),  # shi → zgh → ary: the original comes first
        (["fr"], "ar", "shi", None),  # not on the chain: the original
        (["fr"], "en", "ar", "fr"),  # ar → fr
        (["shi"], "ar", "xx", None),  # an unknown page language
    ],
)
def test_the_default_voice_follows_the_page_languages_chain(voice_overs, original, page, expected):
    assert voice_language(voice_overs, original, page) == expected


def test_the_video_block_offers_voice_overs_defaulting_to_the_learners_language(ready_asset):
    for language in ("shi", "fr"):
        VoiceOverTrack.objects.create(
            asset=ready_asset,
            language=language,
            status="ready",
            published=True,
            download=f"{ready_asset.folder}/voice-over/{language}/audio.m4a",
        )
    VoiceOverTrack.objects.create(asset=ready_asset, language="zgh", status="ready")  # unpublished
    block = VideoBlock()
    value = block.to_python({"asset": ready_asset.pk, "title": "Lesson"})
    with translation.override("shi"):
        html = block.render(value)
    assert "data-voice-audio" in html, "a hidden audio element plays the voice-over in step"
    assert '<option value="shi" data-src="' in html
    assert re.search(r'<option value="shi"[^>]*\bselected\b', html)
    assert not re.search(r'<option value="fr"[^>]*\bselected\b', html)
    assert 'value="zgh"' not in html
    assert re.search(r'<option value="" data-src="[^"]*audio\.m4a">[^<]*\(العربية\)', html)
    with translation.override("en"):  # en → fr: the French voice-over
        html = block.render(value)
    assert re.search(r'<option value="fr"[^>]*\bselected\b', html)
    with translation.override("ar"):  # ar → fr: but ar is the original
        html = block.render(value)
    assert not re.search(r"<option [^>]*\bselected\b", html.split("data-voice")[-1])


def test_an_asset_not_ready_renders_a_notice_not_a_player(clips):
    asset = asset_from(clips["video"])
    with translation.override("en"):
        html = Template("{% include 'media_pipeline/blocks/player.html' %}").render(
            Context({"player": None, "value": {}})
        )
    assert "being prepared" in html
    assert asset.status == "uploaded"
