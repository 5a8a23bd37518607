"""Fixtures of the media pipeline's tests: a media folder per test, tiny media made once per
session, a tiny random Whisper, and the tasks recorded instead of sent to a broker."""

import pytest

from . import media
from .tiny_whisper import TEST_DECODE_OPTIONS, make_tiny_whisper


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media-root")
    return tmp_path / "media-root"


@pytest.fixture(autouse=True)
def sent(monkeypatch):
    """Tasks the services send, as (task name, id); nothing reaches a broker."""
    calls: list[tuple[str, int]] = []
    monkeypatch.setattr(
        "media_pipeline.services.enqueue.send", lambda name, pk: calls.append((name, pk))
    )
    monkeypatch.setattr(
        "media_pipeline.services.enqueue.send_later",
        lambda name, pk, *, seconds: calls.append((name, pk, round(seconds))),
    )
    return calls


@pytest.fixture(scope="session")
def clips(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clips")
    clip = media.video(folder)
    return {
        "video": clip,
        "silent_video": media.video(folder, name="silent.mp4", audio=False),
        "small_video": media.video(folder, name="small.mp4", size="320x180", seconds=2),
        "audio": media.audio(folder),
        "truncated": media.truncated(clip, folder),
        "text": media.text_as_mp4(folder),
        "empty": media.empty(folder),
    }


@pytest.fixture(scope="session")
def tiny_whisper_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("whisper")
    make_tiny_whisper(folder)
    return folder


@pytest.fixture
def whisper_settings(settings, tiny_whisper_dir):
    settings.MEDIA_PIPELINE = {
        **settings.MEDIA_PIPELINE,
        "WHISPER_MODEL_DIR": str(tiny_whisper_dir),
        "WHISPER_MODEL": "tiny-random",
        "WHISPER_DEVICE": "cpu",
        "WHISPER_DECODE_OPTIONS": TEST_DECODE_OPTIONS,
    }
    return settings
