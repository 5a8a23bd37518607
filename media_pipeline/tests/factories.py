from pathlib import Path

from django.core.files import File

from media_pipeline.models import MediaAsset
from media_pipeline.services.assets import asset_create


def asset_from(path: Path, *, language: str = "en", title: str = "") -> MediaAsset:
    with path.open("rb") as handle:
        return asset_create(
            file=File(handle), filename=path.name, title=title or path.stem, language=language
        )
