"""Bad files end failed with a stable code and a readable message; the original is kept and
nothing else is made."""

import pytest
from django.core.files.storage import default_storage

from media_pipeline.error_codes import MediaError
from media_pipeline.models import MediaAsset
from media_pipeline.services.assets import check_upload
from media_pipeline.services.processing import asset_process

from .factories import asset_from

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("clip", "code"),
    [("text", "not_media"), ("truncated", "corrupt"), ("empty", "empty_file")],
)
def test_a_bad_file_fails_clearly_and_keeps_its_original(clips, clip, code):
    asset = asset_from(clips[clip])
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert (asset.status, asset.error_code) == (MediaAsset.Status.FAILED, code)
    assert asset.error_message
    assert default_storage.exists(asset.original.name)
    assert default_storage.size(asset.original.name) == clips[clip].stat().st_size
    assert not asset.renditions.exists()
    assert not default_storage.exists(f"{asset.folder}/hls")


def test_a_recording_longer_than_allowed_fails_with_both_durations(clips, settings):
    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, "MAX_DURATION_SECONDS": 60 * 60 / 1000}
    asset = asset_from(clips["video"])
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset.error_code == "too_long"
    assert asset.error_params == {"duration": 0, "limit": 0}


def test_an_oversize_file_is_refused_before_upload_and_after_probe(clips, settings):
    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, "MAX_UPLOAD_BYTES": 1024}
    with pytest.raises(MediaError) as refused:
        check_upload(filename="lesson.mp4", size=5 * 1024**3)
    assert refused.value.code == "too_large"
    asset = asset_from(clips["video"])
    asset_process(asset_id=asset.pk)
    asset.refresh_from_db()
    assert asset.error_code == "too_large"
    assert default_storage.exists(asset.original.name)


def test_an_unknown_extension_is_refused():
    with pytest.raises(MediaError) as refused:
        check_upload(filename="lesson.exe", size=10)
    assert refused.value.code == "extension_not_allowed"
    assert ".exe" in refused.value.message
