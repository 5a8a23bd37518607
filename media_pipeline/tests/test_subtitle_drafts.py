"""Edits of a published subtitle track go through draft → publish; a publish reaches learners at
once (issue 19, item 9)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from media_pipeline.selectors import player_for
from media_pipeline.services.subtitles import subtitle_track_publish, subtitle_track_upload

from .test_admin_and_player import SRT, learner, ready_asset, trainer  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def cue_edit(client, track, text: str, *, start="00:00:00.500", end="00:00:02.000"):
    data = {"cues-TOTAL_FORMS": "1", "cues-INITIAL_FORMS": "1"}
    data |= {"cues-0-start": start, "cues-0-end": end, "cues-0-text": text}
    return client.post(reverse("media_pipeline_admin:track_edit", args=[track.pk]), data)


def caption_url(asset, language: str) -> str:
    data = player_for(asset_id=asset.pk, language=language)
    return next(c.url for c in data.captions if c.language == language)


def test_editing_a_published_track_is_a_draft_until_published(client, trainer, ready_asset):  # noqa: F811
    track = subtitle_track_upload(asset=ready_asset, language="shi", text=SRT)
    subtitle_track_publish(track=track)
    client.force_login(trainer)
    first_url = caption_url(ready_asset, "shi")
    first = Client().get(first_url)
    assert "ⴰⵣⵓⵍ ⴼⵍⴰⵡⵏ" in first.content.decode()
    assert "immutable" in first["Cache-Control"]

    assert cue_edit(client, track, "ⴰⵣⵓⵍ ⴼⵍⴰⵡⵏ ⴰⴽⴽⵯ").status_code == 302
    track.refresh_from_db()
    assert track.is_published
    assert track.has_unpublished_changes
    # learners still get the published text, at the same URL
    assert caption_url(ready_asset, "shi") == first_url
    assert "ⴰⴽⴽⵯ" not in Client().get(first_url).content.decode()
    manage = client.get(reverse("media_pipeline_admin:manage", args=[ready_asset.pk]))
    assert "data-unpublished-changes" in manage.content.decode()
    # the editor shows the draft
    editor = client.get(reverse("media_pipeline_admin:track_edit", args=[track.pk]))
    assert "ⴰⴽⴽⵯ" in editor.content.decode()

    client.post(reverse("media_pipeline_admin:track_publish", args=[track.pk]), {"published": "1"})
    track.refresh_from_db()
    assert not track.has_unpublished_changes
    new_url = caption_url(ready_asset, "shi")
    assert new_url != first_url  # no cache can answer the new URL with the former text
    assert "ⴰⴽⴽⵯ" in Client().get(new_url).content.decode()
    # the former URL is not kept by caches any more
    assert Client().get(first_url)["Cache-Control"] == "no-cache"


def test_a_cue_timing_error_is_said_once(client, trainer, ready_asset):  # noqa: F811
    track = subtitle_track_upload(asset=ready_asset, language="ar", text=SRT)
    client.force_login(trainer)
    response = cue_edit(client, track, "x", start="00:00:03.000", end="00:00:01.000")
    assert response.status_code == 200
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        message = translation.gettext("Cue %(number)s ends before it starts.") % {"number": 1}
    assert response.content.decode().count(message) == 1
