"""User uploads served under /media/ (development, or SERVE_MEDIA): never as a page.

``media_served`` (the top conftest) reloads the project's URLs with SERVE_MEDIA on."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture
def stored():
    names = []

    def store(name: str, data: bytes) -> str:
        names.append(default_storage.save(name, ContentFile(data)))
        return names[-1]

    yield store
    for name in names:
        default_storage.delete(name)


@pytest.mark.parametrize("name", ["tests/page.html", "tests/drawing.svg", "tests/page.htm"])
def test_an_uploaded_page_or_svg_is_only_offered_as_a_download(client, media_served, stored, name):
    response = client.get(f"/media/{stored(name, HTML)}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == "attachment"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_sound_video_and_subtitles_are_served_inline_with_nosniff(client, media_served, stored):
    for name, expected in [
        ("tests/clip.mp4", "video/mp4"),
        ("tests/voice.m4a", "audio/"),
        ("tests/track.vtt", "text/vtt"),
    ]:
        response = client.get(f"/media/{stored(name, b'data')}")
        assert response["Content-Type"].startswith(expected)
        assert not response.get("Content-Disposition", "").startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"


def test_hls_segments_are_kept_for_a_year_and_playlists_briefly(client, media_served, stored):
    """A CDN or a phone keeps each segment (never rewritten under its name) and refreshes the
    playlist within a minute (decision 0040)."""
    segment = client.get(f"/media/{stored('tests/asset/hls/240p/segment_00001.m4s', b'x')}")
    init = client.get(f"/media/{stored('tests/asset/hls/240p/init.mp4', b'x')}")
    playlist = client.get(f"/media/{stored('tests/asset/hls/240p/index.m3u8', b'#EXTM3U')}")
    for response in (segment, init):
        assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert playlist["Cache-Control"].startswith("public, max-age=60")
    assert "s-maxage=" in playlist["Cache-Control"]
    other = client.get(f"/media/{stored('tests/voice.m4a', b'x')}")
    assert "immutable" not in other.get("Cache-Control", "")
