"""The lesson's "Listen" button: the narration nearest to her language, said to be in another
language when it is, and an honest line instead of a silent player when there is none."""

import pytest
from django.utils import timezone, translation

from courses.models import LessonPage
from media_pipeline.models import MediaAsset

pytestmark = pytest.mark.django_db
SLUG = "the-six-steps"


def _lesson(code: str) -> LessonPage:
    return LessonPage.objects.get(slug=SLUG, locale__language_code=code, alias_of__isnull=True)


def _recording(language: str, status=MediaAsset.Status.READY) -> MediaAsset:
    return MediaAsset.objects.create(
        title=f"Narration {language}",
        language=language,
        kind="audio",
        duration=42.0,
        status=status,
        playable_at=timezone.now() if status != MediaAsset.Status.FAILED else None,
        audio_download=f"media/narration-{language}/download/audio.m4a",
    )


def _narrate(code: str, asset: MediaAsset) -> None:
    LessonPage.objects.filter(pk=_lesson(code).pk).update(narration=asset)


def _page(client, code: str) -> str:
    with translation.override("en"):
        return client.get(_lesson(code).url).content.decode()


def _recorded_in(code: str) -> str:
    """The words before the language's name in "Recorded in …", as a page in ``code`` says them."""
    with translation.override(code):
        words = translation.gettext(
            "Recorded in <bdi>%(language)s</bdi>: none in your language yet."
        )
    return words.split("%(language)s")[0]


def test_without_any_recording_she_is_told_so_and_gets_no_player(demo_academy, client):
    html = _page(client, "ary")
    assert "data-listen-none" in html
    with translation.override("ary"):
        assert translation.gettext("No recording in your language yet.") in html
    assert "data-listen-audio" not in html


def test_her_own_language_plays_without_a_note(demo_academy, client):
    _narrate("ary", _recording("ary"))
    html = _page(client, "ary")
    assert "narration-ary/download/audio.m4a" in html
    assert "data-listen-button" in html
    assert _recorded_in("ary") not in html
    assert "data-listen-none" not in html


def test_the_nearest_language_of_her_chain_plays_and_is_named(demo_academy, client):
    _narrate("ar", _recording("ar"))  # the source's recording: Tachelhit → zgh → ary → ar
    _narrate("ary", _recording("ary"))
    html = _page(client, "shi")
    assert "narration-ary/download/audio.m4a" in html
    assert 'lang="ary" data-listen-audio' in html
    assert _recorded_in("shi") in html
    assert "narration-ar/" not in _page(client, "ary")


def test_a_recording_in_a_language_outside_her_chain_is_not_offered(demo_academy, client):
    _narrate("fr", _recording("fr"))  # Darija's chain is ary → ar: French is not hers
    assert "data-listen-none" in _page(client, "ary")
    assert "narration-fr/" in _page(client, "en")  # English falls back through French


def test_a_failed_recording_is_no_recording(demo_academy, client):
    _narrate("ary", _recording("ary", status=MediaAsset.Status.FAILED))
    assert "data-listen-none" in _page(client, "ary")
